package org.findingskb.ingest;

import java.util.Locale;
import java.util.Map;

/**
 * The matching key of a word: lower case, folded, singular. The same rule applies to lexicon synonyms and to
 * article tokens, so a plural in either matches a singular in the other.
 */
final class WordForms {

    private final Map<String, String> irregularPlurals;

    WordForms(Map<String, String> irregularPlurals) {
        this.irregularPlurals = Map.copyOf(irregularPlurals);
    }

    String key(String word) {
        String w = TextFolding.fold(word).toLowerCase(Locale.ROOT);
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        String irregular = irregularPlurals.get(w);
        if (irregular != null) {
            return irregular;
        }
        int n = w.length();
        if (n > 4 && w.endsWith("ies")) {
            return w.substring(0, n - 3) + "y";
        }
        if (n > 4 && (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes"))) {
            return w.substring(0, n - 2);
        }
        if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")
                && Character.isLetter(w.charAt(n - 2))) {
            return w.substring(0, n - 1);
        }
        return w;
    }
}
