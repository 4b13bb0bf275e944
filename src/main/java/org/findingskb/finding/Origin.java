package org.findingskb.finding;

public enum Origin {
    /** Made by the text pipeline. */
    EXTRACTED,
    /** Entered or edited by a curator. */
    CURATED
}
