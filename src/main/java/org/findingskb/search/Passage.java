package org.findingskb.search;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * The passage of a source's text that a search hit shows: where it stands in the text, and its snippet (escaped
 * HTML, matched words in {@code <mark>}). The highlighter gives the passage as marked, escaped text; undoing both
 * gives a piece of the text, found in it for its offsets. A passage longer than {@link #MAX_LENGTH} (a sentence
 * that never ends) is cut to a window around its first match.
 */
record Passage(int start, int end, String snippet) {

    static final int MAX_LENGTH = 400;
    private static final int BEFORE_MATCH = 120;
    private static final String OPEN = "<mark>";
    private static final String CLOSE = "</mark>";

    /** The passage {@code highlighted} shows, placed in {@code text}; {@code null} if it is not a piece of it. */
    static Passage of(String highlighted, String text) {
        StringBuilder plain = new StringBuilder();
        List<int[]> marks = new ArrayList<>();
        int at = 0;
        while (at < highlighted.length()) {
            int open = highlighted.indexOf(OPEN, at);
            int close = open < 0 ? -1 : highlighted.indexOf(CLOSE, open + OPEN.length());
            if (open < 0 || close < 0) {
                plain.append(HtmlUtils.htmlUnescape(highlighted.substring(at)));
                break;
            }
            plain.append(HtmlUtils.htmlUnescape(highlighted.substring(at, open)));
            int markStart = plain.length();
            plain.append(HtmlUtils.htmlUnescape(highlighted.substring(open + OPEN.length(), close)));
            marks.add(new int[] {markStart, plain.length()});
            at = close + CLOSE.length();
        }
        int found = text.indexOf(plain.toString());
        if (found < 0 || plain.isEmpty()) {
            return null;
        }
        // Offsets within the passage: trimmed of the white space around it, cut where it is too long.
        int from = 0;
        int to = plain.length();
        while (from < to && Character.isWhitespace(plain.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(plain.charAt(to - 1))) {
            to--;
        }
        if (to - from > MAX_LENGTH) {
            int firstMatch = marks.isEmpty() ? from : marks.get(0)[0];
            from = Math.max(from, wordStart(plain, Math.max(from, firstMatch - BEFORE_MATCH)));
            to = Math.min(to, wordEnd(plain, Math.min(to, from + MAX_LENGTH)));
        }
        StringBuilder snippet = new StringBuilder();
        int written = from;
        for (int[] mark : marks) {
            int markStart = Math.max(mark[0], from);
            int markEnd = Math.min(mark[1], to);
            if (markStart >= markEnd) {
                continue;
            }
            snippet.append(HtmlUtils.htmlEscape(plain.substring(written, markStart))).append(OPEN)
                    .append(HtmlUtils.htmlEscape(plain.substring(markStart, markEnd))).append(CLOSE);
            written = markEnd;
        }
        snippet.append(HtmlUtils.htmlEscape(plain.substring(written, to)));
        return new Passage(found + from, found + to, snippet.toString());
    }

    /** The start of the word at {@code at}, so a window does not begin in the middle of one. */
    private static int wordStart(CharSequence text, int at) {
        int i = at;
        while (i > 0 && !Character.isWhitespace(text.charAt(i - 1)) && at - i < 30) {
            i--;
        }
        return i;
    }

    private static int wordEnd(CharSequence text, int at) {
        int i = at;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && i - at < 30) {
            i++;
        }
        return i;
    }
}
