package org.findingskb.concept;

import java.util.Collection;
import java.util.List;

/** How other resources refer to a concept. */
public record ConceptRef(Long id, String name, ConceptType type) {

    public static ConceptRef of(Concept concept) {
        return new ConceptRef(concept.getId(), concept.getName(), concept.getType());
    }

    public static List<ConceptRef> of(Collection<Concept> concepts) {
        return concepts.stream().map(ConceptRef::of).toList();
    }
}
