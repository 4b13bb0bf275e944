package org.findingskb.finding;

/** How one finding bears on another. */
public enum LinkType {
    SUPPORTS,
    CONTRADICTS,
    EXTENDS
}
