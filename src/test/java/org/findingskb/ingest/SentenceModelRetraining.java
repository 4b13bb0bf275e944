package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Retrains the bundled sentence model from the whole annotated corpus and writes it to
 * {@code src/main/resources/ingest/model/}, with a manifest that records its cross-validated scores:
 * {@code ./mvnw test -Dtest=SentenceModelRetraining -Dkb.model.retrain=true}. Not part of the ordinary suite.
 */
@EnabledIfSystemProperty(named = "kb.model.retrain", matches = "true")
class SentenceModelRetraining {

    static final Path TARGET = Path.of("src/main/resources", SentenceModel.LOCATION);

    @Test
    void retrainsTheBundledModelFromTheWholeCorpus() throws IOException {
        CrossValidation.Result result = CrossValidation.bundledResult();
        List<GoldScorer.Score> scores = PipelineEvaluationTests.scores(result);
        GoldScorer.Score all = scores.stream().reduce(GoldScorer.none("all"), GoldScorer.Score::plus);

        List<CrossValidation.Prepared> articles = result.articles();
        List<SentenceModelTrainer.Labelled> sentences = CrossValidation.trainingSentences(articles, null, -1);
        Map<String, Object> manifest = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        manifest.put("version", today + "-" + articles.size());
        manifest.put("date", today.toString());
        Map<String, Object> corpus = new LinkedHashMap<>();
        corpus.put("articles", articles.size());
        corpus.put("sets", articles.stream().map(p -> p.article().set()).distinct().toList());
        corpus.put("sentences", sentences.size());
        corpus.put("findings", sentences.stream().filter(s -> Boolean.TRUE.equals(s.finding())).count());
        manifest.put("corpus", corpus);
        Map<String, Object> crossValidated = new LinkedHashMap<>();
        crossValidated.put("folds", CrossValidation.FOLDS);
        crossValidated.put("seed", CrossValidation.SEED);
        crossValidated.put("recall", round(all.recall()));
        crossValidated.put("precision", round(all.precision()));
        crossValidated.put("kind", round(all.kindAccuracy()));
        crossValidated.put("timescale", round(all.timescaleAccuracy()));
        crossValidated.put("certainty", round(all.certaintyAccuracy()));
        crossValidated.put("by", round(all.byAccuracy()));
        crossValidated.put("metadata", round(all.metadataAccuracy()));
        manifest.put("crossValidated", crossValidated);

        SentenceModel model = SentenceModelTrainer.train(sentences, SentenceModelTrainer.Settings.standard(), manifest);
        model.writeTo(TARGET);
        System.out.printf(Locale.ROOT, "Wrote the sentence model to %s: %s%n", TARGET.toAbsolutePath(),
                model.manifest());
        assertThat(TARGET.resolve(SentenceModel.MANIFEST)).exists();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
