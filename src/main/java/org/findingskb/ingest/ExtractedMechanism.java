package org.findingskb.ingest;

import java.util.List;

import org.findingskb.mechanism.Timescale;

/**
 * A mechanism formed from MECHANISM findings of one timescale. {@code findingIndexes} point into
 * {@link ArticleAnalysis#findings()}; {@code onset} is worded as the article words it, or {@code null}.
 */
public record ExtractedMechanism(
        String name,
        Timescale timescale,
        String onset,
        String description,
        List<Integer> findingIndexes,
        List<ConceptCandidate> brainRegions,
        List<ConceptCandidate> pathways,
        List<ConceptCandidate> cellTypes,
        List<ConceptCandidate> interventions) {

    public ExtractedMechanism {
        findingIndexes = List.copyOf(findingIndexes);
        brainRegions = List.copyOf(brainRegions);
        pathways = List.copyOf(pathways);
        cellTypes = List.copyOf(cellTypes);
        interventions = List.copyOf(interventions);
    }
}
