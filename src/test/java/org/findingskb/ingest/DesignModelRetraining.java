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
 * Retrains the bundled design-type model from the whole annotated corpus and writes it to
 * {@code src/main/resources/ingest/model/design/}, with a manifest that records its cross-validated scores:
 * {@code ./mvnw test -Dtest=DesignModelRetraining -Dkb.model.retrain=true}. Not part of the ordinary suite.
 */
@EnabledIfSystemProperty(named = "kb.model.retrain", matches = "true")
class DesignModelRetraining {

    static final Path TARGET = Path.of("src/main/resources", DesignTypeModel.LOCATION);

    @Test
    void retrainsTheBundledDesignModelFromTheWholeCorpus() throws IOException {
        List<CrossValidation.Prepared> articles = CrossValidation.bundled();
        DesignScorer.Score all = DesignEvaluation.pooled(DesignEvaluation.crossValidated(articles));
        Map<String, Object> manifest = ModelManifests.header(articles.size());
        Map<String, Object> crossValidated = ModelManifests.crossValidation();
        for (int i = 0; i < DesignScorer.PARTS.length; i++) {
            crossValidated.put(DesignScorer.PARTS[i], Math.round(all.accuracy(i) * 1000) / 1000.0);
        }
        manifest.put("crossValidated", crossValidated);
        DesignTypeModel model = DesignEvaluation.train(articles, null, -1).withManifest(manifest);
        model.writeTo(TARGET);
        System.out.printf(Locale.ROOT, "Wrote the design model to %s: %s%n", TARGET.toAbsolutePath(), model.manifest());
        assertThat(TARGET.resolve(DesignTypeModel.MANIFEST)).exists();
    }
}
