package org.findingskb.synthetic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.findingskb.concept.ConceptType;
import org.findingskb.finding.FindingKind;
import org.findingskb.mechanism.Timescale;

/** The words the synthetic corpus is made of: the pipeline's lexicon and the sentence templates. */
record Vocabulary(
        Map<ConceptType, List<LexiconEntry>> concepts,
        Map<FindingKind, List<String>> templates,
        Map<Timescale, List<String>> onsets,
        List<String> journals,
        List<String> institutions,
        List<String> givenNames,
        List<String> familyNames,
        List<String> populations) {

    record LexiconEntry(String name, ConceptType type, String meshId, List<String> synonyms) {
    }

    static Vocabulary load() {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode lexicon = read(json, "ingest/lexicon.json");
        JsonNode words = read(json, "synthetic/vocabulary.json");
        Map<ConceptType, List<LexiconEntry>> concepts = new EnumMap<>(ConceptType.class);
        for (JsonNode entry : lexicon.get("concepts")) {
            ConceptType type = ConceptType.valueOf(entry.get("type").asString());
            List<String> synonyms = entry.path("synonyms").valueStream().map(JsonNode::asString).toList();
            String meshId = entry.path("meshId").isString() ? entry.get("meshId").asString() : null;
            concepts.computeIfAbsent(type, t -> new ArrayList<>())
                    .add(new LexiconEntry(entry.get("name").asString(), type, meshId, synonyms));
        }
        Map<FindingKind, List<String>> templates = new EnumMap<>(FindingKind.class);
        words.get("templates").forEachEntry((kind, list) -> templates.put(FindingKind.valueOf(kind), strings(list)));
        Map<Timescale, List<String>> onsets = new EnumMap<>(Timescale.class);
        words.get("onsets").forEachEntry((timescale, list) -> onsets.put(Timescale.valueOf(timescale), strings(list)));
        return new Vocabulary(concepts, templates, onsets, strings(words.get("journals")),
                strings(words.get("institutions")), strings(words.get("givenNames")), strings(words.get("familyNames")),
                strings(words.get("populations")));
    }

    List<LexiconEntry> of(ConceptType type) {
        List<LexiconEntry> entries = concepts.get(type);
        if (entries == null || entries.isEmpty()) {
            throw new IllegalStateException("The lexicon holds no concept of type " + type);
        }
        return entries;
    }

    private static List<String> strings(JsonNode list) {
        return list.valueStream().map(JsonNode::asString).toList();
    }

    private static JsonNode read(JsonMapper json, String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
