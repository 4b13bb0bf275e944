package org.findingskb.concept;

import java.util.Map;

import org.springframework.http.HttpStatus;

import org.findingskb.shared.ApiException;

/** A concept that cannot be deleted while findings, mechanisms or studies still refer to it. */
public class ConceptInUse extends ApiException {

    private ConceptInUse(long id, long references) {
        super(HttpStatus.CONFLICT, "concept-in-use", "Concept in use",
                "Concept " + id + " is still referred to " + references + " times by findings, mechanisms or studies;"
                        + " remove those references first.", Map.of("id", String.valueOf(id), "references", references));
    }

    public static ConceptInUse withReferences(long id, long references) {
        return new ConceptInUse(id, references);
    }
}
