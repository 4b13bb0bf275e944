package org.findingskb.ingest;

import java.util.List;

import org.findingskb.finding.Certainty;
import org.findingskb.finding.FindingKind;
import org.findingskb.mechanism.Timescale;

/**
 * One finding with the span of text it came from; {@code timescale} is {@code null} where none is stated;
 * {@code confidence} is the probability that the sentence is a finding; {@code by} says whose result it reports.
 */
public record ExtractedFinding(
        String statement,
        FindingKind kind,
        Timescale timescale,
        Certainty certainty,
        double confidence,
        TextSpan evidence,
        List<ConceptCandidate> concepts,
        Attribution by) {

    public ExtractedFinding {
        concepts = List.copyOf(concepts);
    }

    /** A finding of this study (what the rules and stored findings give). */
    public ExtractedFinding(String statement, FindingKind kind, Timescale timescale, Certainty certainty,
            double confidence, TextSpan evidence, List<ConceptCandidate> concepts) {
        this(statement, kind, timescale, certainty, confidence, evidence, concepts,
                kind == FindingKind.PRIOR_WORK ? Attribution.PRIOR : Attribution.STUDY);
    }
}
