package org.findingskb.ingest;

import org.springframework.http.HttpStatus;

import org.findingskb.shared.ApiException;

/** An article that cannot be ingested as sent. */
public class InvalidSource extends ApiException {

    private InvalidSource(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-source", "Invalid source", detail,
                fieldError("text", detail));
    }

    public static InvalidSource empty() {
        return new InvalidSource("The article text is empty: send the text of an article about a study.");
    }

    public static InvalidSource notUtf8() {
        return new InvalidSource("The body is not valid UTF-8 text.");
    }
}
