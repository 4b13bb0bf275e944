package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the pipeline against the gold annotations of every bundled set, cross-validated by article: each article is
 * read by a sentence model trained on the other folds only (see {@link CrossValidation}), never by one fitted to
 * it. Prints a per-article, per-set and overall table, the confusion matrix of kinds and the precision/recall curve
 * of the model's confidence. Given {@code -Dkb.eval.dir=FOLDER}, it also scores the annotated articles in that folder
 * where they are, with the bundled model (trained on the whole bundled corpus), and prints their table.
 */
class PipelineEvaluationTests {

    static final List<GoldScorer.Score> SCORES = new ArrayList<>();
    static List<CrossValidation.Prepared> articles;

    @BeforeAll
    static void scoreAllArticles() {
        if (!SCORES.isEmpty()) {
            return;
        }
        CrossValidation.Result result = CrossValidation.bundledResult();
        articles = result.articles();
        SCORES.addAll(scores(result));
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%nCross-validated by article (%d folds, seed %d):%n", CrossValidation.FOLDS, CrossValidation.SEED));
        table.append(header("article"));
        SCORES.forEach(s -> table.append(row(s)));
        table.append(header("set"));
        sets().forEach(set -> table.append(row(pooled(set).named(set))));
        GoldScorer.Score all = all();
        table.append(row(all));
        table.append(metadataBySet(articles.stream().map(p -> p.article().set()).toList(), result.articles(),
                result.analyses(), all.article()));
        table.append(String.format(Locale.ROOT, "%nKinds, all articles:%n")).append(all.confusionTable());
        table.append(curve(result.decisions()));
        System.out.println(table);
        all.problems().forEach(p -> System.out.println("  - " + p));
        System.out.println(DesignEvaluation.table("Study design, cross-validated by article:",
                DesignEvaluation.crossValidated(articles), true));

        String folder = System.getProperty("kb.eval.dir", "");
        if (!folder.isBlank()) {
            printFolder(Path.of(folder));
        }
    }

    /** Each article's cross-validated score, in corpus order. */
    static List<GoldScorer.Score> scores(CrossValidation.Result result) {
        List<GoldScorer.Score> scores = new ArrayList<>();
        for (int i = 0; i < result.articles().size(); i++) {
            CrossValidation.Prepared p = result.articles().get(i);
            scores.add(GoldScorer.score(p.article().label(), p.gold(), result.analyses().get(i)));
        }
        return scores;
    }

