package org.findingskb.ingest;

import java.util.List;

import org.findingskb.finding.Certainty;
import org.findingskb.finding.FindingKind;
import org.findingskb.mechanism.Timescale;

/**
 * One finding with the span of text it came from; {@code timescale} is {@code null} where none is stated;
 * {@code confidence} is the probability that the sentence is a finding; {@code by} says whose result it reports;
 * {@code effects} are those its sentence states.
 */
public record ExtractedFinding(
        String statement,
        FindingKind kind,
        Timescale timescale,
        Certainty certainty,
        double confidence,
        TextSpan evidence,
        List<ConceptCandidate> concepts,
        Attribution by,
        List<ExtractedEffect> effects) {

    public ExtractedFinding {
        concepts = List.copyOf(concepts);
        effects = effects == null ? List.of() : List.copyOf(effects);
    }

    /** A finding with no effects read yet. */
    public ExtractedFinding(String statement, FindingKind kind, Timescale timescale, Certainty certainty,
            double confidence, TextSpan evidence, List<ConceptCandidate> concepts, Attribution by) {
        this(statement, kind, timescale, certainty, confidence, evidence, concepts, by, List.of());
    }

    /** This finding with the effects its sentence states. */
    ExtractedFinding withEffects(List<ExtractedEffect> read) {
        return new ExtractedFinding(statement, kind, timescale, certainty, confidence, evidence, concepts, by, read);
    }

    /** A finding of this study (what the rules and stored findings give). */
    public ExtractedFinding(String statement, FindingKind kind, Timescale timescale, Certainty certainty,
            double confidence, TextSpan evidence, List<ConceptCandidate> concepts) {
        this(statement, kind, timescale, certainty, confidence, evidence, concepts,
                kind == FindingKind.PRIOR_WORK ? Attribution.PRIOR : Attribution.STUDY);
    }
}
