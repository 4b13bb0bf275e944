package org.findingskb.vocabulary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

import org.findingskb.shared.Revalidated;

/**
 * Every enumeration of the API by its field name ({@code kind}, {@code timescale}, ...), each value with a human
 * label and a one-line description, so that pages show the same words everywhere and hard-code none.
 */
public record VocabularyResponse(@JsonValue Map<String, List<Term>> enumerations) implements Revalidated {

    public VocabularyResponse {
        enumerations = Collections.unmodifiableMap(new LinkedHashMap<>(enumerations));
    }

    public record Term(String value, String label, String description) {
    }
}
