package org.findingskb.ingest;

import java.util.List;

/**
 * One sentence of the article. {@code start}/{@code end} index the normalised text; {@code folded} is the same
 * text with typographic characters folded (same length), used for cue matching.
 */
record Sentence(int index, int paragraph, int block, boolean firstInBlock, int start, int end, String text,
        String folded, List<Token> tokens) {

    TextSpan span() {
        return new TextSpan(start, end);
    }

    int wordCount() {
        return (int) tokens.stream().filter(t -> Character.isLetterOrDigit(t.text().charAt(0))).count();
    }
}
