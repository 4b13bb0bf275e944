package org.findingskb.web;

import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import org.findingskb.shared.PageLinks;

/**
 * Every page of a list or of search results says where it is and where the next page is: {@code links} in the
 * body and the next page also in an RFC 8288 {@code Link} header, which is where CSV, having no room for it, carries
 * it too. Added here rather than by the services, since links depend on the request and pages may come from the read
 * cache. Runs before the ETag is computed, so the tag covers the links.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageLinksAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (!(body instanceof PageLinks.Linked<?> page)) {
            return body;
        }
        PageLinks links = PageLinks.of(page);
        if (links.next() != null) {
            response.getHeaders().set(HttpHeaders.LINK, "<" + links.next() + ">; rel=\"next\"");
        }
        return page.withLinks(links);
    }
}
