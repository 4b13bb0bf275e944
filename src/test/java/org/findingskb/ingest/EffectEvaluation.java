package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The bundled corpus prepared for reading effects: every sentence the gold makes a RESULT or MECHANISM finding, with
 * its candidate pairs, what the gold says of each pair and what the rules read. Shared by the evaluation, which
 * cross-validates the effect model by article with the folds of {@link CrossValidation}, and by the retraining
 * command.
 */
final class EffectEvaluation {

    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "from", "that", "this", "its",
            "their", "of", "in", "on", "to", "a", "an", "by", "as", "at", "or", "new", "use", "level", "levels",
            "rate", "rates", "risk", "number", "effect", "effects", "people", "group", "groups");

    /** One annotated sentence: its pairs, their gold directions, the gold effects and what the rules read. */
    record Item(String article, String quote, int offset, EffectModel.Example example,
            List<GoldAnnotation.Effect> gold, List<ExtractedEffect> ruled) {
    }

    /** One article's annotated sentences, with its set and its fold. */
    record Article(String set, String label, int fold, List<Item> items) {
    }

    /** Counts of one set: read effects, gold effects, matches. */
    record Score(int read, int gold, int matched) {

        Score plus(Score other) {
            return new Score(read + other.read, gold + other.gold, matched + other.matched);
        }

        double precision() {
            return read == 0 ? 1 : matched / (double) read;
        }

        double recall() {
            return gold == 0 ? 1 : matched / (double) gold;
        }
    }

    /** As many effects as the reader states in one sentence ({@code maxEffectsPerSentence} of the cue file). */
    static final int MAX_EFFECTS = 6;

    private static List<Article> bundled;

    private EffectEvaluation() {
    }

    /** The bundled articles that annotate effects, in corpus order (once per test JVM). */
    static synchronized List<Article> bundled() {
        if (bundled == null) {
            List<CrossValidation.Prepared> prepared = CrossValidation.bundled();
            int[] folds = CrossValidation.folds(prepared.size());
            EffectReader rules = TestArticles.rules().effectReader().withModel(null);
            bundled = IntStream.range(0, prepared.size()).parallel()
                    .mapToObj(i -> prepare(prepared.get(i), folds[i], rules))
                    .filter(a -> !a.items().isEmpty()).toList();
        }
        return bundled;
    }

    /**
     * Scores the annotated articles of {@code folder} where they lie, by the bundled model and the rules (no
     * cross-validation: the bundled model never saw them), so that a new batch can be scored at first contact.
     */
    static String whereItIs(java.nio.file.Path folder) {
        List<GoldCorpus.Article> all = GoldCorpus.in(folder);
        EffectReader rules = TestArticles.rules().effectReader().withModel(null);
        // Every article in fold 0, read by the one bundled model.
        List<Article> articles = all.parallelStream().map(a -> prepare(CrossValidation.prepare(a), 0, rules))
                .filter(a -> !a.items().isEmpty()).toList();
        if (articles.isEmpty()) {
            return String.format(Locale.ROOT, "%nEffects: none of the %d articles in %s annotates effects%n",
                    all.size(), folder);
        }
        EffectModel model = EffectModel.fromClasspath().orElseThrow();
        Score read = score(articles, List.of(model), true);
        Score ruled = new Score(0, 0, 0);
        for (Article a : articles) {
            for (Item item : a.items()) {
                ruled = ruled.plus(new Score(item.ruled().size(), item.gold().size(), matches(item.ruled(), item.gold())));
            }
        }
        return String.format(Locale.ROOT, "%nEffects scored where they lie by the bundled model: %s (%d articles with"
                + " effects of %d)%n  model + rules: read %d, gold %d, matched %d, precision %.2f, recall %.2f%n"
                + "  rules alone:   read %d, matched %d, precision %.2f, recall %.2f%n", folder, articles.size(),
                all.size(), read.read(), read.gold(), read.matched(), read.precision(), read.recall(), ruled.read(),
                ruled.matched(), ruled.precision(), ruled.recall());
    }

    private static Article prepare(CrossValidation.Prepared p, int fold, EffectReader rules) {
        GoldAnnotation gold = p.gold();
        List<Item> items = new ArrayList<>();
        if (gold.findings().stream().anyMatch(f -> !f.effects().isEmpty())) {
            ArticleReading reading = p.reading();
            String designIntervention = TestArticles.rules().designReader().read(reading, null).intervention();
            for (GoldAnnotation.Finding finding : gold.findings()) {
                if (!finding.kinds().contains("RESULT") && !finding.kinds().contains("MECHANISM")) {
                    continue;
                }
                Sentence sentence = sentenceOf(reading, finding.quote());
                if (sentence == null) {
                    continue;
                }
                List<ConceptCandidate> concepts = reading.tagging().of(sentence.index());
                List<ConceptCandidate> interventions = reading.metadata().interventions();
                List<EffectModel.Pair> pairs = EffectModel.pairs(rules, sentence.text(), sentence.start(),
                        sentence.tokens(), concepts, interventions, designIntervention, reading.metadata().conditions());
                List<String> directions = pairs.stream().map(pair -> goldDirection(pair, finding.effects())).toList();
                items.add(new Item(p.article().label(), finding.quote(), sentence.start(),
                        new EffectModel.Example(pairs, directions), finding.effects(),
                        rules.read(sentence.text(), sentence.start(), concepts, interventions)));
            }
        }
        return new Article(p.article().set(), p.article().label(), fold, items);
    }

    private static Sentence sentenceOf(ArticleReading reading, String quote) {
        int at = reading.text().indexOf(quote);
        if (at < 0) {
            return null;
        }
        for (Sentence s : reading.sentences()) {
            if (s.start() <= at && at < s.end()) {
                return s;
            }
        }
        return null;
    }

    /** The direction of the gold effect a pair names, by the scorer's rule; {@code null} where it names none. */
    private static String goldDirection(EffectModel.Pair pair, List<GoldAnnotation.Effect> gold) {
        for (GoldAnnotation.Effect e : gold) {
            if (names(pair.subject().concept(), e.subject()) && names(pair.object().concept(), e.object())) {
                return e.direction();
            }
        }
        return null;
    }

    /** The examples of the articles outside fold {@code f} ({@code -1}: of every article). */
    static List<EffectModel.Example> training(List<Article> articles, int f) {
        return articles.stream().filter(a -> a.fold() != f).flatMap(a -> a.items().stream())
                .map(Item::example).toList();
    }

    /** The effect models of the ten folds, each trained on the articles outside its fold. */
    static List<EffectModel> foldModels(List<Article> articles, double threshold) {
        return IntStream.range(0, CrossValidation.FOLDS).parallel()
                .mapToObj(f -> EffectModel.train(training(articles, f), EffectModel.settings(), threshold)).toList();
    }

    /**
     * Pooled precision and recall, each article read by the model of its fold, with the rules' effects added as the
     * reader adds them ({@code withRules}) or alone.
     */
    static Score score(List<Article> articles, List<EffectModel> models, boolean withRules) {
        Score total = new Score(0, 0, 0);
        for (Article a : articles) {
            for (Item item : a.items()) {
                List<ExtractedEffect> byModel = models.get(a.fold()).read(item.example().pairs(), item.offset(),
                        MAX_EFFECTS);
                List<ExtractedEffect> read = withRules ? EffectModel.merged(byModel, item.ruled(), MAX_EFFECTS)
                        : byModel;
                total = total.plus(new Score(read.size(), item.gold().size(), matches(read, item.gold())));
            }
        }
        return total;
    }

    /** How many gold effects a read effect matches, each read and each gold effect used once. */
    static int matches(List<ExtractedEffect> read, List<GoldAnnotation.Effect> gold) {
        Set<Integer> used = new HashSet<>();
        int matched = 0;
        for (ExtractedEffect r : read) {
            for (int g = 0; g < gold.size(); g++) {
                GoldAnnotation.Effect e = gold.get(g);
                if (!used.contains(g) && r.direction().name().equals(e.direction())
                        && names(r.subject(), e.subject()) && names(r.object(), e.object())) {
                    used.add(g);
                    matched++;
                    break;
                }
            }
        }
        return matched;
    }

    /**
     * Whether a concept names what the gold names: they share a word (cut to six letters). The gold names things in
     * free words ("hippocampus volume"), the reader names concepts ("Hippocampus").
     */
    static boolean names(ConceptCandidate concept, String goldName) {
        Set<String> gold = stems(goldName);
        List<String> forms = new ArrayList<>(concept.synonyms());
        forms.add(concept.name());
        return forms.stream().anyMatch(form -> stems(form).stream().anyMatch(gold::contains));
    }

    private static Set<String> stems(String phrase) {
        Set<String> stems = new HashSet<>();
        for (String word : phrase.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3 && !STOP_WORDS.contains(word)) {
                stems.add(word.length() > 6 ? word.substring(0, 6) : word.replaceAll("e?s$", ""));
            }
        }
        return stems;
    }
}
