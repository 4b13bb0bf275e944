package org.findingskb.ingest;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.findingskb.study.DesignType;

/**
 * The learned design-type model: one maximum-entropy classifier (OpenNLP, L-BFGS with an L2 penalty) from an
 * article's {@link DesignFeatures} to its {@link DesignType}, trained on the annotated corpus. A versioned resource
 * under {@code ingest/model/design/} (the binary model and a JSON manifest), read from the classpath, offline;
 * immutable, so one instance serves every thread.
 */
final class DesignTypeModel {

    static final String LOCATION = "ingest/model/design/";
    static final String MODEL = "type.bin";
    static final String MANIFEST = "manifest.json";

    /** The most likely type and the model's probability for it. */
    record Prediction(DesignType type, double probability) {
    }

    /** An article's features and the type its gold annotation gives. */
    record Labelled(DesignFeatures.Vector features, DesignType type) {
    }

    private final MaxentModel model;
    private final Map<String, Object> manifest;

    private DesignTypeModel(MaxentModel model, Map<String, Object> manifest) {
        this.model = model;
        this.manifest = new LinkedHashMap<>(manifest);
    }

    Prediction predict(DesignFeatures.Vector v) {
        double[] p = model.eval(v.names(), v.values());
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return new Prediction(DesignType.valueOf(model.getOutcome(best)), p[best]);
    }

    /** The model's probability that {@code v} describes a study of {@code type} (0 for a type it never saw). */
    double probability(DesignFeatures.Vector v, DesignType type) {
        int index = model.getIndex(type.name());
        return index < 0 ? 0 : model.eval(v.names(), v.values())[index];
    }

    /** The same model described by {@code entries} beside what its training recorded. */
    DesignTypeModel withManifest(Map<String, Object> entries) {
        Map<String, Object> described = new LinkedHashMap<>(entries);
        described.putAll(manifest);
        return new DesignTypeModel(model, described);
    }

    Map<String, Object> manifest() {
        return Map.copyOf(manifest);
    }

    static DesignTypeModel train(List<Labelled> articles, SentenceModelTrainer.Settings settings,
            Map<String, Object> manifest) {
        List<Event> events = new ArrayList<>();
        for (Labelled a : articles) {
            events.add(new Event(a.type().name(), a.features().names(), a.features().values()));
        }
        Map<String, Object> described = new LinkedHashMap<>(manifest);
        described.put("featureSet", DesignFeatures.VERSION);
        described.put("trainer", SentenceModelTrainer.describe(settings));
        return new DesignTypeModel(SentenceModelTrainer.train(events, settings), described);
    }

    /** What the bundled model is trained with; the cross-validation uses the same. */
    static SentenceModelTrainer.Settings settings() {
        return new SentenceModelTrainer.Settings(100, 1.0, 1);
    }

    /** The bundled model, if there is one; it must have been trained on today's feature set. */
    static Optional<DesignTypeModel> fromClasspath() {
        ClassLoader loader = DesignTypeModel.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(LOCATION + MANIFEST)) {
            if (in == null) {
                return Optional.empty();
            }
            JsonNode manifest = mapper().readTree(in);
            String features = manifest.path("featureSet").asString();
            if (!DesignFeatures.VERSION.equals(features)) {
                throw new IllegalStateException("The bundled design model was trained on feature set " + features
                        + ", the pipeline computes " + DesignFeatures.VERSION + ": retrain it (see the README)");
            }
            try (InputStream model = loader.getResourceAsStream(LOCATION + MODEL)) {
                if (model == null) {
                    throw new IllegalStateException("No " + LOCATION + MODEL + " beside the manifest");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> values = mapper().convertValue(manifest, Map.class);
                return Optional.of(new DesignTypeModel(SentenceModel.read(model), values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the design model", e);
        }
    }

    void writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (OutputStream out = Files.newOutputStream(folder.resolve(MODEL))) {
            new GenericModelWriter((AbstractModel) model, new DataOutputStream(out)).persist();
        }
        Files.writeString(folder.resolve(MANIFEST),
                mapper().writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
    }

    private static JsonMapper mapper() {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }
}
