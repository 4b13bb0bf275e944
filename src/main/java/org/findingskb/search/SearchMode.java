package org.findingskb.search;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How {@code /api/search} ranks: by the words of the query, by meaning (the nearest neighbours of the query's
 * embedding), or both: the hits that match the words, ranked by words and meaning together, and when no hit matches
 * the words (as with most questions asked in plain English), the hits nearest in meaning.
 */
public enum SearchMode {
    KEYWORD, SEMANTIC, HYBRID;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
