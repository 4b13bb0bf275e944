package org.findingskb.finding;

import java.util.Set;

public enum ReviewStatus {
    UNREVIEWED,
    ACCEPTED,
    REJECTED,
    RETRACTED;

    /** Findings a reader sees unless they ask for others. */
    public static final Set<ReviewStatus> VISIBLE = Set.of(UNREVIEWED, ACCEPTED);
}
