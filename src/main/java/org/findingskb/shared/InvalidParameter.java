package org.findingskb.shared;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** A query parameter whose value the API cannot use; names the parameter and what it accepts. */
public class InvalidParameter extends ApiException {

    private InvalidParameter(String parameter, String message) {
        super(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid request parameter",
                "Parameter '" + parameter + "' " + message + ".",
                Map.of("errors", List.of(Map.of("parameter", parameter, "message", message))));
    }

    public static InvalidParameter of(String parameter, String message) {
        return new InvalidParameter(parameter, message);
    }
}
