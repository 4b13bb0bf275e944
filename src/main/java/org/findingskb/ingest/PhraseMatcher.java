package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A list of literal cue phrases matched as whole words, case-insensitively, on folded text. */
final class PhraseMatcher {

    private static final String WORD_CHAR = "[\\p{L}\\p{N}]";

    private final Pattern pattern;

    PhraseMatcher(Collection<String> phrases) {
        List<String> sorted = new ArrayList<>(phrases == null ? List.of() : phrases);
        sorted.removeIf(p -> p == null || p.isBlank());
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        if (sorted.isEmpty()) {
            this.pattern = null;
            return;
        }
        String alternatives = sorted.stream().map(p -> Pattern.quote(TextFolding.fold(p))).collect(Collectors.joining("|"));
        this.pattern = Pattern.compile("(?<!" + WORD_CHAR + ")(?:" + alternatives + ")(?!" + WORD_CHAR + ")",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    boolean in(String folded) {
        return pattern != null && pattern.matcher(folded).find();
    }

    List<MatchResult> all(String folded) {
        if (pattern == null) {
            return List.of();
        }
        List<MatchResult> matches = new ArrayList<>();
        Matcher m = pattern.matcher(folded);
        while (m.find()) {
            matches.add(m.toMatchResult());
        }
        return matches;
    }

    /** Whether the text begins with one of the phrases, after any opening quotes or spaces. */
    boolean startsWith(String folded) {
        if (pattern == null) {
            return false;
        }
        int from = 0;
        while (from < folded.length() && (folded.charAt(from) == '"' || folded.charAt(from) == '\''
                || Character.isWhitespace(folded.charAt(from)))) {
            from++;
        }
        Matcher m = pattern.matcher(folded);
        m.region(from, folded.length());
        m.useTransparentBounds(true);
        return m.lookingAt();
    }

    /** Whether the text ends with one of the phrases, ignoring trailing spaces and punctuation. */
    boolean endsWith(String folded) {
        if (pattern == null) {
            return false;
        }
        String trimmed = folded.strip();
        Matcher m = pattern.matcher(trimmed);
        while (m.find()) {
            if (m.end() == trimmed.length()) {
                return true;
            }
        }
        return false;
    }
}
