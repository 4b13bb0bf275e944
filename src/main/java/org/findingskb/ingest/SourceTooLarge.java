package org.findingskb.ingest;

import java.util.Map;

import org.springframework.http.HttpStatus;

import org.findingskb.shared.ApiException;

/** An article longer than the knowledge base takes. */
public class SourceTooLarge extends ApiException {

    private SourceTooLarge(int length, int limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "source-too-large", "Source too large",
                "The article text has " + length + " characters; at most " + limit + " are accepted.",
                Map.of("length", length, "limit", limit));
    }

    public static SourceTooLarge withLength(int length, int limit) {
        return new SourceTooLarge(length, limit);
    }
}
