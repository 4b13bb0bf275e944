package org.findingskb.web.security;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.DefaultCorsProcessor;
import tools.jackson.databind.json.JsonMapper;

import org.findingskb.web.ApiException;

/**
 * Cross-origin access: any origin may read the API; only the origins in {@code kb.cors.write-origins} may
 * write to it. A browser's preflight is judged by the method it asks for.
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
        String method = HttpMethod.OPTIONS.matches(request.getMethod())
                ? request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) : request.getMethod();
        return method == null || READS.contains(method.toUpperCase(java.util.Locale.ROOT)) ? read : write;
    }

    /** Refuses a cross-origin request the policy does not allow with a problem detail, not a bare text. */
    static final class ProblemCorsProcessor extends DefaultCorsProcessor {

        private final JsonMapper json;

        ProblemCorsProcessor(JsonMapper json) {
            this.json = json;
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "This origin may read the API but not write to it (see kb.cors.write-origins).");
            problem.setType(ApiException.problemType("cors-origin-refused"));
            problem.setTitle("Origin not allowed");
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            response.getBody().write(json.writeValueAsBytes(problem));
            response.flush();
        }
    }
}
