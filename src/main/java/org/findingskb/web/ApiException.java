package org.findingskb.web;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error the API answers with a problem detail of a stable {@code type}. Subclasses name the problem and
 * offer static factories that say what went wrong ({@code FindingNotFound.withId(7)}).
 */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String problem;
    private final String title;
    private final Map<String, Object> properties;

    protected ApiException(HttpStatus status, String problem, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.problem = problem;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    /** The type URI of {@code problem}: stable, so clients may switch on it. */
    public static URI problemType(String problem) {
        return URI.create("/problems/" + problem);
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problemDetail = ProblemDetail.forStatusAndDetail(status, getMessage());
        problemDetail.setType(problemType(problem));
        problemDetail.setTitle(title);
        properties.forEach(problemDetail::setProperty);
        return problemDetail;
    }
}
