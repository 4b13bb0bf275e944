package org.findingskb.finding;

import org.findingskb.shared.ResourceNotFound;

public class FindingNotFound extends ResourceNotFound {

    private FindingNotFound(Object id) {
        super("finding", id);
    }

    public static FindingNotFound withId(Object id) {
        return new FindingNotFound(id);
    }
}
