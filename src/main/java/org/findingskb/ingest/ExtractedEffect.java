package org.findingskb.ingest;

import org.findingskb.finding.EffectDirection;

/**
 * An effect read in a finding's sentence: {@code subject} acts on {@code object} (both concepts the finding's
 * sentence names, or the study's intervention for the subject) in {@code direction}; {@code evidence} is the part
 * of the source text that says so.
 */
public record ExtractedEffect(ConceptCandidate subject, EffectDirection direction, ConceptCandidate object,
        TextSpan evidence) {
}
