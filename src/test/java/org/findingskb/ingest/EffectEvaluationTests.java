package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Effects read from the bundled corpus against the gold's {@code effects}, on the sentences the gold makes RESULT
 * or MECHANISM findings (where the gold annotates effects). A read effect matches a gold one of the same sentence
 * when the direction is the same and the subject and the object each share a word with the gold's names (the
 * gold names things in free words, "hippocampus volume"; the reader names concepts, "Hippocampus"). The reader is
 * rules over a cue file of general verbs, fitted to no article, so there is no model to cross-validate: every
 * article is unseen by it. Prints precision and recall per set and pooled.
 */
class EffectEvaluationTests {

    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "from", "that", "this", "its",
            "their", "of", "in", "on", "to", "a", "an", "by", "as", "at", "or", "new", "use", "level", "levels",
            "rate", "rates", "risk", "number", "effect", "effects", "people", "group", "groups");

    /** Counts of one set: read effects, gold effects, matches. */
    record Score(int read, int gold, int matched) {

        Score plus(Score other) {
            return new Score(read + other.read, gold + other.gold, matched + other.matched);
        }

        double precision() {
            return read == 0 ? 1 : matched / (double) read;
        }

        double recall() {
            return gold == 0 ? 1 : matched / (double) gold;
        }
    }

    static final Map<String, Score> bySet = new LinkedHashMap<>();
    static Score pooled = new Score(0, 0, 0);
    static int articlesWithEffects;

    @BeforeAll
    static void readEveryAnnotatedSentence() {
        ArticleAnalyzer analyzer = ArticleAnalyzer.withDefaultResources();
        boolean details = Boolean.getBoolean("kb.eval.details");
        for (GoldCorpus.Article article : GoldCorpus.bundled()) {
            GoldAnnotation gold = article.gold();
            if (gold.findings().stream().noneMatch(f -> !f.effects().isEmpty())) {
                continue;
            }
            articlesWithEffects++;
            ArticleReading reading = analyzer.read(article.text());
            Score score = new Score(0, 0, 0);
            for (GoldAnnotation.Finding finding : gold.findings()) {
                if (!finding.kinds().contains("RESULT") && !finding.kinds().contains("MECHANISM")) {
                    continue;
                }
                Sentence sentence = sentenceOf(reading, finding.quote());
                if (sentence == null) {
                    continue;
                }
                List<ExtractedEffect> read = analyzer.effectReader().read(sentence.text(), sentence.start(),
                        reading.tagging().of(sentence.index()), reading.metadata().interventions());
                int matched = matches(read, finding.effects());
                score = score.plus(new Score(read.size(), finding.effects().size(), matched));
                if (details && (matched < read.size() || matched < finding.effects().size())) {
                    System.out.printf(Locale.ROOT, "%s: %s%n  gold %s%n  read %s%n", article.label(), finding.quote(),
                            finding.effects(), read.stream().map(e -> e.subject().name() + " " + e.direction() + " "
                                    + e.object().name()).toList());
                }
            }
            bySet.merge(article.set(), score, Score::plus);
            pooled = pooled.plus(score);
        }
        StringBuilder table = new StringBuilder("Effects on the gold's RESULT and MECHANISM sentences:\n");
        table.append(String.format(Locale.ROOT, "%-10s %6s %6s %7s %9s %6s%n", "set", "read", "gold", "matched",
                "precision", "recall"));
        bySet.forEach((set, s) -> table.append(row(set, s)));
        table.append(row("all", pooled));
        System.out.println(table);
    }

    private static String row(String set, Score s) {
        return String.format(Locale.ROOT, "%-10s %6d %6d %7d %9.2f %6.2f%n", set, s.read(), s.gold(), s.matched(),
                s.precision(), s.recall());
    }

    private static Sentence sentenceOf(ArticleReading reading, String quote) {
        int at = reading.text().indexOf(quote);
        if (at < 0) {
            return null;
        }
        for (Sentence s : reading.sentences()) {
            if (s.start() <= at && at < s.end()) {
                return s;
            }
        }
        return null;
    }

    /** How many gold effects a read effect matches, each read and each gold effect used once. */
    static int matches(List<ExtractedEffect> read, List<GoldAnnotation.Effect> gold) {
        Set<Integer> used = new HashSet<>();
        int matched = 0;
        for (ExtractedEffect r : read) {
            for (int g = 0; g < gold.size(); g++) {
                GoldAnnotation.Effect e = gold.get(g);
                if (!used.contains(g) && r.direction().name().equals(e.direction())
                        && names(r.subject(), e.subject()) && names(r.object(), e.object())) {
                    used.add(g);
                    matched++;
                    break;
                }
            }
        }
        return matched;
    }

    private static boolean names(ConceptCandidate concept, String goldName) {
        Set<String> gold = stems(goldName);
        List<String> forms = new ArrayList<>(concept.synonyms());
        forms.add(concept.name());
        return forms.stream().anyMatch(form -> stems(form).stream().anyMatch(gold::contains));
    }

    private static Set<String> stems(String phrase) {
        Set<String> stems = new HashSet<>();
        for (String word : phrase.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3 && !STOP_WORDS.contains(word)) {
                stems.add(word.length() > 6 ? word.substring(0, 6) : word.replaceAll("e?s$", ""));
            }
        }
        return stems;
    }

    @Test
    void atLeastTwentyArticlesAnnotateEffects() {
        assertThat(articlesWithEffects).isGreaterThanOrEqualTo(20);
        assertThat(pooled.gold()).isGreaterThanOrEqualTo(100);
    }

    /**
     * Floors a little below what was measured on 2026-12-07 (precision 0.18, recall 0.07 over 732 gold effects, far
     * from the 0.8 the issue asks for: most objects the gold names are not concepts the tagger knows): a change
     * that reads effects worse fails here.
     */
    @Test
    void effectPrecisionAndRecallStayAboveTheirFloors() {
        assertThat(pooled.precision()).as("precision").isGreaterThanOrEqualTo(0.15);
        assertThat(pooled.recall()).as("recall").isGreaterThanOrEqualTo(0.05);
    }
}
