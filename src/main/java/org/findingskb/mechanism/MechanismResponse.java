package org.findingskb.mechanism;

import java.util.List;

import org.findingskb.concept.ConceptRef;
import org.findingskb.finding.Finding;
import org.findingskb.finding.Timescale;

public record MechanismResponse(
        Long id,
        Long studyId,
        String name,
        Timescale timescale,
        String onset,
        String description,
        List<ConceptRef> brainRegions,
        List<ConceptRef> pathways,
        List<ConceptRef> cellTypes,
        List<ConceptRef> interventions,
        List<Long> findingIds,
        long version) {

    public static MechanismResponse from(Mechanism mechanism) {
        return new MechanismResponse(mechanism.getId(), mechanism.getStudy().getId(), mechanism.getName(),
                mechanism.getTimescale(), mechanism.getOnset(), mechanism.getDescription(),
                ConceptRef.of(mechanism.getBrainRegions()), ConceptRef.of(mechanism.getPathways()),
                ConceptRef.of(mechanism.getCellTypes()), ConceptRef.of(mechanism.getInterventions()),
                mechanism.getFindings().stream().map(Finding::getId).toList(), mechanism.getVersion());
    }
}
