package org.findingskb.web;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import org.findingskb.shared.ApiException;

/** A request body larger than the API reads. */
public class BodyTooLarge extends ApiException {

    private BodyTooLarge(long limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Content Too Large",
                "The request body exceeds " + limit + " bytes, the most this API reads.", Map.of("limit", limit));
        // The rest of the body is not read: the client is asked to stop sending it.
        withHeader(HttpHeaders.CONNECTION, "close");
    }

    public static BodyTooLarge over(long limit) {
        return new BodyTooLarge(limit);
    }
}
