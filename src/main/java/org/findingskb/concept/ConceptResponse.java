package org.findingskb.concept;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.util.List;

import org.findingskb.shared.Versioned;

@NullMarked
public record ConceptResponse(
        Long id,
        String name,
        @Nullable ConceptType type,
        List<String> synonyms,
        @Nullable String meshId,
        long findingCount,
        long version) implements Versioned {

    static ConceptResponse from(Concept concept, long findingCount) {
        return new ConceptResponse(concept.getId(), concept.getName(), concept.getType(), concept.getSynonyms(),
                concept.getMeshId(), findingCount, concept.getVersion());
    }
}
