package org.findingskb.source;

import org.findingskb.shared.ResourceNotFound;

public class SourceNotFound extends ResourceNotFound {

    private SourceNotFound(Object id) {
        super("source", id);
    }

    public static SourceNotFound withId(Object id) {
        return new SourceNotFound(id);
    }
}
