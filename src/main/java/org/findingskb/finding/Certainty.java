package org.findingskb.finding;

public enum Certainty {
    /** Stated as found, shown or discovered. */
    REPORTED,
    /** Hedged: could, might, may, suggests. */
    SUGGESTED
}
