package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Cross-validation of the sentence model by article: the bundled corpus is split into {@link #FOLDS} folds of whole
 * articles (a seeded shuffle, so the folds are the same on every run); each fold is decided by a model trained on
 * the other folds only. Articles are read once (sentences, rules and features) and the readings are shared by every
 * fold and by the retraining command.
 */
final class CrossValidation {

    static final int FOLDS = 10;
    static final long SEED = 20_251_111L;

    /** An article read by the pipeline, with its sentences labelled after its gold annotation. */
    record Prepared(GoldCorpus.Article article, GoldAnnotation gold, ArticleReading reading,
            List<SentenceModelTrainer.Labelled> labelled, MetadataCandidates.Article metadataCandidates) {
    }

    /** One sentence's cross-validated probability of being a finding, and what the gold says of it. */
    record Decision(double probability, Boolean finding) {
    }

    /** Each article's analysis by the model that did not see it, in corpus order, and every sentence's decision. */
    record Result(List<Prepared> articles, List<ArticleAnalysis> analyses, List<Decision> decisions) {
    }

    static {
        // OpenNLP reports every iteration of every fold at INFO: a thousand lines that say nothing here.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("opennlp"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    private static List<Prepared> bundled;
    private static Result bundledResult;

    private CrossValidation() {
    }

    /** The bundled corpus, read and labelled (once per test JVM). */
    static synchronized List<Prepared> bundled() {
        if (bundled == null) {
            bundled = GoldCorpus.bundled().parallelStream().map(CrossValidation::prepare).toList();
        }
        return bundled;
    }

    /** The cross-validated analyses of the bundled corpus with the standard settings (once per test JVM). */
    static synchronized Result bundledResult() {
        if (bundledResult == null) {
            bundledResult = run(bundled(), SentenceModelTrainer.Settings.standard());
        }
        return bundledResult;
    }

    static Prepared prepare(GoldCorpus.Article article) {
        GoldAnnotation gold = article.gold();
        // Reading an article does not involve the sentence model, so retraining works whatever the bundled one is.
        ArticleReading reading = TestArticles.rules().read(article.text());
        return new Prepared(article, gold, reading, SentenceLabels.of(reading, gold),
                TestArticles.rules().metadataCandidates(reading));
    }

    /** The fold of each article: a seeded shuffle dealt round-robin. */
    static int[] folds(int articles) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(SEED));
        int[] fold = new int[articles];
        for (int position = 0; position < articles; position++) {
            fold[order.get(position)] = position % FOLDS;
        }
        return fold;
    }

    static Result run(List<Prepared> articles, SentenceModelTrainer.Settings settings) {
        int[] fold = folds(articles.size());
        ArticleAnalysis[] analyses = new ArticleAnalysis[articles.size()];
        List<List<Decision>> decisions = new ArrayList<>();
        articles.forEach(a -> decisions.add(new ArrayList<>()));
        java.util.stream.IntStream.range(0, FOLDS).parallel().forEach(f -> {
            SentenceModel model = SentenceModelTrainer.train(trainingSentences(articles, fold, f), settings, Map.of());
            // The metadata too is chosen by a ranker that never saw the article.
            MetadataRanker ranker = MetadataRankerEvaluation.trainOn(articles.stream()
                    .map(a -> MetadataRankerEvaluation.example(a.gold(), a.metadataCandidates())).toList(), fold, f,
                    MetadataRanker.Thresholds.standard());
            for (int i = 0; i < articles.size(); i++) {
                if (fold[i] != f) {
                    continue;
                }
                Prepared p = articles.get(i);
                ArticleReading reading = p.reading().withMetadata(
                        ranker.apply(p.reading().metadata(), p.metadataCandidates()));
                analyses[i] = TestArticles.rules().decide(reading, model);
                for (SentenceModelTrainer.Labelled s : p.labelled()) {
                    decisions.get(i).add(new Decision(model.findingProbability(s.features()), s.finding()));
                }
            }
        });
        return new Result(articles, List.of(analyses), decisions.stream().flatMap(List::stream).toList());
    }

    /** Every labelled sentence of the articles outside fold {@code f} ({@code -1}: of every article). */
    static List<SentenceModelTrainer.Labelled> trainingSentences(List<Prepared> articles, int[] fold, int f) {
        List<SentenceModelTrainer.Labelled> sentences = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            if (fold == null || fold[i] != f) {
                sentences.addAll(articles.get(i).labelled());
            }
        }
        return sentences;
    }
}
