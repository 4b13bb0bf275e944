package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Effects read from the bundled corpus against the gold's {@code effects}, on the sentences the gold makes RESULT
 * or MECHANISM findings (where the gold annotates effects). A read effect matches a gold one of the same sentence
 * when the direction is the same and the subject and the object each share a word with the gold's names (see
 * {@link EffectEvaluation#names}). The effect model is cross-validated by article with the folds of the sentence
 * model (10 folds, seeded shuffle): each article is read by a model trained on the other folds only. The rules
 * alone, which fit no article, are scored too. Prints precision and recall per set and pooled, and with
 * {@code -Dkb.eval.details=true} the model's precision and recall at other thresholds and every sentence it misreads.
 * Given {@code -Dkb.eval.dir=FOLDER}, it also scores the annotated articles in that folder where they lie, by the
 * bundled model (no cross-validation).
 */
class EffectEvaluationTests {

    static final Map<String, EffectEvaluation.Score> bySet = new LinkedHashMap<>();
    static final Map<String, EffectEvaluation.Score> rulesBySet = new LinkedHashMap<>();
    static EffectEvaluation.Score pooled = new EffectEvaluation.Score(0, 0, 0);
    static EffectEvaluation.Score rulesPooled = new EffectEvaluation.Score(0, 0, 0);
    static List<EffectEvaluation.Article> articles;

    @BeforeAll
    static void readEveryAnnotatedSentence() {
        articles = EffectEvaluation.bundled();
        boolean details = Boolean.getBoolean("kb.eval.details");
        List<EffectModel> models = IntStream.range(0, CrossValidation.FOLDS).parallel()
                .mapToObj(f -> EffectModel.train(EffectEvaluation.training(articles, f), EffectModel.settings(),
                        EffectModel.THRESHOLD)).toList();
        BiFunction<EffectEvaluation.Article, EffectEvaluation.Item, List<ExtractedEffect>> byModel =
                (a, item) -> EffectModel.merged(models.get(a.fold()).read(item.example().pairs(), item.offset(),
                        EffectEvaluation.MAX_EFFECTS), item.ruled(), EffectEvaluation.MAX_EFFECTS);
        for (EffectEvaluation.Article article : articles) {
            EffectEvaluation.Score score = new EffectEvaluation.Score(0, 0, 0);
            EffectEvaluation.Score rules = new EffectEvaluation.Score(0, 0, 0);
            for (EffectEvaluation.Item item : article.items()) {
                List<ExtractedEffect> read = byModel.apply(article, item);
                int matched = EffectEvaluation.matches(read, item.gold());
                score = score.plus(new EffectEvaluation.Score(read.size(), item.gold().size(), matched));
                rules = rules.plus(new EffectEvaluation.Score(item.ruled().size(), item.gold().size(),
                        EffectEvaluation.matches(item.ruled(), item.gold())));
                if (details && (matched < read.size() || matched < item.gold().size())) {
                    System.out.printf(Locale.ROOT, "%s: %s%n  gold %s%n  read %s%n", item.article(), item.quote(),
                            item.gold().stream().map(e -> e.subject() + " " + e.direction() + " " + e.object())
                                    .toList(), describe(read));
                }
            }
            bySet.merge(article.set(), score, EffectEvaluation.Score::plus);
            rulesBySet.merge(article.set(), rules, EffectEvaluation.Score::plus);
            pooled = pooled.plus(score);
            rulesPooled = rulesPooled.plus(rules);
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "Effects on the gold's RESULT and MECHANISM sentences, %d articles%n", articles.size()));
        table.append(String.format(Locale.ROOT, "%-10s %28s   %28s%n", "", "model + rules, cross-validated",
                "rules alone"));
        table.append(String.format(Locale.ROOT, "%-10s %6s %6s %7s %9s %6s   %6s %7s %9s %6s%n", "set", "read", "gold",
                "matched", "precision", "recall", "read", "matched", "precision", "recall"));
        bySet.forEach((set, s) -> table.append(row(set, s, rulesBySet.get(set))));
        table.append(row("all", pooled, rulesPooled));
        if (details) {
            table.append(sweep(models));
            table.append(misses(byModel));
            table.append(ingestTime());
        }
        String folder = System.getProperty("kb.eval.dir", "");
        if (!folder.isBlank()) {
            table.append(EffectEvaluation.whereItIs(java.nio.file.Path.of(folder)));
        }
        System.out.println(table);
    }

    private static List<String> describe(List<ExtractedEffect> read) {
        return read.stream().map(e -> e.subject().name() + " " + e.direction() + " " + e.object().name()).toList();
    }

    private static String row(String set, EffectEvaluation.Score s, EffectEvaluation.Score r) {
        return String.format(Locale.ROOT, "%-10s %6d %6d %7d %9.2f %6.2f   %6d %7d %9.2f %6.2f%n", set, s.read(),
                s.gold(), s.matched(), s.precision(), s.recall(), r.read(), r.matched(), r.precision(), r.recall());
    }

    /**
     * Why gold effects are missed: no candidate names the subject, none the object, no pair names both, the model
     * left the pair out, or read it in another direction.
     */
    private static String misses(BiFunction<EffectEvaluation.Article, EffectEvaluation.Item, List<ExtractedEffect>> byModel) {
        int noSubject = 0;
        int noObject = 0;
        int noPair = 0;
        int notChosen = 0;
        int wrongDirection = 0;
        int found = 0;
        for (EffectEvaluation.Article a : articles) {
            for (EffectEvaluation.Item item : a.items()) {
                List<ExtractedEffect> read = byModel.apply(a, item);
                for (GoldAnnotation.Effect g : item.gold()) {
                    List<EffectModel.Pair> pairs = item.example().pairs();
                    boolean subject = pairs.stream().anyMatch(p -> EffectEvaluation.names(p.subject().concept(), g.subject()));
                    boolean object = pairs.stream().anyMatch(p -> EffectEvaluation.names(p.object().concept(), g.object()));
                    boolean pair = pairs.stream().anyMatch(p -> EffectEvaluation.names(p.subject().concept(), g.subject())
                            && EffectEvaluation.names(p.object().concept(), g.object()));
                    List<ExtractedEffect> named = read.stream().filter(e -> EffectEvaluation.names(e.subject(), g.subject())
                            && EffectEvaluation.names(e.object(), g.object())).toList();
                    if (!subject) {
                        noSubject++;
                    } else if (!object) {
                        noObject++;
                    } else if (!pair) {
                        noPair++;
                    } else if (named.isEmpty()) {
                        notChosen++;
                    } else if (named.stream().noneMatch(e -> e.direction().name().equals(g.direction()))) {
                        wrongDirection++;
                    } else {
                        found++;
                    }
                }
            }
        }
        return String.format(Locale.ROOT, "%nGold effects: found %d; subject named by no candidate %d; object named by no"
                + " candidate %d; no pair of both %d; pair not chosen %d; chosen in another direction %d%n", found,
                noSubject, noObject, noPair, notChosen, wrongDirection);
    }

    /** The median time the bundled pipeline takes to analyse the seed article (3,500 characters), effects included. */
    private static String ingestTime() {
        String text = TestArticles.text("seed/knowridge-2025-ketamine-fast-and-lasting.txt");
        ArticleAnalyzer analyzer = TestArticles.analyzer();
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long start = System.nanoTime();
            analyzer.analyze(text);
            nanos.add(System.nanoTime() - start);
        }
        ArticleReading reading = analyzer.read(text);
        List<ExtractedFinding> findings = analyzer.analyze(text).findings();
        List<Long> model = new ArrayList<>();
        List<Long> rules = new ArrayList<>();
        EffectReader byModel = analyzer.effectReader();
        EffectReader byRules = byModel.withModel(null);
        for (int i = 0; i < 40; i++) {
            model.add(effectTime(byModel, reading, findings));
            rules.add(effectTime(byRules, reading, findings));
        }
        return String.format(Locale.ROOT, "%nAnalysing the seed article (%d characters): median %.1f ms; of which"
                + " reading the effects of its %d findings %.1f ms (the rules alone: %.1f ms); 30 runs each%n",
                text.length(), median(nanos), findings.size(), median(model), median(rules));
    }

    private static double median(List<Long> nanos) {
        List<Long> measured = nanos.subList(10, nanos.size()).stream().sorted().toList();
        return measured.get(measured.size() / 2) / 1e6;
    }

    private static long effectTime(EffectReader reader, ArticleReading reading, List<ExtractedFinding> findings) {
        long start = System.nanoTime();
        for (ExtractedFinding f : findings) {
            Sentence s = reading.sentences().stream().filter(x -> x.start() <= f.evidence().start()
                    && f.evidence().start() < x.end()).findFirst().orElseThrow();
            reader.read(f.evidence().of(reading.text()), f.evidence().start(), s.tokens(), f.concepts(),
                    reading.metadata().interventions(), null);
        }
        return System.nanoTime() - start;
    }

    /** Pooled cross-validated precision and recall of the model alone if its pairs had to reach each threshold. */
    private static String sweep(List<EffectModel> models) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nThreshold sweep (cross-validated):%n"));
        for (int t = 2; t <= 8; t++) {
            double threshold = t / 10.0;
            EffectEvaluation.Score total = new EffectEvaluation.Score(0, 0, 0);
            for (EffectEvaluation.Article a : articles) {
                EffectModel model = models.get(a.fold()).withThreshold(threshold);
                for (EffectEvaluation.Item item : a.items()) {
                    List<ExtractedEffect> read = model.read(item.example().pairs(), item.offset(),
                            EffectEvaluation.MAX_EFFECTS);
                    total = total.plus(new EffectEvaluation.Score(read.size(), item.gold().size(),
                            EffectEvaluation.matches(read, item.gold())));
                }
            }
            out.append(String.format(Locale.ROOT, "%9.1f precision %.3f recall %.3f (%d read)%n", threshold,
                    total.precision(), total.recall(), total.read()));
        }
        out.append(String.format(Locale.ROOT, "With the rules, a sentence's likeliest pair stated from a floor"
                + " where none reaches the threshold:%n"));
        for (int t = 3; t <= 6; t++) {
            for (int fl = 1; fl <= t; fl++) {
                double threshold = t / 10.0;
                double floor = fl / 10.0;
                List<EffectModel> at = models.stream().map(m -> m.withThreshold(threshold).withFloor(floor)).toList();
                EffectEvaluation.Score total = EffectEvaluation.score(articles, at, true);
                out.append(String.format(Locale.ROOT, "  threshold %.1f floor %.1f: precision %.3f recall %.3f"
                        + " (%d read)%n", threshold, floor, total.precision(), total.recall(), total.read()));
            }
        }
        return out.toString();
    }

    @Test
    void atLeastTwentyArticlesAnnotateEffects() {
        assertThat(articles.size()).isGreaterThanOrEqualTo(20);
        assertThat(pooled.gold()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void everyArticleIsReadByAnEffectModelThatDidNotSeeIt() {
        for (int f = 0; f < CrossValidation.FOLDS; f++) {
            List<EffectModel.Example> training = new ArrayList<>(EffectEvaluation.training(articles, f));
            for (EffectEvaluation.Article a : articles) {
                boolean held = a.fold() == f;
                assertThat(a.items()).allMatch(item -> training.stream().anyMatch(e -> e == item.example()) != held);
            }
        }
    }

    /**
     * Floors a little below what was measured on 2026-12-08, far from the 0.8 the issue asks for: the model with the
     * rules, cross-validated, precision 0.20 and recall 0.17 over 131 articles, 0.19 and 0.15 once batch 9 joined
     * (141 articles with effects); the rules alone 0.17 and 0.07. A change that reads effects worse fails here.
     */
    @Test
    void effectPrecisionAndRecallStayAboveTheirFloors() {
        assertThat(rulesPooled.precision()).as("rules' precision").isGreaterThanOrEqualTo(0.15);
        assertThat(rulesPooled.recall()).as("rules' recall").isGreaterThanOrEqualTo(0.05);
        assertThat(pooled.precision()).as("precision").isGreaterThanOrEqualTo(0.18);
        assertThat(pooled.recall()).as("recall").isGreaterThanOrEqualTo(0.14);
    }
}
