package org.findingskb.concept;

import org.findingskb.shared.ResourceNotFound;

public class ConceptNotFound extends ResourceNotFound {

    private ConceptNotFound(Object id) {
        super("concept", id);
    }

    public static ConceptNotFound withId(Object id) {
        return new ConceptNotFound(id);
    }
}
