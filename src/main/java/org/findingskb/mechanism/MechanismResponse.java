package org.findingskb.mechanism;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.util.List;

import org.findingskb.concept.ConceptRef;

import org.findingskb.shared.Versioned;

@NullMarked
public record MechanismResponse(
        Long id,
        Long studyId,
        String name,
        @Nullable Timescale timescale,
        @Nullable String onset,
        @Nullable String description,
        List<ConceptRef> brainRegions,
        List<ConceptRef> pathways,
        List<ConceptRef> cellTypes,
        List<ConceptRef> interventions,
        List<Long> findingIds,
        long version) implements Versioned {

    /** The mechanism as the API shows it, with the findings that support it. */
    public static MechanismResponse from(Mechanism mechanism, List<Long> findingIds) {
        return new MechanismResponse(mechanism.getId(), mechanism.getStudy().getId(), mechanism.getName(),
                mechanism.getTimescale(), mechanism.getOnset(), mechanism.getDescription(),
                ConceptRef.of(mechanism.getBrainRegions()), ConceptRef.of(mechanism.getPathways()),
                ConceptRef.of(mechanism.getCellTypes()), ConceptRef.of(mechanism.getInterventions()),
                List.copyOf(findingIds), mechanism.getVersion());
    }
}
