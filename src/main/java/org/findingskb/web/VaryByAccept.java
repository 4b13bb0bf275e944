package org.findingskb.web;

import java.util.Collection;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code Vary: Accept} on every answer of an endpoint that has more than one representation (CSV of findings,
 * JSON-LD of a study, Markdown of a summary...), so that a shared cache never hands the CSV to a client that asked
 * for JSON. Set before the handler runs, so that 304s and errors carry it too; endpoints with one representation
 * do not vary and do not say so.
 */
@Configuration(proxyBeanMethods = false)
class VaryByAccept implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) instanceof Collection<?> types
                && types.size() > 1 && !variesByAccept(response.getHeaders(HttpHeaders.VARY))) {
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        }
        return true;
    }

    private static boolean variesByAccept(Collection<String> vary) {
        return vary.stream().flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .anyMatch(name -> name.equals("accept") || name.equals("*"));
    }
}
