package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A list of literal cue phrases matched as whole words, case-insensitively, on folded text. Phrases and text are
 * cut into the same units (runs of letters and digits, single punctuation marks) and matched through a trie, so
 * that hundreds of phrases cost one pass over a sentence.
 */
final class PhraseMatcher {

    /** A match: character offsets in the text given. */
    record Hit(int start, int end) {
    }

    private static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        boolean terminal;
    }

    private final Node root = new Node();
    private final boolean empty;

    PhraseMatcher(Collection<String> phrases) {
        boolean any = false;
        for (String phrase : phrases == null ? List.<String>of() : phrases) {
            if (phrase == null || phrase.isBlank()) {
                continue;
            }
            Units units = Units.of(TextFolding.fold(phrase));
            if (units.size() == 0) {
                continue;
            }
            Node node = root;
            for (int i = 0; i < units.size(); i++) {
                node = node.next.computeIfAbsent(units.word(i), k -> new Node());
            }
            node.terminal = true;
            any = true;
        }
        this.empty = !any;
    }

    boolean in(String folded) {
        if (empty) {
            return false;
        }
        Units units = Units.of(folded);
        for (int i = 0; i < units.size(); i++) {
            if (longestAt(units, i) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Non-overlapping matches, leftmost first, longest at each position. */
    List<Hit> all(String folded) {
        if (empty) {
            return List.of();
        }
        Units units = Units.of(folded);
        List<Hit> hits = new ArrayList<>();
        int i = 0;
        while (i < units.size()) {
            int length = longestAt(units, i);
            if (length > 0) {
                hits.add(new Hit(units.start(i), units.end(i + length - 1)));
                i += length;
            } else {
                i++;
            }
        }
        return hits;
    }

    /** Whether the text begins with one of the phrases, after any opening quotes. */
    boolean startsWith(String folded) {
        if (empty) {
            return false;
        }
        Units units = Units.of(folded);
        int i = 0;
        while (i < units.size() && (units.word(i).equals("\"") || units.word(i).equals("'"))) {
            i++;
        }
        return i < units.size() && longestAt(units, i) > 0;
    }

    /** Whether the text ends with one of the phrases, ignoring closing punctuation. */
    boolean endsWith(String folded) {
        if (empty) {
            return false;
        }
        Units units = Units.of(folded);
        int last = units.size() - 1;
        while (last >= 0 && !Character.isLetterOrDigit(units.word(last).charAt(0))) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            if (endsAt(units, i, last)) {
                return true;
            }
        }
        return false;
    }

    private int longestAt(Units units, int from) {
        Node node = root;
        int longest = 0;
        for (int i = from; i < units.size(); i++) {
            node = node.next.get(units.word(i));
            if (node == null) {
                break;
            }
            if (node.terminal) {
                longest = i - from + 1;
            }
        }
        return longest;
    }

    private boolean endsAt(Units units, int from, int last) {
        Node node = root;
        for (int i = from; i <= last; i++) {
            node = node.next.get(units.word(i));
            if (node == null) {
                return false;
            }
        }
        return node.terminal;
    }

    /** Lower-cased words and punctuation marks of a text, with their offsets. */
    private static final class Units {
        private final String[] words;
        private final int[] starts;
        private final int[] ends;
        private final int size;

        private Units(String[] words, int[] starts, int[] ends, int size) {
            this.words = words;
            this.starts = starts;
            this.ends = ends;
            this.size = size;
        }

        static Units of(String text) {
            int n = text.length();
            String[] words = new String[n];
            int[] starts = new int[n];
            int[] ends = new int[n];
            int size = 0;
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                int start = i;
                if (Character.isLetterOrDigit(c)) {
                    while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                        i++;
                    }
                } else {
                    i++;
                }
                words[size] = text.substring(start, i).toLowerCase(Locale.ROOT);
                starts[size] = start;
                ends[size] = i;
                size++;
            }
            return new Units(words, starts, ends, size);
        }

        int size() {
            return size;
        }

        String word(int i) {
            return words[i];
        }

        int start(int i) {
            return starts[i];
        }

        int end(int i) {
            return ends[i];
        }
    }
}
