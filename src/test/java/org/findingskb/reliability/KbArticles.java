package org.findingskb.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Generates short, unique science-news articles that the pipeline always reads findings from. */
final class KbArticles {

    private static final String[] DRUGS = {"ketamine", "psilocybin", "lithium", "fluoxetine", "semaglutide", "caffeine"};
    private static final String[] REGIONS = {"hippocampus", "prefrontal cortex", "amygdala", "striatum", "cerebellum"};
    private static final String[] CELLS = {"young neurons", "microglia", "astrocytes", "dopamine neurons"};
    private static final String[] PATHWAYS = {"BMP signaling", "mTOR signaling", "BDNF signaling"};
    private static final String[] CONDITIONS = {"depression", "anxiety", "Alzheimer's disease", "obesity"};
    private static final String[] TIMES = {"within hours", "within a day", "over several weeks", "after a few days"};
    private static final String[] FINDINGS = {
        "The researchers found that %1$s increases the activity of %3$s in the %2$s %6$s.",
        "The team discovered that %1$s lowers %4$s in the %2$s, which helps more %3$s survive.",
        "The study showed that %3$s in the %2$s fire faster after a single dose of %1$s.",
        "Scientists found that blocking %4$s in mice reversed the effect of %1$s %6$s.",
    };
    private static final String[] HEDGED = {
        "This could lead to new treatments for %5$s that act %6$s.",
        "The results suggest that %1$s might help people with %5$s.",
    };
    private static final String LETTERS = "bcdfghjklmnpqrstvwxz";

    private KbArticles() {
    }

    /** A word of letters only, unique per (prefix, number), that every analyzer keeps as one token. */
    static String token(String prefix, long number) {
        StringBuilder digits = new StringBuilder();
        long n = number;
        do {
            digits.append(LETTERS.charAt((int) (n % LETTERS.length())));
            n /= LETTERS.length();
        } while (n > 0);
        return prefix + digits.reverse();
    }

    /** An article whose title is "Study {token} shows ...". */
    static String article(Random rng, String token) {
        Object[] words = {pick(rng, DRUGS), pick(rng, REGIONS), pick(rng, CELLS), pick(rng, PATHWAYS),
                pick(rng, CONDITIONS), pick(rng, TIMES)};
        List<String> sentences = new ArrayList<>();
        List<String> findings = new ArrayList<>(List.of(FINDINGS));
        Collections.shuffle(findings, rng);
        findings.subList(0, 2 + rng.nextInt(2)).forEach(t -> sentences.add(String.format(t, words)));
        sentences.add(String.format(pick(rng, HEDGED), words));
        Collections.shuffle(sentences, rng);
        StringBuilder text = new StringBuilder("Study " + token + " shows how " + words[0] + " changes the " + words[1]
                + "\n\n");
        sentences.forEach(s -> text.append(s).append("\n\n"));
        return text.append("Reference ").append(token).append(" was assigned to this report by the newsroom.\n").toString();
    }

    private static String pick(Random rng, String[] values) {
        return values[rng.nextInt(values.length)];
    }
}
