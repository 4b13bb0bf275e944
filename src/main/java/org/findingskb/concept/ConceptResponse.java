package org.findingskb.concept;

import java.util.List;

public record ConceptResponse(
        Long id,
        String name,
        ConceptType type,
        List<String> synonyms,
        String meshId,
        long findingCount,
        long version) {

    static ConceptResponse from(Concept concept, long findingCount) {
        return new ConceptResponse(concept.getId(), concept.getName(), concept.getType(), concept.getSynonyms(),
                concept.getMeshId(), findingCount, concept.getVersion());
    }
}
