package org.findingskb.compare;

import java.util.List;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import org.findingskb.concept.ConceptRef;
import org.findingskb.finding.Certainty;
import org.findingskb.finding.EffectDirection;
import org.findingskb.mechanism.Timescale;
import org.findingskb.study.DesignResponse;

/**
 * Studies side by side: a row per study and, across them, how many report each direction of each effect.
 * {@code concept} is the concept compared on, {@code null} for a comparison of named studies.
 */
@NullMarked
public record ComparisonResponse(@Nullable ConceptRef concept, List<Row> rows, List<Agreement> agreement) {

    /** One study: who was studied and how, what it found about the concept, each cell with its finding. */
    public record Row(StudyRef study, @Nullable String population, DesignResponse design, List<ConceptRef> interventions,
            List<EffectCell> effects, List<FindingRef> findings, List<MechanismRef> mechanisms) {
    }

    /** An effect a finding of the study states, with the finding's id and the quote it rests on. */
    public record EffectCell(Long findingId, ConceptRef subject, EffectDirection direction, ConceptRef object,
            String quote, @Nullable Timescale timescale, Certainty certainty) {
    }

    public record MechanismRef(Long id, String name, @Nullable Timescale timescale) {
    }

    /**
     * The studies that report {@code subject} acting on {@code object} in {@code direction}, and those that report
     * another direction for the same pair.
     */
    public record Agreement(ConceptRef subject, EffectDirection direction, ConceptRef object, List<Long> studyIds,
            List<Long> disagreeingStudyIds) {
    }
}
