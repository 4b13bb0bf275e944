package org.findingskb.web.security;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Cross-origin access: any origin may read the API; only the origins in {@code kb.cors.write-origins} may
 * write to it; no origin may read the actuator's endpoints. A browser's preflight is judged by the method it asks for.
 */
class CorsPolicy implements CorsConfigurationSource {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final List<String> EXPOSED = List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.LINK,
            HttpHeaders.RETRY_AFTER, "X-Request-Id", "X-Total-Count");

    private final CorsConfiguration read;
    private final CorsConfiguration write;

    CorsPolicy(List<String> writeOrigins) {
        read = new CorsConfiguration();
        read.addAllowedOrigin("*");
        read.setAllowedMethods(List.of("GET", "HEAD", "OPTIONS"));
        // A read may carry any header a browser app adds (tracing, language, its own): without credentials, none
        // of them can make a read do more than any client may.
        read.setAllowedHeaders(List.of(CorsConfiguration.ALL));
        read.setExposedHeaders(EXPOSED);
        read.setMaxAge(3600L);

        write = new CorsConfiguration();
        write.setAllowedOrigins(writeOrigins);
        write.setAllowedMethods(List.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"));
        write.setAllowedHeaders(List.of("Accept", "Authorization", ApiKeyAuthenticationFilter.HEADER, "Content-Type",
                "If-Match", "If-None-Match", "X-Request-Id"));
        write.setExposedHeaders(EXPOSED);
        write.setMaxAge(3600L);
    }

    @Override
    public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/actuator")) {
            // Operators' endpoints are no browser app's business: no CORS headers, so no other origin reads them.
            return null;
        }
        String method = HttpMethod.OPTIONS.matches(request.getMethod())
                ? request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) : request.getMethod();
        return method == null || READS.contains(method.toUpperCase(java.util.Locale.ROOT)) ? read : write;
    }

    /** Refuses a cross-origin request the policy does not allow with a problem detail, not a bare text. */
    static final class ProblemCorsProcessor extends DefaultCorsProcessor {

        private final ProblemResponses problems;

        ProblemCorsProcessor(ProblemResponses problems) {
            this.problems = problems;
        }

        @Override
        public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            if (config != null && CorsUtils.isPreFlightRequest(request) && !refusedHeaders(config, request).isEmpty()) {
                // Spring allows a preflight when some of its headers are allowed; the browser then fails without
                // saying why. Refused here, the answer names the headers.
                problems.send(request, response, refusal(config, request));
                return false;
            }
            try {
                return super.processRequest(config, request, response);
            } catch (OriginRefused refused) {
                problems.send(request, response, refusal(config, request));
                return false;
            }
        }

        /** The headers a preflight asks for that the policy does not allow. */
        private static List<String> refusedHeaders(CorsConfiguration config, HttpServletRequest request) {
            String header = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
            if (header == null) {
                return List.of();
            }
            List<String> asked = java.util.Arrays.stream(header.split(",")).map(String::strip)
                    .filter(h -> !h.isEmpty()).toList();
            List<String> allowed = config.checkHeaders(asked);
            return asked.stream().filter(h -> allowed == null || allowed.stream().noneMatch(a -> a.equalsIgnoreCase(h)))
                    .toList();
        }

        /** A value the client sent, quoted and cut short: a refusal echoes no unbounded text. */
        private static String quoted(String value) {
            if (value == null) {
                return "(none)";
            }
            return "'" + (value.length() > 100 ? value.substring(0, 100) + "…" : value) + "'";
        }

        /** What was wrong with a refused request: its origin, or (for a preflight) the method or headers it asks for. */
        private static ProblemResponses.Refusal refusal(CorsConfiguration config, HttpServletRequest request) {
            String origin = request.getHeader(HttpHeaders.ORIGIN);
            boolean preflight = HttpMethod.OPTIONS.matches(request.getMethod())
                    && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
            String method = preflight ? request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) : request.getMethod();
            if (config.checkOrigin(origin) == null) {
                return ProblemResponses.Refusal.originRefused("The origin " + quoted(origin) + " may read the API"
                        + " but not " + quoted(method) + " to it (see kb.cors.write-origins).");
            }
            if (!preflight) {
                return ProblemResponses.Refusal.originRefused();
            }
            if (config.checkHttpMethod(HttpMethod.valueOf(method)) == null) {
                return ProblemResponses.Refusal.preflightRefused("Cross-origin " + quoted(method) + " requests are"
                        + " not allowed; allowed: " + String.join(", ", config.getAllowedMethods()) + ".");
            }
            List<String> refused = refusedHeaders(config, request);
            if (refused.isEmpty()) {
                return ProblemResponses.Refusal.originRefused();
            }
            return ProblemResponses.Refusal.preflightRefused("Cross-origin " + quoted(method) + " requests may not send the"
                    + " header(s) " + quoted(String.join(", ", refused)) + "; allowed: "
                    + String.join(", ", config.getAllowedHeaders()) + ".");
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            throw new OriginRefused();
        }
    }

    /** Carries a refusal out of {@link DefaultCorsProcessor}, which offers no request to answer it with. */
    private static final class OriginRefused extends RuntimeException {
        OriginRefused() {
            super(null, null, false, false);
        }
    }
}
