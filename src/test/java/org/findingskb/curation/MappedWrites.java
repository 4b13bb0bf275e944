package org.findingskb.curation;

import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.ServletRequest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every write (any method but GET, HEAD and OPTIONS) that a handler method of the running application maps, with
 * plausible values for its path variables: what security and abuse limits must cover, found rather than listed.
 */
final class MappedWrites {

    static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
            RequestMethod.DELETE);

    /** A mapped write: method, path with its variables filled in, and a content type its handler consumes. */
    record Write(String method, String path, String contentType, boolean readsBody) {

        /** Whether its handler reads a body: a write that takes none answers without reading what is sent. */
        boolean takesBody() {
            return readsBody;
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + contentType + ")";
        }
    }

    private MappedWrites() {
    }

    static List<Write> of(ApplicationContext context) {
        Set<Write> writes = new LinkedHashSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (var handler : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = handler.getKey();
                boolean readsBody = Arrays.stream(handler.getValue().getMethodParameters()).anyMatch(parameter ->
                        parameter.hasParameterAnnotation(RequestBody.class)
                                || ServletRequest.class.isAssignableFrom(parameter.getParameterType())
                                || InputStream.class.isAssignableFrom(parameter.getParameterType())
                                || Reader.class.isAssignableFrom(parameter.getParameterType())
                                || HttpEntity.class.isAssignableFrom(parameter.getParameterType()));
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty() ? WRITES
                        : info.getMethodsCondition().getMethods();
                Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
                String contentType = consumes.isEmpty() || consumes.stream().anyMatch(MediaType.APPLICATION_JSON::includes)
                        ? "application/json" : consumes.iterator().next().toString();
                for (String pattern : info.getPatternValues()) {
                    if (pattern.equals("/error")) {
                        // The container's error dispatch renders problems here; it stores nothing.
                        continue;
                    }
                    String path = pattern.replaceAll("\\{\\*?[^}]+}", "1").replace("**", "x").replace("*", "x");
                    methods.stream().filter(WRITES::contains).sorted()
                            .forEach(method -> writes.add(new Write(method.name(), path, contentType,
                                    readsBody && method != RequestMethod.DELETE)));
                }
            }
        }
        return new ArrayList<>(writes);
    }
}
