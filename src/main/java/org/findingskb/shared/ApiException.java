package org.findingskb.shared;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error the API answers with a problem detail of a stable {@code type}. Subclasses name the problem and
 * offer static factories that say what went wrong ({@code FindingNotFound.withId(7)}). Being an
 * {@link ErrorResponseException}, it carries its whole answer (status, headers, body); the one advice writes it.
 */
public abstract class ApiException extends ErrorResponseException {

    protected ApiException(HttpStatus status, String problem, String title, String detail, Map<String, Object> properties) {
        super(status, problemDetail(status, problem, title, detail, properties), null);
    }

    private static ProblemDetail problemDetail(HttpStatus status, String problem, String title, String detail,
            Map<String, Object> properties) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(problemType(problem));
        body.setTitle(title);
        properties.forEach(body::setProperty);
        return body;
    }

    /** The properties of a problem with one field of a request: which field, and what is wrong with its value. */
    protected static Map<String, Object> fieldError(String field, String message) {
        return Map.of("errors", List.of(Map.of("field", field, "message", message)));
    }

    /** The type URI of {@code problem}: stable, so clients may switch on it. */
    public static URI problemType(String problem) {
        return URI.create("/problems/" + problem);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    /** Adds a header to the answer ({@code Retry-After}, {@code WWW-Authenticate}, ...). */
    protected ApiException withHeader(String name, String value) {
        HttpHeaders headers = getHeaders();
        headers.set(name, value);
        return this;
    }
}
