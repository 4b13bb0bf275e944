package org.findingskb.ingest;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A folder of named maximum-entropy models ({@code NAME.bin}) beside their {@code manifest.json}. */
final class ModelFolder {

    static final String MANIFEST = "manifest.json";

    private ModelFolder() {
    }

    /** The models named {@code names} under the classpath {@code location}; each must be there. */
    static Map<String, MaxentModel> read(ClassLoader loader, String location, List<String> names) throws IOException {
        Map<String, MaxentModel> models = new LinkedHashMap<>();
        for (String name : names) {
            try (InputStream model = loader.getResourceAsStream(location + name + ".bin")) {
                if (model == null) {
                    throw new IllegalStateException("No " + location + name + ".bin beside the manifest");
                }
                models.put(name, SentenceModel.read(model));
            }
        }
        return models;
    }

    static void write(Path folder, Map<String, MaxentModel> models, Map<String, Object> manifest) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, MaxentModel> model : models.entrySet()) {
            try (OutputStream out = Files.newOutputStream(folder.resolve(model.getKey() + ".bin"))) {
                new GenericModelWriter((AbstractModel) model.getValue(), new DataOutputStream(out)).persist();
            }
        }
        Files.writeString(folder.resolve(MANIFEST), mapper().writerWithDefaultPrettyPrinter().writeValueAsString(manifest)
                + "\n");
    }

    static JsonMapper mapper() {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }
}
