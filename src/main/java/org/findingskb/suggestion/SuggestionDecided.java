package org.findingskb.suggestion;

import java.util.Map;

import org.springframework.http.HttpStatus;

import org.findingskb.shared.ApiException;

/** A suggestion a curator has already accepted or dismissed: a verdict is given once. */
public class SuggestionDecided extends ApiException {

    private SuggestionDecided(long id, SuggestionStatus status) {
        super(HttpStatus.CONFLICT, "suggestion-decided", "Suggestion already decided",
                "Link suggestion " + id + " is " + status + " already; a suggestion is accepted or dismissed once.",
                Map.of("id", String.valueOf(id), "status", status.name()));
    }

    public static SuggestionDecided of(long id, SuggestionStatus status) {
        return new SuggestionDecided(id, status);
    }
}
