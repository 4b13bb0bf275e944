package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Retrains the bundled effect model from every annotated sentence of the corpus and writes it to
 * {@code src/main/resources/ingest/model/effect/}, with a manifest that records its cross-validated precision and
 * recall: {@code ./mvnw test -Dtest=EffectModelRetraining -Dkb.model.retrain=true}. Not part of the ordinary suite.
 */
@EnabledIfSystemProperty(named = "kb.model.retrain", matches = "true")
class EffectModelRetraining {

    static final Path TARGET = Path.of("src/main/resources", EffectModel.LOCATION);

    @Test
    void retrainsTheBundledEffectModelFromTheWholeCorpus() throws IOException {
        List<EffectEvaluation.Article> articles = EffectEvaluation.bundled();
        // The model's own figures: the reader adds the rules' effects to them (see EffectEvaluationTests).
        EffectEvaluation.Score score = EffectEvaluation.score(articles, EffectEvaluation.foldModels(articles,
                EffectModel.THRESHOLD), false);
        Map<String, Object> manifest = ModelManifests.header(CrossValidation.bundled().size());
        manifest.put("sentences", articles.stream().mapToInt(a -> a.items().size()).sum());
        Map<String, Object> crossValidated = ModelManifests.crossValidation();
        crossValidated.put("precision", Math.round(score.precision() * 1000) / 1000.0);
        crossValidated.put("recall", Math.round(score.recall() * 1000) / 1000.0);
        crossValidated.put("gold", score.gold());
        manifest.put("crossValidated", crossValidated);
        EffectModel model = EffectModel.train(EffectEvaluation.training(articles, -1), EffectModel.settings(),
                EffectModel.THRESHOLD).withManifest(manifest);
        model.writeTo(TARGET);
        System.out.printf(Locale.ROOT, "Wrote the effect model to %s: %s%n", TARGET.toAbsolutePath(),
                model.manifest());
        assertThat(TARGET.resolve(EffectModel.MANIFEST)).exists();
    }
}
