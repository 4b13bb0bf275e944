package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.findingskb.study.DesignType;

/**
 * The features the design-type model reads: per sentence, its words, the design cue classes of
 * {@code ingest/design.json} it matches and the concept types it names; per article, their sums (dampened by a
 * logarithm, so that one long article does not outweigh the rest), with the cue classes of the opening sentences
 * apart, where news states the design.
 */
final class DesignFeatures {

    /** Change whenever a feature changes: a model trained on other features is refused. */
    static final String VERSION = "df-1";
    /** The headline and the first sentences of the body, where news says what kind of study it reports. */
    private static final int OPENING = 6;

    /** Feature names and values, as OpenNLP's maxent takes them. */
    record Vector(String[] names, float[] values) {
    }

    private final DesignCues cues;

    DesignFeatures(DesignCues cues) {
        this.cues = cues;
    }

    /** Counts of each feature of one sentence. */
    Map<String, Integer> counts(ArticleReading reading, Sentence s) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Token> tokens = s.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!Character.isLetter(t.text().charAt(0))) {
                continue;
            }
            // A capitalised word inside a sentence is a name: the model must not learn its training articles' names.
            boolean name = i > 0 && Character.isUpperCase(t.text().charAt(0));
            counts.merge(name ? "w=<name>" : "w=" + t.key(), 1, Integer::sum);
        }
        for (Map.Entry<DesignType, PhraseMatcher> type : cues.types.entrySet()) {
            int hits = type.getValue().all(s.folded()).size();
            if (hits > 0) {
                counts.merge("cue=" + type.getKey(), hits, Integer::sum);
            }
        }
        for (Lexicon.Match m : reading.tagging().lexiconMatches().get(s.index())) {
            counts.merge("concept=" + m.entry().type(), 1, Integer::sum);
        }
        return counts;
    }

    /** Whether the sentence matches a cue of {@code type}. */
    boolean cues(Sentence s, DesignType type) {
        PhraseMatcher m = cues.types.get(type);
        return m != null && !m.all(s.folded()).isEmpty();
    }

    /** One sentence on its own, as the evidence of a design type is chosen. */
    Vector sentence(ArticleReading reading, Sentence s) {
        return vector(counts(reading, s));
    }

    /** The whole article: every sentence's features summed, the opening's cue classes once more apart. */
    Vector article(ArticleReading reading) {
        Map<String, Integer> total = new LinkedHashMap<>();
        int position = 0;
        for (Sentence s : readable(reading)) {
            Map<String, Integer> counts = counts(reading, s);
            counts.forEach((name, n) -> total.merge(name, n, Integer::sum));
            if (position++ < OPENING) {
                counts.forEach((name, n) -> {
                    if (name.startsWith("cue=")) {
                        total.merge("opening:" + name, n, Integer::sum);
                    }
                });
            }
        }
        return vector(total);
    }

    /** The headline and body sentences, in order: bylines, credits and links say nothing of the design. */
    static List<Sentence> readable(ArticleReading reading) {
        List<Sentence> readable = new ArrayList<>();
        for (Sentence s : reading.sentences()) {
            if (!reading.roles().get(s.index()).isBoilerplate()) {
                readable.add(s);
            }
        }
        return readable;
    }

    private static Vector vector(Map<String, Integer> counts) {
        String[] names = new String[counts.size()];
        float[] values = new float[counts.size()];
        int i = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            names[i] = e.getKey();
            values[i++] = (float) Math.log1p(e.getValue());
        }
        return new Vector(names, values);
    }
}
