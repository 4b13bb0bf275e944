package org.findingskb.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import org.findingskb.shared.Revalidated;
import org.findingskb.shared.Versioned;
import org.findingskb.shared.WeaklyValidated;

/**
 * Conditional requests for every resource, in one place: a {@link Versioned} or {@link Revalidated} body gets
 * its {@code ETag} (a {@link WeaklyValidated} page of a list or search, a weak one), and a read whose {@code If-None-Match} names it (or {@code *}, or a list holding it) gets 304,
 * the header parsed with Spring's {@link ETag}. Writes name the version they change in {@code If-Match}, which
 * {@link org.findingskb.shared.IfMatch} checks against the stored version inside the write's transaction.
 */
@RestControllerAdvice
class ConditionalRequests implements ResponseBodyAdvice<Object> {

    /** Public data that may change at any time: caches keep it but ask again before each use. */
    private static final CacheControl PUBLIC_REVALIDATED = CacheControl.noCache().cachePublic();

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (!(body instanceof Versioned) && !(body instanceof Revalidated) && !(body instanceof WeaklyValidated)) {
            return body;
        }
        String etag = etagOf(body, contentType);
        response.getHeaders().setETag(etag);
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (!read) {
            return body;
        }
        response.getHeaders().setCacheControl(PUBLIC_REVALIDATED);
        if (notModified(request.getHeaders().getOrEmpty(HttpHeaders.IF_NONE_MATCH), etag)
                && response instanceof ServletServerHttpResponse servletResponse) {
            // Nothing is written after a 304, so its headers go to the response directly.
            HttpServletResponse raw = servletResponse.getServletResponse();
            raw.setStatus(HttpStatus.NOT_MODIFIED.value());
            raw.setHeader(HttpHeaders.ETAG, etag);
            raw.setHeader(HttpHeaders.CACHE_CONTROL, PUBLIC_REVALIDATED.getHeaderValue());
            return null;
        }
        return body;
    }

    /**
     * Whether {@code If-None-Match} names the current representation: {@code *} (it exists), or a list holding its
     * tag, compared weakly as RFC 9110 asks for this header. A header that does not parse names nothing.
     */
    static boolean notModified(List<String> ifNoneMatch, String etag) {
        if (ifNoneMatch.isEmpty()) {
            return false;
        }
        ETag current = ETag.create(etag);
        try {
            return ETag.parse(String.join(",", ifNoneMatch)).stream()
                    .anyMatch(tag -> tag.isWildcard() || tag.compare(current, false));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /**
     * The version and a digest of the representation, the same in every JVM (unlike a record's hashCode, which
     * takes enum constants' identity hashes), so that instances and restarts agree; the media type is part of
     * the digest, since each representation of a resource has its own tag.
     */
    static String etagOf(Object body, MediaType contentType) {
        String digest = Integer.toHexString((body + "|" + contentType).hashCode());
        if (body instanceof Versioned versioned) {
            return "\"" + versioned.version() + "-" + digest + "\"";
        }
        return (body instanceof WeaklyValidated ? "W/" : "") + "\"h" + digest + "\"";
    }
}
