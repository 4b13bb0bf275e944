package org.findingskb.concept;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.util.Collection;
import java.util.List;

/** How other resources refer to a concept. */
@NullMarked
public record ConceptRef(Long id, String name, @Nullable ConceptType type) {

    public static ConceptRef of(Concept concept) {
        return new ConceptRef(concept.getId(), concept.getName(), concept.getType());
    }

    public static List<ConceptRef> of(Collection<Concept> concepts) {
        return concepts.stream().map(ConceptRef::of).toList();
    }
}
