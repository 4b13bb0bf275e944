package org.findingskb.suggestion;

/** Where a suggested link stands: waiting for a curator, made a link, or set aside. */
public enum SuggestionStatus {
    SUGGESTED,
    ACCEPTED,
    DISMISSED
}
