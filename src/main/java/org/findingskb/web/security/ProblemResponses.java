package org.findingskb.web.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

import org.findingskb.shared.ApiException;

/**
 * Hands the refusals of the security filters (401, 403, 429, a refused origin) to the
 * {@link HandlerExceptionResolver}, so that the API's one exception handler answers them like every other error.
 */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final HandlerExceptionResolver resolver;

    ProblemResponses(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
        send(request, response, Refusal.unauthorized(
                request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null,
                request.getRequestURI().startsWith("/actuator")));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) {
        send(request, response, Refusal.forbidden(request.getMethod() + " " + request.getRequestURI()));
    }

    void send(HttpServletRequest request, HttpServletResponse response, ApiException problem) {
        resolver.resolveException(request, response, null, problem);
    }

    /** The problems the security filters answer with. */
    static final class Refusal extends ApiException {

        private Refusal(HttpStatus status, String problem, String title, String detail, Map<String, Object> properties) {
            super(status, problem, title, detail, properties);
        }

        static Refusal unauthorized(boolean keyPresented, boolean metrics) {
            String needed = metrics ? "Metrics need an API key with the METRICS or ADMIN role (or a request from"
                    + " kb.metrics.allowed-addresses)" : "Writing needs an API key";
            Refusal refusal = new Refusal(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", keyPresented
                    ? "The API key is not valid."
                    : needed + ": send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.", Map.of());
            refusal.withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return refusal;
        }

        static Refusal forbidden(String what) {
            return new Refusal(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "This API key's role may not " + what + ".",
                    Map.of());
        }

        static Refusal rateLimited(long seconds, boolean write) {
            Refusal refusal = new Refusal(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too Many Requests",
                    (write ? "Too many writes" : "Too many expensive reads (searches, CSV, large pages)")
                            + " from this API key or address; retry in " + seconds + " s.",
                    Map.of("retryAfterSeconds", seconds));
            refusal.withHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            return refusal;
        }

        static Refusal originRefused() {
            return originRefused("This origin may read the API but not write to it (see kb.cors.write-origins).");
        }

        static Refusal originRefused(String detail) {
            return new Refusal(HttpStatus.FORBIDDEN, "cors-origin-refused", "Origin not allowed", detail, Map.of());
        }

        /** A preflight whose origin is allowed but whose method or headers are not. */
        static Refusal preflightRefused(String detail) {
            return new Refusal(HttpStatus.FORBIDDEN, "cors-preflight-refused", "Cross-origin request not allowed",
                    detail, Map.of());
        }

        /** A method this API does not know at all (not one it knows but a path does not take: that is a 405). */
        static Refusal methodNotImplemented(String method) {
            return new Refusal(HttpStatus.NOT_IMPLEMENTED, "not-implemented", "Not Implemented", "This API does not"
                    + " implement the method '" + method + "'; it answers GET, HEAD, OPTIONS, POST, PUT, PATCH and"
                    + " DELETE.", Map.of());
        }
    }
}
