package org.findingskb.study;

import org.findingskb.shared.ResourceNotFound;

public class StudyNotFound extends ResourceNotFound {

    private StudyNotFound(Object idOrSlug) {
        super("study", idOrSlug);
    }

    public static StudyNotFound withIdOrSlug(Object idOrSlug) {
        return new StudyNotFound(idOrSlug);
    }
}
