package org.findingskb.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * Reads {@code Accept} as RFC 9110 asks, with JSON as this API's first language: of types a client accepts equally
 * ({@code text/csv, application/json}), JSON is served; a type given {@code q=0} is refused, so a list of nothing
 * but refusals is a 406.
 */
class JsonFirstNegotiation implements ContentNegotiationStrategy {

    private static final Comparator<MediaType> PREFERENCE = Comparator
            .comparingDouble(MediaType::getQualityValue).reversed()
            .thenComparing(type -> isJson(type) ? 0 : 1);

    private final HeaderContentNegotiationStrategy header = new HeaderContentNegotiationStrategy();

    @Override
    public List<MediaType> resolveMediaTypes(NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
        List<MediaType> accepted = header.resolveMediaTypes(request);
        if (accepted == MEDIA_TYPE_ALL_LIST) {
            return accepted;
        }
        List<MediaType> wanted = accepted.stream().filter(type -> type.getQualityValue() > 0).sorted(PREFERENCE).toList();
        if (wanted.isEmpty()) {
            throw new HttpMediaTypeNotAcceptableException("Accept refuses every representation (q=0).");
        }
        return wanted;
    }

    private static boolean isJson(MediaType type) {
        return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                || "application".equals(type.getType()) && type.getSubtype().endsWith("+json");
    }
}
