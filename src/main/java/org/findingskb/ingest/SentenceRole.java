package org.findingskb.ingest;

/** What a sentence is before any finding is read from it. */
enum SentenceRole {
    TITLE,
    CREDIT,
    LINK,
    PUBLICATION,
    COPYRIGHT,
    /** A line that only dates the article ("June 3, 2021", "NEWS RELEASE 3-JUN-2021"). */
    DATELINE,
    OTHER_BOILERPLATE,
    BODY;

    boolean isBoilerplate() {
        return this != BODY && this != TITLE;
    }
}
