package org.findingskb.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import tools.jackson.databind.JsonNode;

import org.findingskb.study.ResearcherRole;

/**
 * The learned metadata ranker: OpenNLP maximum-entropy models that choose the institution and the population among
 * the {@link MetadataCandidates} of an article, and keep each person the rules found with a role (or drop them: an
 * outlet, a name that is no person). Where the best choice is less likely than the field's threshold and is not
 * what the rules read as well, the field is {@code null}: unsure is unstated, never a guess. A versioned resource under {@code ingest/model/metadata/}, read
 * from the classpath, offline; immutable, so one instance serves every thread.
 */
final class MetadataRanker {

    static final String LOCATION = "ingest/model/metadata/";
    static final String MANIFEST = "manifest.json";
    static final String INSTITUTION = "institution";
    static final String POPULATION = "population";
    static final String RESEARCHER = "researcher";
    static final List<String> MODELS = List.of(INSTITUTION, POPULATION, RESEARCHER);
    static final String YES = "yes";
    static final String NO = "no";
    /** A person the article names who is not one of the study's researchers nor quoted about it. */
    static final String NONE = "NONE";

    /** How sure each model must be before its choice stands. */
    record Thresholds(double institution, double population, double researcher) {

        /**
         * The bundled thresholds, chosen per field on the bundled corpus by cross-validation (the sweep that
         * {@code MetadataEvaluationTests -Dkb.eval.details=true} prints, one threshold for all three; institution is
         * best stated almost always, as few articles leave it unsaid).
         */
        static Thresholds standard() {
            return new Thresholds(0.05, 0.1, 0.3);
        }

        Map<String, Object> asMap() {
            return Map.of(INSTITUTION, institution, POPULATION, population, RESEARCHER, researcher);
        }
    }

    /**
     * One annotated article's candidates and what its gold annotation says: the institution, the population, and
     * the roles each named researcher may have, by lower-case surname.
     */
    record Example(MetadataCandidates.Article candidates, String institution, String population,
            Map<String, List<String>> roles) {
    }

    private final Map<String, MaxentModel> models;
    private final Thresholds thresholds;
    private final Map<String, Object> manifest;

    private MetadataRanker(Map<String, MaxentModel> models, Thresholds thresholds, Map<String, Object> manifest) {
        this.models = Map.copyOf(models);
        this.thresholds = thresholds;
        this.manifest = new LinkedHashMap<>(manifest);
    }

    /** The metadata with institution, population and researchers as the ranker chooses them from the candidates. */
    ArticleMetadata apply(ArticleMetadata meta, MetadataCandidates.Article candidates) {
        return new ArticleMetadata(meta.title(), meta.publisher(), meta.publishedYear(),
                choose(INSTITUTION, candidates.institutions(), thresholds.institution()), meta.journal(), meta.doi(),
                choose(POPULATION, candidates.populations(), thresholds.population()),
                researchers(candidates.people()), meta.interventions(), meta.conditions());
    }

    /**
     * The candidate the model finds most likely, where it is likely enough or is what the rules read too (two
     * readers agree); else {@code null}.
     */
    private String choose(String field, List<MetadataCandidates.Candidate> candidates, double threshold) {
        MaxentModel model = models.get(field);
        MetadataCandidates.Candidate best = null;
        double bestP = -1;
        for (MetadataCandidates.Candidate c : candidates) {
            double p = yes(model, c.features());
            if (p > bestP) {
                bestP = p;
                best = c;
            }
        }
        return best != null && (bestP >= threshold || best.byRules()) ? best.value() : null;
    }

    private static double yes(MaxentModel model, String[] features) {
        int index = model.getIndex(YES);
        return index < 0 ? 0 : model.eval(features, ones(features.length))[index];
    }

    private List<ExtractedResearcher> researchers(List<MetadataCandidates.Person> people) {
        MaxentModel model = models.get(RESEARCHER);
        List<ExtractedResearcher> kept = new ArrayList<>();
        for (MetadataCandidates.Person person : people) {
            double[] p = model.eval(person.features(), ones(person.features().length));
            int best = 0;
            for (int i = 1; i < p.length; i++) {
                best = p[i] > p[best] ? i : best;
            }
            String outcome = model.getOutcome(best);
            boolean sure = p[best] >= thresholds.researcher();
            ExtractedResearcher rule = person.rule();
            // A person the rules recognised stays, in the role the rules gave, unless the model is sure otherwise;
            // a bare name joins only where the model is sure it is a researcher's.
            if (sure && !outcome.equals(NONE)) {
                kept.add(new ExtractedResearcher(rule.name(), ResearcherRole.valueOf(outcome), rule.description()));
            } else if (!sure && person.marked()) {
                kept.add(rule);
            }
        }
        return kept;
    }

