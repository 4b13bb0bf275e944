package org.findingskb.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import org.findingskb.shared.ApiException;

/**
 * Settles headers that later filters would choke on, before any of them reads them: a {@code Content-Type}
 * that is a wildcard or does not parse is refused with 415, so is a form or multipart body sent to the API
 * (before a byte of it is read), and an empty {@code Accept} counts as none. A NUL
 * character ({@code %00}) in the query is refused with 400: no stored text holds one, and PostgreSQL refuses it
 * in any string it is sent.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class HeaderGuardFilter extends OncePerRequestFilter {

    private final HandlerExceptionResolver problems;

    HeaderGuardFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.isBlank() && !usable(contentType)) {
            problems.resolveException(request, response, null, Refused.unusableContentType(contentType));
            return;
        }
        if (contentType != null && !contentType.isBlank() && request.getRequestURI().startsWith("/api")
                && formOrMultipart(contentType)) {
            problems.resolveException(request, response, null, Refused.formBody(contentType));
            return;
        }
        String query = request.getQueryString();
        if (query != null && (query.contains("%00") || query.indexOf('\0') >= 0)) {
            problems.resolveException(request, response, null, Refused.nulInQuery());
            return;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        chain.doFilter(accept != null && accept.isBlank() ? new WithoutAccept(request) : request, response);
    }

    /** A request refused before any handler sees it. */
    static final class Refused extends ApiException {

        private Refused(HttpStatus status, String problem, String title, String detail) {
            super(status, problem, title, detail, Map.of());
        }

        static Refused unusableContentType(String contentType) {
            return new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type",
                    "Content-Type '" + contentType.strip() + "' names no definite media type; send e.g. application/json.");
        }

        static Refused formBody(String contentType) {
            return new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type",
                    "The API takes no form or multipart bodies (Content-Type '" + contentType.strip()
                            + "'); send application/json, or text/plain for an article.");
        }

        static Refused nulInQuery() {
            return new Refused(HttpStatus.BAD_REQUEST, "bad-request", "Bad Request",
                    "A query parameter holds a NUL character (%00), which no parameter accepts.");
        }
    }

    /**
     * Refused by their header alone: the container parses such bodies whole, outside the body limit, as soon as
     * anything asks for a parameter, and no API operation takes one.
     */
    private static boolean formOrMultipart(String contentType) {
        MediaType type = MediaType.parseMediaType(contentType);
        return type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED) || "multipart".equalsIgnoreCase(type.getType());
    }

    private static boolean usable(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** The request as if it had sent no Accept header. */
    private static final class WithoutAccept extends HttpServletRequestWrapper {

        WithoutAccept(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(n -> !HttpHeaders.ACCEPT.equalsIgnoreCase(n)).toList());
        }
    }
}
