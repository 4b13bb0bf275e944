package org.findingskb.suggestion;

import org.findingskb.shared.ResourceNotFound;

public class SuggestionNotFound extends ResourceNotFound {

    private SuggestionNotFound(Object id) {
        super("link suggestion", id);
    }

    public static SuggestionNotFound withId(Object id) {
        return new SuggestionNotFound(id);
    }
}