    private static float[] ones(int n) {
        float[] values = new float[n];
        Arrays.fill(values, 1f);
        return values;
    }

    Map<String, Object> manifest() {
        return Map.copyOf(manifest);
    }

    /** The same ranker described by {@code entries} beside what its training recorded. */
    MetadataRanker withManifest(Map<String, Object> entries) {
        Map<String, Object> described = new LinkedHashMap<>(entries);
        described.putAll(manifest);
        return new MetadataRanker(models, thresholds, described);
    }

    static SentenceModelTrainer.Settings settings() {
        return new SentenceModelTrainer.Settings(100, 1.0, 1);
    }

    /** The same models deciding with other thresholds. */
    MetadataRanker withThresholds(Thresholds other) {
        Map<String, Object> described = new LinkedHashMap<>(manifest);
        described.put("thresholds", new LinkedHashMap<>(other.asMap()));
        return new MetadataRanker(models, other, described);
    }

    static MetadataRanker train(List<Example> examples, Thresholds thresholds) {
        return train(examples, thresholds, settings());
    }

    static MetadataRanker train(List<Example> examples, Thresholds thresholds,
            SentenceModelTrainer.Settings settings) {
        List<Event> institution = new ArrayList<>();
        List<Event> population = new ArrayList<>();
        List<Event> researcher = new ArrayList<>();
        for (Example e : examples) {
            for (MetadataCandidates.Candidate c : e.candidates().institutions()) {
                institution.add(event(c.value().equals(e.institution()) ? YES : NO, c.features()));
            }
            for (MetadataCandidates.Candidate c : e.candidates().populations()) {
                population.add(event(c.value().equals(e.population()) ? YES : NO, c.features()));
            }
            for (MetadataCandidates.Person p : e.candidates().people()) {
                researcher.add(event(label(p.rule(), e.roles()), p.features()));
            }
        }
        Map<String, MaxentModel> models = new LinkedHashMap<>();
        models.put(INSTITUTION, SentenceModelTrainer.train(institution, settings));
        models.put(POPULATION, SentenceModelTrainer.train(population, settings));
        models.put(RESEARCHER, SentenceModelTrainer.train(researcher, settings));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("featureSet", MetadataCandidates.VERSION);
        manifest.put("trainer", SentenceModelTrainer.describe(settings));
        manifest.put("thresholds", new LinkedHashMap<>(thresholds.asMap()));
        return new MetadataRanker(models, thresholds, manifest);
    }

    /** The gold role of a person the rules found: the rules' role where the gold allows it, else the gold's first. */
    private static String label(ExtractedResearcher person, Map<String, List<String>> roles) {
        List<String> allowed = roles.get(MetadataCandidates.surname(person.name()));
        if (allowed == null || allowed.isEmpty()) {
            return NONE;
        }
        return allowed.contains(person.role().name()) ? person.role().name() : allowed.get(0);
    }

    private static Event event(String outcome, String[] features) {
        return new Event(outcome, features, ones(features.length));
    }

    /** The bundled ranker, if there is one; it must have been trained on today's feature set. */
    static Optional<MetadataRanker> fromClasspath() {
        ClassLoader loader = MetadataRanker.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(LOCATION + MANIFEST)) {
            if (in == null) {
                return Optional.empty();
            }
            JsonNode manifest = ModelFolder.mapper().readTree(in);
            String features = manifest.path("featureSet").asString();
            if (!MetadataCandidates.VERSION.equals(features)) {
                throw new IllegalStateException("The bundled metadata ranker was trained on feature set " + features
                        + ", the pipeline computes " + MetadataCandidates.VERSION + ": retrain it (see the README)");
            }
            JsonNode t = manifest.path("thresholds");
            Thresholds thresholds = new Thresholds(t.path(INSTITUTION).asDouble(), t.path(POPULATION).asDouble(),
                    t.path(RESEARCHER).asDouble());
            Map<String, MaxentModel> models = ModelFolder.read(loader, LOCATION, MODELS);
            @SuppressWarnings("unchecked")
            Map<String, Object> values = ModelFolder.mapper().convertValue(manifest, Map.class);
            return Optional.of(new MetadataRanker(models, thresholds, values));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the metadata ranker", e);
        }
    }

    void writeTo(Path folder) throws IOException {
        ModelFolder.write(folder, models, manifest);
    }
}
