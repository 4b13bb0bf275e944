package org.findingskb.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A gold annotation in the format of the corpus README. Fields given as a list ("any of") keep every
 * alternative; a {@code null} among them stands for "no value".
 */
record GoldAnnotation(
        String title,
        String publisher,
        Integer publishedYear,
        String institution,
        String journal,
        String population,
        String doi,
        List<Researcher> researchers,
        List<String> interventions,
        List<String> conditions,
        Design design,
        List<Finding> findings,
        List<String> optional,
        List<String> expertViews,
        List<String> notFindings,
        List<Mechanism> mechanisms,
        List<String> concepts,
        List<Question> questions) {

    record Researcher(String name, List<String> roles) {
    }

    /** What kind of study it was; {@code null} parts are not stated in the article. */
    record Design(String type, Integer sampleSize, String comparator, String duration, String intervention) {
    }

    /**
     * A sentence that must become a finding; {@code by} says whose result it is ({@code STUDY}, {@code PRIOR} or
     * {@code EXPERT}).
     */
    record Finding(String quote, List<String> kinds, List<String> timescales, String certainty, String by,
            List<Effect> effects) {
    }

    record Effect(String subject, String direction, String object) {
    }

    record Question(String question, List<String> answers) {
    }

    record Mechanism(List<String> mentions, List<String> timescales) {
    }

    static GoldAnnotation load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Unreadable gold file " + file + ": " + e.getMessage(), e);
        }
    }

    static GoldAnnotation load(String resource) {
        try (InputStream in = GoldAnnotation.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No gold file " + resource);
            }
            return parse(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GoldAnnotation parse(JsonNode root) {
        JsonNode source = root.path("source");
        JsonNode study = root.path("study");
        List<Researcher> researchers = new ArrayList<>();
        for (JsonNode r : study.path("researchers")) {
            researchers.add(new Researcher(r.path("name").asString(), anyOf(r.get("role"))));
        }
        List<Finding> findings = new ArrayList<>();
        for (JsonNode f : root.path("findings")) {
            List<String> kinds = anyOf(f.get("kind"));
            String by = text(f.get("by"));
            if (by == null) {
                by = kinds.equals(List.of("PRIOR_WORK")) ? "PRIOR" : "STUDY";
            }
            List<Effect> effects = new ArrayList<>();
            for (JsonNode e : f.path("effects")) {
                effects.add(new Effect(text(e.get("subject")), text(e.get("direction")), text(e.get("object"))));
            }
            findings.add(new Finding(f.path("quote").asString(), kinds, anyOf(f.get("timescale")),
                    text(f.get("certainty")), by, effects));
        }
        List<Question> questions = new ArrayList<>();
        for (JsonNode q : root.path("questions")) {
            questions.add(new Question(text(q.get("question")), strings(q.get("answers"))));
        }
        JsonNode d = study.get("design");
        Design design = d == null || d.isNull() ? null : new Design(text(d.get("type")),
                d.get("sampleSize") == null || d.get("sampleSize").isNull() ? null : d.get("sampleSize").asInt(),
                text(d.get("comparator")), text(d.get("duration")), text(d.get("intervention")));
        List<Mechanism> mechanisms = new ArrayList<>();
        for (JsonNode m : root.path("mechanisms")) {
            mechanisms.add(new Mechanism(strings(m.get("mentions")), anyOf(m.get("timescale"))));
        }
        JsonNode year = source.get("publishedYear");
        return new GoldAnnotation(text(source.get("title")), text(source.get("publisher")),
                year == null || year.isNull() ? null : year.asInt(), text(study.get("institution")),
                text(study.get("journal")), text(study.get("population")), text(study.get("doi")), researchers,
                strings(study.get("interventions")), strings(study.get("conditions")), design, findings,
                strings(root.get("optional")), strings(root.get("expertViews")), strings(root.get("notFindings")),
                mechanisms, strings(root.get("concepts")), questions);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    /** A single value, a list of alternatives, or null (which allows only "no value"). */
    private static List<String> anyOf(JsonNode node) {
        if (node == null || node.isNull()) {
            return Collections.singletonList(null);
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(v -> values.add(text(v)));
            return values;
        }
        return List.of(node.asString());
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(v -> values.add(v.asString()));
        }
        return values;
    }
}
