package org.findingskb.study;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A study's design as a curator writes it: each part {@code null} where the source does not say it, and in
 * {@code evidence}, under the part's name, the span of the study's source that states it.
 */
public record DesignRequest(
        DesignType type,
        @Positive(message = "must be a positive count") Integer sampleSize,
        @Size(max = StudyDesign.MAX_TEXT_LENGTH, message = "must be at most 500 characters") String comparator,
        @Size(max = StudyDesign.MAX_TEXT_LENGTH, message = "must be at most 500 characters") String duration,
        @Size(max = StudyDesign.MAX_TEXT_LENGTH, message = "must be at most 500 characters") String intervention,
        @Size(max = 5, message = "holds at most one span for each of the five parts")
        Map<String, @Valid @NotNull(message = "must not be null") Quote> evidence) {

    /** Where the source states a part: {@code text.substring(start, end).equals(exact)}. */
    public record Quote(
            @NotNull(message = "is required") @PositiveOrZero(message = "must be 0 or more") Integer start,
            @NotNull(message = "is required") @PositiveOrZero(message = "must be 0 or more") Integer end,
            @NotNull(message = "is required") String exact) {

        static Quote of(DesignQuote quote) {
            return quote == null ? null : new Quote(quote.start(), quote.end(), quote.exact());
        }
    }

    static DesignRequest of(StudyDesign design) {
        if (design == null) {
            return null;
        }
        Map<String, Quote> evidence = new LinkedHashMap<>();
        DesignResponse.of(design, 0L).evidence().forEach((part, span) ->
                evidence.put(part, new Quote(span.start(), span.end(), span.exact())));
        return new DesignRequest(design.type(), design.sampleSize(), design.comparator(), design.duration(),
                design.intervention(), evidence);
    }
}
