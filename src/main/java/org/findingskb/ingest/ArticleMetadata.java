package org.findingskb.ingest;

import java.util.List;

/** Facts about the article and its study; a fact the article does not state is {@code null}. */
public record ArticleMetadata(
        String title,
        String publisher,
        Integer publishedYear,
        String institution,
        String journal,
        String doi,
        String population,
        List<ExtractedResearcher> researchers,
        List<ConceptCandidate> interventions,
        List<ConceptCandidate> conditions) {

    public ArticleMetadata {
        researchers = List.copyOf(researchers);
        interventions = List.copyOf(interventions);
        conditions = List.copyOf(conditions);
    }
}
