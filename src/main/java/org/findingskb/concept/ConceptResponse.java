package org.findingskb.concept;

import java.util.List;

import org.findingskb.shared.Versioned;

public record ConceptResponse(
        Long id,
        String name,
        ConceptType type,
        List<String> synonyms,
        String meshId,
        long findingCount,
        long version) implements Versioned {

    static ConceptResponse from(Concept concept, long findingCount) {
        return new ConceptResponse(concept.getId(), concept.getName(), concept.getType(), concept.getSynonyms(),
                concept.getMeshId(), findingCount, concept.getVersion());
    }
}
