package org.findingskb.finding;

public enum ReviewStatus {
    UNREVIEWED,
    ACCEPTED,
    REJECTED,
    RETRACTED
}
