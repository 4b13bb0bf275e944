package org.findingskb.ingest;

/** A half-open character range {@code [start, end)} of the analysed text. */
public record TextSpan(int start, int end) {

    public TextSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Bad span [" + start + ", " + end + ")");
        }
    }

    public String of(String text) {
        return text.substring(start, end);
    }
}
