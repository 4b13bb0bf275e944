package org.findingskb.finding;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.findingskb.source.SourceDocument;

/**
 * Where a finding stands in its source: a W3C Web Annotation TextPositionSelector ({@code start}, {@code end})
 * together with a TextQuoteSelector ({@code exact}, {@code prefix}, {@code suffix}).
 */
@Embeddable
public record EvidenceSpan(
        @Column(name = "source_id", nullable = false) Long sourceId,
        @Column(name = "start_offset", nullable = false) int start,
        @Column(name = "end_offset", nullable = false) int end,
        @Column(name = "exact", nullable = false) String exact,
        @Column(name = "prefix", nullable = false) String prefix,
        @Column(name = "suffix", nullable = false) String suffix) {

    /** Context kept either side of the quote, as the contract promises. */
    public static final int CONTEXT_LENGTH = 32;

    /** The span {@code [start, end)} of {@code source}, quoted with its context. */
    public static EvidenceSpan of(SourceDocument source, int start, int end) {
        String text = source.getContent();
        if (start < 0 || end > text.length() || start >= end) {
            throw new IllegalArgumentException(
                    "Span [" + start + ", " + end + ") lies outside source " + source.getId() + " of length " + text.length());
        }
        int prefixStart = Math.max(0, start - CONTEXT_LENGTH);
        int suffixEnd = Math.min(text.length(), end + CONTEXT_LENGTH);
        // Never cut a surrogate pair in half: a lone surrogate is not valid text in any database.
        if (prefixStart > 0 && Character.isLowSurrogate(text.charAt(prefixStart))) {
            prefixStart++;
        }
        if (suffixEnd < text.length() && Character.isLowSurrogate(text.charAt(suffixEnd))) {
            suffixEnd--;
        }
        return new EvidenceSpan(source.getId(), start, end, text.substring(start, end),
                text.substring(prefixStart, start), text.substring(end, suffixEnd));
    }
}
