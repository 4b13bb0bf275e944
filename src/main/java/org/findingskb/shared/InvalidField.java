package org.findingskb.shared;

import org.springframework.http.HttpStatus;

/** A field of a request body whose value the API cannot take, with what it accepts. */
public class InvalidField extends ApiException {

    private InvalidField(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request body", "Field '" + field + "' " + message + ".",
                fieldError(field, message));
    }

    public static InvalidField of(String field, String message) {
        return new InvalidField(field, message);
    }
}
