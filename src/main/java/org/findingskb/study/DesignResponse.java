package org.findingskb.study;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A study's design as served: each part {@code null} where the source does not say it, and in {@code evidence} the
 * span of the source each stated part rests on, under the part's name.
 */
public record DesignResponse(
        DesignType type,
        Integer sampleSize,
        String comparator,
        String duration,
        String intervention,
        Map<String, Span> evidence) {

    /** A passage of the source: {@code text.substring(start, end).equals(exact)} for its stored text. */
    public record Span(Long sourceId, int start, int end, String exact) {
    }

    private static final DesignResponse NONE = new DesignResponse(null, null, null, null, null, Map.of());

    public static DesignResponse of(StudyDesign design, Long sourceId) {
        if (design == null) {
            return NONE;
        }
        Map<String, Span> evidence = new LinkedHashMap<>();
        put(evidence, "type", design.typeQuote(), sourceId);
        put(evidence, "sampleSize", design.sampleSizeQuote(), sourceId);
        put(evidence, "comparator", design.comparatorQuote(), sourceId);
        put(evidence, "duration", design.durationQuote(), sourceId);
        put(evidence, "intervention", design.interventionQuote(), sourceId);
        return new DesignResponse(design.type(), design.sampleSize(), design.comparator(), design.duration(),
                design.intervention(), evidence);
    }

    private static void put(Map<String, Span> evidence, String part, DesignQuote quote, Long sourceId) {
        if (quote != null && quote.start() != null && quote.end() != null && sourceId != null) {
            evidence.put(part, new Span(sourceId, quote.start(), quote.end(), quote.exact()));
        }
    }
}
