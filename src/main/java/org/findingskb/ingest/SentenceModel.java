package org.findingskb.ingest;

import java.io.BufferedInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.findingskb.finding.Certainty;
import org.findingskb.finding.FindingKind;
import org.findingskb.mechanism.Timescale;

/**
 * The learned sentence model: five maximum-entropy classifiers (OpenNLP, L-BFGS with an L2 penalty) over a
 * sentence's {@link SentenceFeatures}: finding or not, and for a finding its kind, certainty, timescale and whose
 * result it reports. It is a versioned resource under {@code ingest/model/} (binary OpenNLP models and a JSON
 * manifest), written by the retraining command (see the README) and read from the classpath, offline. The models
 * are immutable and {@link MaxentModel#eval} allocates its own arrays, so one instance serves every thread.
 */
final class SentenceModel {

    static final String LOCATION = "ingest/model/";
    static final String MANIFEST = "manifest.json";
    /** The five classifiers, by the name of their file. */
    static final String FINDING = "finding";
    static final String KIND = "kind";
    static final String CERTAINTY = "certainty";
    static final String TIMESCALE = "timescale";
    static final String BY = "by";
    static final String[] PARTS = {FINDING, KIND, CERTAINTY, TIMESCALE, BY};
    static final String YES = "yes";
    static final String NONE = "NONE";
    /**
     * A sentence is a finding when the model gives it at least this probability. 0.5 is the model's own
     * decision; the cross-validated precision/recall curve (printed by the evaluation) is flat around it.
     */
    static final double DECISION_THRESHOLD = 0.5;

    /**
     * What the model says of one sentence. {@code mechanismProbability}: how likely the kind classifier holds it
     * that the sentence states a mechanism, whichever kind wins; a sentence that states a result and how it comes
     * about is read as both.
     */
    record Prediction(double findingProbability, boolean isFinding, FindingKind kind, Certainty certainty,
            Timescale timescale, Attribution by, double mechanismProbability) {
    }

    private final Map<String, MaxentModel> models;
    private final Map<String, Object> manifest;

    SentenceModel(Map<String, MaxentModel> models, Map<String, Object> manifest) {
        for (String part : PARTS) {
            if (!models.containsKey(part)) {
                throw new IllegalArgumentException("Sentence model without its " + part + " classifier");
            }
        }
        this.models = Map.copyOf(models);
        this.manifest = new LinkedHashMap<>(manifest);
    }

    /** The probability that the sentence is a finding. */
    double findingProbability(SentenceFeatures.Vector v) {
        MaxentModel m = models.get(FINDING);
        SentenceFeatures.Vector plain = v.withoutPairs();
        double[] p = m.eval(plain.names(), plain.values());
        int yes = m.getIndex(YES);
        return yes < 0 ? 0 : p[yes];
    }

    Prediction predict(SentenceFeatures.Vector v) {
        double p = findingProbability(v);
        FindingKind kind = FindingKind.valueOf(best(KIND, v));
        Certainty certainty = Certainty.valueOf(best(CERTAINTY, v));
        String timescale = best(TIMESCALE, v);
        Attribution by = Attribution.valueOf(best(BY, v));
        return new Prediction(p, p >= DECISION_THRESHOLD, kind, certainty,
                NONE.equals(timescale) ? null : Timescale.valueOf(timescale), by, probability(KIND,
                FindingKind.MECHANISM.name(), v));
    }

    private double probability(String part, String outcome, SentenceFeatures.Vector v) {
        MaxentModel m = models.get(part);
        int index = m.getIndex(outcome);
        return index < 0 ? 0 : m.eval(v.names(), v.values())[index];
    }

    private String best(String part, SentenceFeatures.Vector v) {
        MaxentModel m = models.get(part);
        return m.getBestOutcome(m.eval(v.names(), v.values()));
    }

    /** The manifest: version, date, corpus size, feature set, cross-validated scores. */
    Map<String, Object> manifest() {
        return Map.copyOf(manifest);
    }

    /** The bundled model, if there is one; it must have been trained on today's feature set. */
    static Optional<SentenceModel> fromClasspath() {
        ClassLoader loader = SentenceModel.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(LOCATION + MANIFEST)) {
            if (in == null) {
                return Optional.empty();
            }
            JsonNode manifest = mapper().readTree(in);
            String features = manifest.path("featureSet").asString();
            if (!SentenceFeatures.VERSION.equals(features)) {
                throw new IllegalStateException("The bundled sentence model was trained on feature set " + features
                        + ", the pipeline computes " + SentenceFeatures.VERSION + ": retrain it (see the README)");
            }
            Map<String, MaxentModel> models = new LinkedHashMap<>();
            for (String part : PARTS) {
                try (InputStream model = loader.getResourceAsStream(LOCATION + part + ".bin")) {
                    if (model == null) {
                        throw new IllegalStateException("No " + LOCATION + part + ".bin beside the manifest");
                    }
                    models.put(part, read(model));
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> values = mapper().convertValue(manifest, Map.class);
            return Optional.of(new SentenceModel(models, values));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sentence model", e);
        }
    }

    static MaxentModel read(InputStream in) throws IOException {
        return new GenericModelReader(new BinaryFileDataReader(new BufferedInputStream(in))).getModel();
    }

    /** Writes the five classifiers and the manifest into {@code folder}. */
    void writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String part : PARTS) {
            try (OutputStream out = Files.newOutputStream(folder.resolve(part + ".bin"))) {
                GenericModelWriter writer = new GenericModelWriter((AbstractModel) models.get(part),
                        new DataOutputStream(out));
                writer.persist();
            }
        }
        Files.writeString(folder.resolve(MANIFEST),
                mapper().writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
    }

    private static JsonMapper mapper() {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }
}
