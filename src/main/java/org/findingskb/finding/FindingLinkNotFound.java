package org.findingskb.finding;

import org.findingskb.shared.ResourceNotFound;

public class FindingLinkNotFound extends ResourceNotFound {

    private FindingLinkNotFound(long findingId, long linkId) {
        super("link of finding " + findingId, linkId);
    }

    public static FindingLinkNotFound withId(long findingId, long linkId) {
        return new FindingLinkNotFound(findingId, linkId);
    }
}
