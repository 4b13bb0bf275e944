package org.findingskb.shared;

import org.springframework.http.HttpStatus;

/**
 * A well-formed request that cannot be applied: it refers to something that does not exist, or to a span that
 * is not in the source. Names the field and what is wrong with it.
 */
public class UnprocessableReference extends ApiException {

    private UnprocessableReference(String field, String message) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "Unprocessable request", "'" + field + "' " + message + ".",
                fieldError(field, message));
    }

    public static UnprocessableReference of(String field, String message) {
        return new UnprocessableReference(field, message);
    }

    public static UnprocessableReference missing(String field, String resource, Object id) {
        return new UnprocessableReference(field, "refers to " + resource + " " + id + ", which does not exist");
    }
}
