package org.findingskb.ingest;

import java.util.List;

import org.findingskb.finding.Certainty;
import org.findingskb.finding.FindingKind;
import org.findingskb.mechanism.Timescale;

/** One finding with the span of text it came from; {@code timescale} is {@code null} where none is stated. */
public record ExtractedFinding(
        String statement,
        FindingKind kind,
        Timescale timescale,
        Certainty certainty,
        double confidence,
        TextSpan evidence,
        List<ConceptCandidate> concepts) {

    public ExtractedFinding {
        concepts = List.copyOf(concepts);
    }
}
