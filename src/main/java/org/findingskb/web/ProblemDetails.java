package org.findingskb.web;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Fills in what every problem detail of this API carries: a stable type, a title and the request as instance. */
final class ProblemDetails {

    /** Problem names for the statuses the framework raises itself. */
    private static final Map<Integer, String> PROBLEMS = Map.ofEntries(
            Map.entry(400, "bad-request"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"),
            Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"),
            Map.entry(413, "payload-too-large"),
            Map.entry(415, "unsupported-media-type"),
            Map.entry(500, "internal-error"),
            Map.entry(503, "unavailable"));

    private ProblemDetails() {
    }

    static ProblemDetail complete(ProblemDetail problem, HttpStatusCode status, HttpServletRequest request) {
        if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
            problem.setType(ApiException.problemType(PROBLEMS.getOrDefault(status.value(), "http-" + status.value())));
        }
        if (problem.getTitle() == null) {
            HttpStatus known = HttpStatus.resolve(status.value());
            problem.setTitle(known == null ? "HTTP " + status.value() : known.getReasonPhrase());
        }
        if (problem.getInstance() == null && request != null) {
            problem.setInstance(URI.create(instanceOf(request)));
        }
        return problem;
    }

    private static String instanceOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        // Only the path: a URI that could not be parsed (it is why some requests fail) must not fail again here.
        try {
            URI.create(uri);
            return uri;
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
