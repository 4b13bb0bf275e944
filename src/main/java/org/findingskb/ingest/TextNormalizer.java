package org.findingskb.ingest;

import java.text.Normalizer;
import java.util.regex.Pattern;

import org.findingskb.shared.Texts;

/**
 * Brings pasted article text into the one form that is stored and that every offset indexes into, so the same
 * article pasted with other line endings or stray whitespace gives the same text. Every step is one pass over
 * the text: nothing here, nor any later regex, may backtrack over a run whose length the sender chooses.
 */
public final class TextNormalizer {

    /**
     * The most combining marks kept on one character: the stream-safe limit of Unicode's UAX #15, more than any
     * script writes. {@code \b} and {@code \w} in java.util.regex scan back over every mark before a position, so
     * an unbounded run of marks makes each word-boundary test as long as the run (one word with 200,000 marks
     * took hours); capped, every such scan is short.
     */
    static final int MAX_COMBINING_MARKS = 30;

    private static final Pattern BLANK_LINE_RUNS = Pattern.compile("\n{3,}");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0E-\\x1F\\x7F]");

    private TextNormalizer() {
    }

    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String text = raw.replace("\r\n", "\n").replace('\r', '\n')
                .replace('\u2028', '\n').replace('\u2029', '\n');
        // A byte-order mark carries no text; anywhere it stands it would only make equal texts differ. Nor do
        // control characters other than tab and line breaks (PostgreSQL refuses NUL in text outright).
        text = text.replace("\uFEFF", "");
        text = CONTROL.matcher(text).replaceAll("");
        // Nor do bidirectional controls and zero-width characters, which would carry into titles and statements
        // and show them other than they read; a lone surrogate is no character at all.
        text = Texts.withoutInvisibles(withoutLoneSurrogates(text));
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        text = boundedLines(text);
        text = BLANK_LINE_RUNS.matcher(text).replaceAll("\n\n");
        return text.strip();
    }

    /**
     * Drops the whitespace at the end of each line and the combining marks beyond {@link #MAX_COMBINING_MARKS}
     * in one pass. (The regex {@code [\h]+$} it replaces retried from every blank of a long run that did not end
     * the line: 20,000 spaces before a word took seconds.)
     */
    private static String boundedLines(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int blanksFrom = -1; // where the run of blanks at the end of out starts, -1 when out does not end in one
        int marks = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                if (blanksFrom >= 0) {
                    out.setLength(blanksFrom);
                }
                blanksFrom = -1;
                marks = 0;
                out.append('\n');
                continue;
            }
            if (isCombiningMark(c)) {
                if (++marks > MAX_COMBINING_MARKS) {
                    continue;
                }
            } else {
                marks = 0;
            }
            if (isLineBlank(c)) {
                if (blanksFrom < 0) {
                    blanksFrom = out.length();
                }
            } else {
                blanksFrom = -1;
            }
            out.appendCodePoint(c);
        }
        if (blanksFrom >= 0) {
            out.setLength(blanksFrom);
        }
        return out.toString();
    }

    private static String withoutLoneSurrogates(String text) {
        if (!Texts.hasLoneSurrogate(text)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** What {@code [\h\x0B\f]} matched: horizontal whitespace, vertical tab and form feed. */
    private static boolean isLineBlank(int c) {
        return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == 0xA0 || c == 0x1680 || c == 0x180E
                || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    private static boolean isCombiningMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
