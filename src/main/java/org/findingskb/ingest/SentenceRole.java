package org.findingskb.ingest;

/** What a sentence is before any finding is read from it. */
enum SentenceRole {
    TITLE,
    CREDIT,
    LINK,
    PUBLICATION,
    COPYRIGHT,
    OTHER_BOILERPLATE,
    BODY;

    boolean isBoilerplate() {
        return this != BODY && this != TITLE;
    }
}
