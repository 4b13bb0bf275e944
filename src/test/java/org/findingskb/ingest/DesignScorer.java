package org.findingskb.ingest;

import java.util.Locale;
import java.util.Objects;

/**
 * Scores a design read by the pipeline against its gold annotation, part by part: a part is right when both say
 * nothing, or both say the same. The type and the sample size must be equal; the comparator, the duration and the
 * intervention are free text, matched as the corpus README asks for short names: one contains the other once case,
 * punctuation, articles and plural endings are set aside ("12-week" and "12 weeks" match, "placebo" matches
 * "a placebo spray").
 */
final class DesignScorer {

    static final String[] PARTS = {"type", "sampleSize", "comparator", "duration", "intervention"};

    /** Per part: how many articles were scored, how many right, how many the pipeline stated and got right. */
    record Score(String label, int articles, int[] right, int[] stated, int[] statedRight) {

        static Score none(String label) {
            return new Score(label, 0, new int[PARTS.length], new int[PARTS.length], new int[PARTS.length]);
        }

        Score plus(Score other) {
            int[] r = right.clone();
            int[] s = stated.clone();
            int[] sr = statedRight.clone();
            for (int i = 0; i < PARTS.length; i++) {
                r[i] += other.right[i];
                s[i] += other.stated[i];
                sr[i] += other.statedRight[i];
            }
            return new Score(label, articles + other.articles, r, s, sr);
        }

        Score named(String name) {
            return new Score(name, articles, right, stated, statedRight);
        }

        double accuracy(int part) {
            return articles == 0 ? 1.0 : (double) right[part] / articles;
        }

        /** Of the parts the pipeline stated, the share that was right. */
        double precision(int part) {
            return stated[part] == 0 ? 1.0 : (double) statedRight[part] / stated[part];
        }

        double overall() {
            double sum = 0;
            for (int i = 0; i < PARTS.length; i++) {
                sum += accuracy(i);
            }
            return sum / PARTS.length;
        }
    }

    private DesignScorer() {
    }

    static Score score(String label, GoldAnnotation.Design gold, ExtractedDesign read) {
        GoldAnnotation.Design g = gold == null ? new GoldAnnotation.Design(null, null, null, null, null) : gold;
        boolean[] right = {
                Objects.equals(g.type(), read.type() == null ? null : read.type().name()),
                Objects.equals(g.sampleSize(), read.sampleSize()),
                textMatches(g.comparator(), read.comparator()),
                textMatches(g.duration(), read.duration()),
                textMatches(g.intervention(), read.intervention())};
        Object[] values = {read.type(), read.sampleSize(), read.comparator(), read.duration(), read.intervention()};
        int[] r = new int[PARTS.length];
        int[] s = new int[PARTS.length];
        int[] sr = new int[PARTS.length];
        for (int i = 0; i < PARTS.length; i++) {
            r[i] = right[i] ? 1 : 0;
            s[i] = values[i] == null ? 0 : 1;
            sr[i] = values[i] != null && right[i] ? 1 : 0;
        }
        return new Score(label, 1, r, s, sr);
    }

    static boolean textMatches(String gold, String read) {
        if (gold == null || read == null) {
            return gold == null && read == null;
        }
        String g = normalized(gold);
        String r = normalized(read);
        return !g.isEmpty() && !r.isEmpty() && (g.contains(r) || r.contains(g));
    }

    private static String normalized(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}.]+")) {
            if (word.isEmpty() || word.equals("a") || word.equals("an") || word.equals("the")) {
                continue;
            }
            String w = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
            out.append(w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w).append(' ');
        }
        return out.toString().strip();
    }
}
