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
 * Retrains the bundled metadata ranker from the whole annotated corpus and writes it to
 * {@code src/main/resources/ingest/model/metadata/}, with a manifest that records its cross-validated accuracy per
 * field: {@code ./mvnw test -Dtest=MetadataRankerRetraining -Dkb.model.retrain=true}. Not part of the ordinary suite.
 */
@EnabledIfSystemProperty(named = "kb.model.retrain", matches = "true")
class MetadataRankerRetraining {

    static final Path TARGET = Path.of("src/main/resources", MetadataRanker.LOCATION);

    @Test
    void retrainsTheBundledMetadataRankerFromTheWholeCorpus() throws IOException {
        List<MetadataRankerEvaluation.Prepared> articles = MetadataRankerEvaluation.prepare(GoldCorpus.bundled());
        MetadataRanker.Thresholds thresholds = MetadataRanker.Thresholds.standard();
        MetadataFields.Tally all = MetadataFields.Tally.of("all", List.of());
        for (List<MetadataFields.Field> f : MetadataRankerEvaluation.compare(articles,
                MetadataRankerEvaluation.crossValidated(articles, thresholds))) {
            all = all.plus(MetadataFields.Tally.of("all", f));
        }
        Map<String, Object> manifest = ModelManifests.header(articles.size());
        Map<String, Object> crossValidated = ModelManifests.crossValidation();
        for (String field : MetadataFields.NAMES) {
            crossValidated.put(field, Math.round(all.accuracy(field) * 1000) / 1000.0);
        }
        crossValidated.put("metadata", Math.round(all.overall() * 1000) / 1000.0);
        manifest.put("crossValidated", crossValidated);
        MetadataRanker ranker = MetadataRankerEvaluation.train(articles, null, -1, thresholds).withManifest(manifest);
        ranker.writeTo(TARGET);
        System.out.printf(Locale.ROOT, "Wrote the metadata ranker to %s: %s%n", TARGET.toAbsolutePath(),
                ranker.manifest());
        assertThat(TARGET.resolve(MetadataRanker.MANIFEST)).exists();
    }
}
