package org.findingskb.ingest;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Brings pasted article text into the one form that is stored and that every offset indexes into, so the same
 * article pasted with other line endings or stray whitespace gives the same text.
 */
public final class TextNormalizer {

    private static final Pattern TRAILING_WHITESPACE = Pattern.compile("[\\h\\x0B\\f]+$", Pattern.MULTILINE);
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
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        text = TRAILING_WHITESPACE.matcher(text).replaceAll("");
        text = BLANK_LINE_RUNS.matcher(text).replaceAll("\n\n");
        return text.strip();
    }
}
