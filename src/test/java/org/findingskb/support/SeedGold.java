package org.findingskb.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the gold annotation of the seed article says a correct knowledge base holds. */
public final class SeedGold {

    private static final JsonNode GOLD = read("gold/knowridge-2025-ketamine-fast-and-lasting.gold.json");

    private SeedGold() {
    }

    public static JsonNode source() {
        return GOLD.get("source");
    }

    public static JsonNode study() {
        return GOLD.get("study");
    }

    /** "name:ROLE" for each researcher, the first role the gold accepts. */
    public static List<String> researchersWithFirstRole() {
        return study().get("researchers").valueStream()
                .map(r -> r.get("name").asString() + ":" + r.get("role").get(0).asString()).toList();
    }

    public static String firstIntervention() {
        return study().get("interventions").get(0).asString();
    }

    private static JsonNode read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
