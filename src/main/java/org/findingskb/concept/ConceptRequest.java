package org.findingskb.concept;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A concept as a curator writes it. */
public record ConceptRequest(
        @NotBlank(message = "must not be blank") @Size(max = Concept.MAX_NAME_LENGTH, message = "must be at most 300 characters")
        String name,
        ConceptType type,
        @Pattern(regexp = "[CD]\\d{6,9}", message = "must be a MeSH id such as D006624") String meshId,
        @Size(max = 50, message = "holds at most 50 synonyms")
        List<@NotBlank(message = "must not be blank") @Size(max = Concept.MAX_NAME_LENGTH, message = "must be at most 300 characters") String> synonyms) {

    static ConceptRequest of(Concept concept) {
        return new ConceptRequest(concept.getName(), concept.getType(), concept.getMeshId(), concept.getSynonyms());
    }
}