    /** Metadata accuracy per field, per group of articles and over all of them. */
    private static String metadataBySet(List<String> groups, List<CrossValidation.Prepared> prepared,
            List<ArticleAnalysis> analyses, String allName) {
        List<List<MetadataFields.Field>> fields = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            fields.add(MetadataFields.compare(prepared.get(i).gold(), analyses.get(i).metadata()));
        }
        return MetadataFields.byGroup("metadata per field", groups, fields, allName);
    }

    /** Scores a folder of annotated articles where it is, e.g. articles that must never be copied here. */
    private static void printFolder(Path folder) {
        List<GoldCorpus.Article> inFolder = GoldCorpus.in(folder);
        List<ArticleAnalysis> analyses = inFolder.stream().map(a -> TestArticles.analyzer().analyze(a.text())).toList();
        List<GoldScorer.Score> scores = new ArrayList<>();
        List<List<MetadataFields.Field>> fields = new ArrayList<>();
        for (int i = 0; i < inFolder.size(); i++) {
            GoldCorpus.Article a = inFolder.get(i);
            GoldAnnotation gold = a.gold();
            scores.add(GoldScorer.score(a.label(), gold, analyses.get(i)));
            fields.add(MetadataFields.compare(gold, analyses.get(i).metadata()));
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%nScored where it is, by the bundled model: %s%n", folder.toAbsolutePath().normalize()))
                .append(header("article"));
        scores.forEach(s -> table.append(row(s)));
        GoldScorer.Score total = scores.stream().reduce(GoldScorer.none("all"), GoldScorer.Score::plus)
                .named("all " + scores.size() + " articles");
        table.append(row(total));
        table.append(MetadataFields.byGroup("metadata per field", inFolder.stream().map(GoldCorpus.Article::label)
                .toList(), fields, total.article()));
        table.append(String.format(Locale.ROOT, "%nKinds:%n")).append(total.confusionTable());
        System.out.println(table);
        total.problems().forEach(p -> System.out.println("  - " + p));
        System.out.println(DesignEvaluation.whereItIs(folder));
    }

    static String header(String first) {
        return String.format(Locale.ROOT, "%n%-44s %7s %9s %6s %9s %9s %6s %8s %6s %8s %5s%n", first, "recall",
                "precision", "kind", "timescale", "certainty", "by", "metadata", "mech", "concepts", "notF");
    }

    static String row(GoldScorer.Score s) {
        return String.format(Locale.ROOT, "%-44s %7.2f %9.2f %6.2f %9.2f %9.2f %6.2f %8.2f %6s %8s %5d%n", s.article(),
                s.recall(), s.precision(), s.kindAccuracy(), s.timescaleAccuracy(), s.certaintyAccuracy(),
                s.byAccuracy(), s.metadataAccuracy(), s.mechanismsFound() + "/" + s.goldMechanisms(),
                s.conceptsFound() + "/" + s.goldConcepts(), s.notFindingViolations());
    }

    /**
     * Sentence-level precision and recall of "a finding" if the model's probability had to reach each threshold:
     * the curve the decision threshold and the review threshold are chosen from. An optional sentence counts as
     * right when taken and is not counted when left.
     */
    static String curve(List<CrossValidation.Decision> decisions) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nConfidence (cross-validated, per sentence):%n%9s %9s %7s %9s%n", "threshold", "precision", "recall",
                "at/above"));
        long findings = decisions.stream().filter(d -> Boolean.TRUE.equals(d.finding())).count();
        for (int t = 1; t <= 9; t++) {
            double threshold = t / 10.0;
            List<CrossValidation.Decision> taken = decisions.stream().filter(d -> d.probability() >= threshold).toList();
            long right = taken.stream().filter(d -> !Boolean.FALSE.equals(d.finding())).count();
            long found = taken.stream().filter(d -> Boolean.TRUE.equals(d.finding())).count();
            out.append(String.format(Locale.ROOT, "%9.1f %9.3f %7.3f %9d%n", threshold,
                    taken.isEmpty() ? 1.0 : (double) right / taken.size(), (double) found / findings, taken.size()));
        }
        return out.toString();
    }

    static List<String> sets() {
        return articles.stream().map(p -> p.article().set()).distinct().toList();
    }

    static GoldScorer.Score all() {
        return pooled(sets().toArray(String[]::new)).named("all " + articles.size() + " articles");
    }

    static GoldScorer.Score pooled(String... sets) {
        GoldScorer.Score total = GoldScorer.none("overall");
        for (int i = 0; i < articles.size(); i++) {
            if (List.of(sets).contains(articles.get(i).article().set())) {
                total = total.plus(SCORES.get(i));
            }
        }
        return total;
    }

    /**
     * The gates of issue 11 on cross-validated scores: recall and precision at least 0.9 and kinds at least 0.85 over
     * the whole corpus (measured on 2026-12-07: 0.94, 0.94 and 0.85); timescale, certainty and whose result it is a
     * little below what the model reaches (0.98, 0.95, 0.95).
     */
    @Test
    void crossValidatedScoresOverTheWholeCorpusMeetTheThresholds() {
        GoldScorer.Score s = all();
        assertThat(s.recall()).as("recall").isGreaterThanOrEqualTo(0.9);
        assertThat(s.precision()).as("precision").isGreaterThanOrEqualTo(0.9);
        assertThat(s.kindAccuracy()).as("kind accuracy").isGreaterThanOrEqualTo(0.85);
        assertThat(s.timescaleAccuracy()).as("timescale accuracy").isGreaterThanOrEqualTo(0.95);
        assertThat(s.certaintyAccuracy()).as("certainty accuracy").isGreaterThanOrEqualTo(0.93);
        assertThat(s.byAccuracy()).as("whose result").isGreaterThanOrEqualTo(0.93);
    }

    /**
     * The sets written in styles the rules were never tuned to must not fall far behind the rest. A set of one or
     * two articles (the seed, the dev pair) is too small for a floor: one sentence moves it by several points. A
     * set of ten moves by two or three points when a new batch deals the folds anew (batch5's precision read 0.85
     * with 134 articles, 0.84 with 144), so the floor sits below the whole corpus's gate by more than that: it
     * catches a style the pipeline fails, while the gate above carries the goal.
     */
    @Test
    void everySetKeepsCrossValidatedRecallAndPrecisionAboveAFloor() {
        for (String set : sets()) {
            if (articles.stream().filter(p -> p.article().set().equals(set)).count() < 5) {
                continue;
            }
            GoldScorer.Score s = pooled(set);
            assertThat(s.recall()).as("recall of %s", set).isGreaterThanOrEqualTo(0.82);
            assertThat(s.precision()).as("precision of %s", set).isGreaterThanOrEqualTo(0.82);
        }
    }

    @Test
    void everyArticleIsScoredByAModelThatDidNotSeeIt() {
        int[] folds = CrossValidation.folds(articles.size());
        assertThat(folds).isEqualTo(CrossValidation.folds(articles.size()));
        assertThat(java.util.Arrays.stream(folds).distinct().count()).isEqualTo(CrossValidation.FOLDS);
        for (int f = 0; f < CrossValidation.FOLDS; f++) {
            java.util.Set<SentenceModelTrainer.Labelled> training = java.util.Collections.newSetFromMap(
                    new java.util.IdentityHashMap<>());
            training.addAll(CrossValidation.trainingSentences(articles, folds, f));
            for (int i = 0; i < articles.size(); i++) {
                boolean held = folds[i] == f;
                assertThat(articles.get(i).labelled()).as("%s in fold %d", articles.get(i).article().label(), f)
                        .allMatch(s -> training.contains(s) != held);
            }
        }
    }
}
