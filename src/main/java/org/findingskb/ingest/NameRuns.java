package org.findingskb.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a run of capitalised words (a journal or institution name) from a position, allowing lower-case
 * connectors such as "of" only between capitalised words.
 */
final class NameRuns {

    /** A word, an ampersand, or initials inside a name ("Harvard T.H. Chan"). */
    private static final Pattern WORD = Pattern.compile(
            "[ \\t]*((?:\\p{Lu}\\.){1,3}(?=[ \\t]+\\p{Lu})|[\\p{L}\\p{N}][\\p{L}\\p{N}'\\-]*|&)");

    private NameRuns() {
    }

    static String read(String text, int from, Set<String> connectors) {
        Matcher m = WORD.matcher(text);
        int pos = from;
        int runStart = -1;
        int runEnd = -1;
        int pendingConnectors = 0;
        while (pos < text.length()) {
            m.region(pos, text.length());
            if (!m.lookingAt()) {
                break;
            }
            String word = m.group(1);
            if (isCapitalised(word)) {
                if (runStart < 0) {
                    runStart = m.start(1);
                }
                runEnd = m.end(1);
                pendingConnectors = 0;
            } else if (runStart >= 0 && connectors.contains(word.toLowerCase(Locale.ROOT)) && pendingConnectors < 2) {
                pendingConnectors++;
            } else {
                break;
            }
            pos = m.end();
        }
        return runStart < 0 ? null : text.substring(runStart, runEnd);
    }

    static boolean isCapitalised(String word) {
        return word.chars().anyMatch(Character::isUpperCase);
    }
}
