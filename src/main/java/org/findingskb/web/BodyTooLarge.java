package org.findingskb.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A request body larger than the API reads. */
public class BodyTooLarge extends ApiException {

    private BodyTooLarge(long limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Content Too Large",
                "The request body exceeds " + limit + " bytes, the most this API reads.", Map.of("limit", limit));
    }

    public static BodyTooLarge over(long limit) {
        return new BodyTooLarge(limit);
    }
}
