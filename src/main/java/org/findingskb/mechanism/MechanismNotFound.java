package org.findingskb.mechanism;

import org.findingskb.shared.ResourceNotFound;

public class MechanismNotFound extends ResourceNotFound {

    private MechanismNotFound(Object id) {
        super("mechanism", id);
    }

    public static MechanismNotFound withId(Object id) {
        return new MechanismNotFound(id);
    }
}
