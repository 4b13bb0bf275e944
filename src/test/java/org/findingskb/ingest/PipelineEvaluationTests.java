package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the pipeline against the gold annotations of every bundled set (the seed article, the development corpus,
 * the probe articles, the held-out sets and the batches) and prints a per-article, per-set and overall table with
 * the confusion matrix of kinds. Given {@code -Dkb.eval.dir=FOLDER}, it also scores the annotated articles in that
 * folder where they are and prints their table.
 */
class PipelineEvaluationTests {

    static final List<GoldCorpus.Article> ARTICLES = GoldCorpus.bundled();

    static final List<GoldScorer.Score> SCORES = new ArrayList<>();

    @BeforeAll
    static void scoreAllArticles() {
        if (!SCORES.isEmpty()) {
            return;
        }
        for (GoldCorpus.Article article : ARTICLES) {
            SCORES.add(score(article));
        }
        StringBuilder table = new StringBuilder(header("article"));
        SCORES.forEach(s -> table.append(row(s)));
        List<String> sets = ARTICLES.stream().map(GoldCorpus.Article::set).distinct().toList();
        table.append(header("set"));
        sets.forEach(set -> table.append(row(pooled(set).named(set))));
        GoldScorer.Score all = pooled(sets.toArray(String[]::new)).named("all " + ARTICLES.size() + " articles");
        table.append(row(all));
        table.append(String.format(Locale.ROOT, "%nKinds, all articles:%n")).append(all.confusionTable());
        System.out.println(table);
        all.problems().forEach(p -> System.out.println("  - " + p));

        String folder = System.getProperty("kb.eval.dir", "");
        if (!folder.isBlank()) {
            printFolder(Path.of(folder));
        }
    }

    private static GoldScorer.Score score(GoldCorpus.Article article) {
        ArticleAnalysis analysis = TestArticles.analyzer().analyze(article.text());
        return GoldScorer.score(article.label(), article.gold(), analysis);
    }

    /** Scores a folder of annotated articles where it is, e.g. articles that must never be copied here. */
    private static void printFolder(Path folder) {
        List<GoldScorer.Score> scores = GoldCorpus.in(folder).stream().map(PipelineEvaluationTests::score).toList();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%nScored where it is: %s%n",
                folder.toAbsolutePath().normalize())).append(header("article"));
        scores.forEach(s -> table.append(row(s)));
        GoldScorer.Score total = scores.stream().reduce(GoldScorer.none("all"), GoldScorer.Score::plus)
                .named("all " + scores.size() + " articles");
        table.append(row(total));
        table.append(String.format(Locale.ROOT, "%nKinds:%n")).append(total.confusionTable());
        System.out.println(table);
        total.problems().forEach(p -> System.out.println("  - " + p));
    }

    private static String header(String first) {
        return String.format(Locale.ROOT, "%n%-44s %7s %9s %6s %9s %9s %8s %6s %8s %5s%n", first, "recall",
                "precision", "kind", "timescale", "certainty", "metadata", "mech", "concepts", "notF");
    }

    private static String row(GoldScorer.Score s) {
        return String.format(Locale.ROOT, "%-44s %7.2f %9.2f %6.2f %9.2f %9.2f %8.2f %6s %8s %5d%n", s.article(),
                s.recall(), s.precision(), s.kindAccuracy(), s.timescaleAccuracy(), s.certaintyAccuracy(),
                s.metadataAccuracy(), s.mechanismsFound() + "/" + s.goldMechanisms(),
                s.conceptsFound() + "/" + s.goldConcepts(), s.notFindingViolations());
    }

    static GoldScorer.Score pooled(String... sets) {
        GoldScorer.Score total = GoldScorer.none("overall");
        for (int i = 0; i < ARTICLES.size(); i++) {
            if (List.of(sets).contains(ARTICLES.get(i).set())) {
                total = total.plus(SCORES.get(i));
            }
        }
        return total;
    }

    private static GoldScorer.Score scoreOf(String name) {
        for (int i = 0; i < ARTICLES.size(); i++) {
            if (ARTICLES.get(i).set().equals(name)) {
                return SCORES.get(i);
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    void seedArticleIsReadPerfectly() {
        GoldScorer.Score seed = scoreOf("seed");
        assertThat(seed.problems()).isEmpty();
        assertThat(seed.recall()).isEqualTo(1.0);
        assertThat(seed.precision()).isEqualTo(1.0);
        assertThat(seed.kindAccuracy()).isEqualTo(1.0);
        assertThat(seed.timescaleAccuracy()).isEqualTo(1.0);
        assertThat(seed.certaintyAccuracy()).isEqualTo(1.0);
        assertThat(seed.metadataAccuracy()).isEqualTo(1.0);
        assertThat(seed.mechanismsFound()).isEqualTo(seed.goldMechanisms()).isEqualTo(2);
    }

    @Test
    void seedAndDevelopmentCorpusMeetTheOverallThresholds() {
        assertMeetsOverallThresholds(pooled("seed", "dev"));
    }

    @Test
    void extraArticlesFromOtherPublishersMeetTheOverallThresholds() {
        assertMeetsOverallThresholds(pooled("extra"));
    }

    @Test
    void heldOutArticlesWrittenBlindToTheRulesMeetTheOverallThresholds() {
        assertMeetsOverallThresholds(pooled("holdout"));
    }

    /**
     * The second held-out set was written blind to the rules, but the rules were later improved while it was scored,
     * so it now guards against regressions rather than measuring generality.
     */
    @Test
    void secondHeldOutSetMeetsTheOverallThresholds() {
        assertMeetsOverallThresholds(pooled("holdout2"));
    }

    @Test
    void noNotFindingIsEverExtracted() {
        assertThat(pooled("seed", "dev", "extra").notFindingViolations()).isZero();
    }

    @Test
    void everyGoldMechanismIsFound() {
        GoldScorer.Score all = pooled("seed", "dev", "extra");
        assertThat(all.mechanismsFound()).isEqualTo(all.goldMechanisms());
    }

    @Test
    void mostGoldConceptsAreTagged() {
        GoldScorer.Score all = pooled("seed", "dev", "extra");
        assertThat((double) all.conceptsFound() / all.goldConcepts()).isGreaterThanOrEqualTo(0.9);
    }

    private static void assertMeetsOverallThresholds(GoldScorer.Score s) {
        assertThat(s.recall()).as("recall").isGreaterThanOrEqualTo(0.85);
        assertThat(s.precision()).as("precision").isGreaterThanOrEqualTo(0.85);
        assertThat(s.kindAccuracy()).as("kind accuracy").isGreaterThanOrEqualTo(0.8);
        assertThat(s.timescaleAccuracy()).as("timescale accuracy").isGreaterThanOrEqualTo(0.9);
        assertThat(s.certaintyAccuracy()).as("certainty accuracy").isGreaterThanOrEqualTo(0.9);
        assertThat(s.metadataAccuracy()).as("metadata accuracy").isGreaterThanOrEqualTo(0.9);
    }
}
