package org.findingskb.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Indents JSON responses for people reading them: with {@code ?pretty} (or {@code ?pretty=true}) or the header
 * {@code X-Pretty-Print: true}. Everyone else gets compact JSON.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class PrettyJsonFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Pretty-Print";

    private final JsonMapper indenting;

    PrettyJsonFilter(JsonMapper json) {
        this.indenting = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"true".equalsIgnoreCase(request.getHeader(HEADER)) && !askedInQuery(request.getQueryString());
    }

    /**
     * Read from the query string itself: {@code getParameter} would make the container parse a form body, before
     * the request is authenticated and outside the body limit.
     */
    static boolean askedInQuery(String query) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            if (pair.equals("pretty") || (pair.startsWith("pretty=") && !pair.substring(7).equalsIgnoreCase("false"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        String type = captured.getContentType();
        byte[] body = captured.getContentAsByteArray();
        if (type != null && type.contains("json") && body.length > 0) {
            try {
                JsonNode tree = indenting.readTree(body);
                byte[] pretty = indenting.writeValueAsBytes(tree);
                captured.resetBuffer();
                captured.getOutputStream().write(pretty);
                captured.getOutputStream().write('\n');
            } catch (RuntimeException notJson) {
                // Left as it was: a body that does not parse is passed on untouched.
            }
        }
        captured.copyBodyToResponse();
    }
}
