package org.findingskb.study;

import jakarta.persistence.Embeddable;

/**
 * The passage of the study's source that a design value rests on: {@code text.substring(start, end).equals(exact)}
 * for the stored source text.
 */
@Embeddable
public record DesignQuote(Integer start, Integer end, String exact) {

    /** The quote of {@code [start, end)} in {@code text}. */
    public static DesignQuote of(String text, int start, int end) {
        if (start < 0 || end > text.length() || start >= end) {
            throw new IllegalArgumentException("Span [" + start + ", " + end + ") lies outside a text of length "
                    + text.length());
        }
        return new DesignQuote(start, end, text.substring(start, end));
    }
}
