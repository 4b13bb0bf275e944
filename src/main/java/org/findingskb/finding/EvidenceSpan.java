package org.findingskb.finding;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.findingskb.shared.ShownInHistory;
import org.findingskb.source.SourceDocument;

/**
 * Where a finding stands in its source: a W3C Web Annotation TextPositionSelector ({@code start}, {@code end})
 * together with a TextQuoteSelector ({@code exact}, {@code prefix}, {@code suffix}).
 */
@Embeddable
public final class EvidenceSpan implements ShownInHistory {

    @Column(name = "source_id", nullable = false)
    private Long sourceId;

    @Column(name = "start_offset", nullable = false)
    private int start;

    @Column(name = "end_offset", nullable = false)
    private int end;

    @Column(name = "exact", nullable = false)
    private String exact;

    @Column(name = "prefix", nullable = false)
    private String prefix;

    @Column(name = "suffix", nullable = false)
    private String suffix;

    /** For Hibernate and Envers, which build a span field by field (a record would fail a revision's read). */
    protected EvidenceSpan() {
    }

    public EvidenceSpan(Long sourceId, int start, int end, String exact, String prefix, String suffix) {
        this.sourceId = sourceId;
        this.start = start;
        this.end = end;
        this.exact = exact;
        this.prefix = prefix;
        this.suffix = suffix;
    }

    /** Context kept either side of the quote, as the contract promises. */
    public static final int CONTEXT_LENGTH = 32;

    /** The quote and where it stands, as a curator would cite it. */
    @Override
    public String historyText() {
        return "\u201c" + exact + "\u201d (source " + sourceId + ", characters " + start + "-" + end + ")";
    }

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

    public Long sourceId() {
        return sourceId;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public String exact() {
        return exact;
    }

    public String prefix() {
        return prefix;
    }

    public String suffix() {
        return suffix;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EvidenceSpan span && Objects.equals(sourceId, span.sourceId) && start == span.start
                && end == span.end && Objects.equals(exact, span.exact) && Objects.equals(prefix, span.prefix)
                && Objects.equals(suffix, span.suffix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceId, start, end, exact, prefix, suffix);
    }

    @Override
    public String toString() {
        return historyText();
    }
}
