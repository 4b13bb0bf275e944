package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sentence model: how it learns, how it is stored and read, and that the bundled one fits the pipeline. */
class SentenceModelTests {

    private static SentenceFeatures.Vector vector(float signal) {
        return new SentenceFeatures.Vector(new String[] {"bias", "signal"}, new float[] {1f, signal});
    }

    /**
     * A finding when "signal" is positive: a boundary only real values (negative and positive) can draw. Every label
     * depends on the signal, so no classifier starts at its optimum (where OpenNLP's line search would not move).
     */
    private static List<SentenceModelTrainer.Labelled> signalData() {
        List<SentenceModelTrainer.Labelled> data = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            float v = i / 10f;
            data.add(new SentenceModelTrainer.Labelled(vector(v), true, v > 1 ? "RESULT" : "CONTEXT",
                    v > 0.5 ? "REPORTED" : "SUGGESTED", v > 1.5 ? "RAPID" : SentenceModel.NONE, v > 1 ? "STUDY" : "EXPERT"));
            data.add(new SentenceModelTrainer.Labelled(vector(-v), false, null, null, null, null));
            data.add(new SentenceModelTrainer.Labelled(vector(-v / 2), null, null, null, null, null));
        }
        return data;
    }

    @Test
    void learnsABoundaryOverRealValuedFeatures() {
        SentenceModel model = SentenceModelTrainer.train(signalData(), new SentenceModelTrainer.Settings(100, 1.0, 0),
                Map.of());
        assertThat(model.findingProbability(vector(1.5f))).isGreaterThan(0.9);
        assertThat(model.findingProbability(vector(-1.5f))).isLessThan(0.1);
        assertThat(model.predict(vector(0.8f)).isFinding()).isTrue();
        assertThat(model.predict(vector(-0.8f)).isFinding()).isFalse();
    }

    /** "signal" as above, and a kind pair that alone tells the kind and would alone tell a finding too. */
    private static SentenceFeatures.Vector withPair(float signal, boolean pair) {
        return new SentenceFeatures.Vector(new String[] {"bias", "signal", "x:pair"},
                new float[] {1f, signal, pair ? 1f : 0f}, 2);
    }

    @Test
    void theFindingClassifierReadsNoKindPairsWhileTheKindClassifierDoes() {
        List<SentenceModelTrainer.Labelled> data = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            float v = i / 10f;
            boolean pair = i % 2 == 0;
            data.add(new SentenceModelTrainer.Labelled(withPair(v, pair), true, pair ? "RESULT" : "CONTEXT",
                    v > 0.5 ? "REPORTED" : "SUGGESTED", v > 1.5 ? "RAPID" : SentenceModel.NONE, v > 1 ? "STUDY" : "EXPERT"));
            data.add(new SentenceModelTrainer.Labelled(withPair(-v, false), false, null, null, null, null));
        }
        SentenceModel model = SentenceModelTrainer.train(data, new SentenceModelTrainer.Settings(100, 1.0, 0),
                Map.of());
        assertThat(withPair(1f, true).withoutPairs().names()).containsExactly("bias", "signal");
        // The pair is on only for findings, yet the finding classifier's probability does not move with it.
        assertThat(model.findingProbability(withPair(-0.5f, true)))
                .isEqualTo(model.findingProbability(withPair(-0.5f, false)));
        assertThat(model.predict(withPair(1f, true)).kind()).isEqualTo(org.findingskb.finding.FindingKind.RESULT);
        assertThat(model.predict(withPair(1f, false)).kind()).isEqualTo(org.findingskb.finding.FindingKind.CONTEXT);
    }

    @Test
    void aWrittenModelReadsBackWithTheSameProbabilities(@TempDir Path folder) throws IOException {
        SentenceModel model = SentenceModelTrainer.train(signalData(), new SentenceModelTrainer.Settings(50, 1.0, 0),
                Map.of("version", "test"));
        model.writeTo(folder);
        assertThat(folder.resolve("manifest.json")).content().contains("\"featureSet\" : \"" + SentenceFeatures.VERSION);
        for (String part : SentenceModel.PARTS) {
            try (var in = Files.newInputStream(folder.resolve(part + ".bin"))) {
                assertThat(SentenceModel.read(in).getNumOutcomes()).as(part).isGreaterThan(1);
            }
        }
        SentenceModel read;
        try (var in = Files.newInputStream(folder.resolve("finding.bin"))) {
            read = new SentenceModel(Map.of(SentenceModel.FINDING, SentenceModel.read(in),
                    SentenceModel.KIND, readPart(folder, SentenceModel.KIND),
                    SentenceModel.CERTAINTY, readPart(folder, SentenceModel.CERTAINTY),
                    SentenceModel.TIMESCALE, readPart(folder, SentenceModel.TIMESCALE),
                    SentenceModel.BY, readPart(folder, SentenceModel.BY)), Map.of());
        }
        for (float v : new float[] {-1f, -0.2f, 0.3f, 2f}) {
            assertThat(read.findingProbability(vector(v))).isEqualTo(model.findingProbability(vector(v)));
            assertThat(read.predict(vector(v))).isEqualTo(model.predict(vector(v)));
        }
    }

    private static opennlp.tools.ml.model.MaxentModel readPart(Path folder, String part) throws IOException {
        try (var in = Files.newInputStream(folder.resolve(part + ".bin"))) {
            return SentenceModel.read(in);
        }
    }

    @Test
    void theBundledModelFitsTheFeaturesThePipelineComputesAndRecordsItsCrossValidatedScores() {
        SentenceModel bundled = SentenceModel.fromClasspath().orElseThrow();
        Map<String, Object> manifest = bundled.manifest();
        assertThat(manifest).containsEntry("featureSet", SentenceFeatures.VERSION)
                .containsKeys("version", "date", "corpus", "crossValidated", "trainer");
        assertThat(TestArticles.analyzer().model()).isNotNull();
    }

    @Test
    void everyFindingCarriesTheModelsProbabilityAsItsConfidence() {
        ArticleAnalyzer analyzer = TestArticles.analyzer();
        ArticleReading reading = analyzer.read(TestArticles.text("seed/knowridge-2025-ketamine-fast-and-lasting.txt"));
        ArticleAnalysis analysis = analyzer.decide(reading, analyzer.model());
        assertThat(analysis.findings()).isNotEmpty().allSatisfy(f -> {
            Sentence s = reading.sentences().stream().filter(x -> x.start() == f.evidence().start()).findFirst()
                    .orElseThrow();
            assertThat(f.confidence()).isEqualTo(analyzer.model().findingProbability(reading.features().get(s.index())))
                    .isBetween(SentenceModel.DECISION_THRESHOLD, 1.0);
        });
    }
}
