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
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Cross-origin access: any origin may read the API; only the origins in {@code kb.cors.write-origins} may
 * write to it; no origin may read the actuator's endpoints. A browser's preflight is judged by the method it asks for.
 */
class CorsPolicy implements CorsConfigurationSource {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final List<String> EXPOSED = List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.LINK,
            HttpHeaders.RETRY_AFTER, "X-Request-Id");

    private final CorsConfiguration read;
    private final CorsConfiguration write;

    CorsPolicy(List<String> writeOrigins) {
        read = new CorsConfiguration();
        read.addAllowedOrigin("*");
        read.setAllowedMethods(List.of("GET", "HEAD", "OPTIONS"));
        read.setAllowedHeaders(List.of("Accept", "If-None-Match", "X-Request-Id", "Content-Type"));
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
            try {
                return super.processRequest(config, request, response);
            } catch (OriginRefused refused) {
                problems.send(request, response, ProblemResponses.Refusal.originRefused());
                return false;
            }
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
