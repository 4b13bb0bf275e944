package org.findingskb.mechanism;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.findingskb.concept.Concept;

/** A mechanism as a curator writes it; {@code studyId} is fixed once it exists. */
public record MechanismRequest(
        Long studyId,
        @NotBlank(message = "must not be blank") @Size(max = 500, message = "must be at most 500 characters") String name,
        Timescale timescale,
        @Size(max = 300, message = "must be at most 300 characters") String onset,
        @Size(max = 8000, message = "must be at most 8000 characters") String description,
        @Size(max = 50, message = "holds at most 50 concepts") List<@NotNull(message = "must not be null") Long> brainRegionIds,
        @Size(max = 50, message = "holds at most 50 concepts") List<@NotNull(message = "must not be null") Long> pathwayIds,
        @Size(max = 50, message = "holds at most 50 concepts") List<@NotNull(message = "must not be null") Long> cellTypeIds,
        @Size(max = 50, message = "holds at most 50 concepts") List<@NotNull(message = "must not be null") Long> interventionIds,
        @Size(max = 200, message = "holds at most 200 findings") List<@NotNull(message = "must not be null") Long> findingIds) {

    static MechanismRequest of(Mechanism mechanism, List<Long> findingIds) {
        return new MechanismRequest(mechanism.getStudyId(), mechanism.getName(), mechanism.getTimescale(),
                mechanism.getOnset(), mechanism.getDescription(), ids(mechanism.getBrainRegions()),
                ids(mechanism.getPathways()), ids(mechanism.getCellTypes()), ids(mechanism.getInterventions()),
                findingIds);
    }

    private static List<Long> ids(List<Concept> concepts) {
        return concepts.stream().map(Concept::getId).toList();
    }
}
