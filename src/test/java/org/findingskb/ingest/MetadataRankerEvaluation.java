package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains and cross-validates the {@link MetadataRanker} on annotated articles: each article is read once (rules,
 * candidates), then decided by a ranker trained on the other folds only ({@link CrossValidation#folds}, the same
 * seeded folds as the sentence model).
 */
final class MetadataRankerEvaluation {

    /** An article read by the rules, with the ranker's candidates and its gold annotation. */
    record Prepared(GoldCorpus.Article article, GoldAnnotation gold, ArticleMetadata read,
            MetadataCandidates.Article candidates) {

        MetadataRanker.Example example() {
            return MetadataRankerEvaluation.example(gold, candidates);
        }

        /** The metadata as the rules alone read it. */
        ArticleMetadata byRules() {
            return candidates.byRules(read);
        }
    }

    private MetadataRankerEvaluation() {
    }

    /** What the ranker learns from one article: its candidates and what its gold says of them. */
    static MetadataRanker.Example example(GoldAnnotation gold, MetadataCandidates.Article candidates) {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        gold.researchers().forEach(r -> roles.put(MetadataCandidates.surname(r.name()), r.roles()));
        return new MetadataRanker.Example(candidates, gold.institution(), gold.population(), roles);
    }

    static Prepared prepare(GoldCorpus.Article article) {
        ArticleReading reading = TestArticles.rules().read(article.text());
        return new Prepared(article, article.gold(), reading.metadata(),
                TestArticles.rules().metadataCandidates(reading));
    }

    static List<Prepared> prepare(List<GoldCorpus.Article> articles) {
        return articles.parallelStream().map(MetadataRankerEvaluation::prepare).toList();
    }

    /** A ranker trained on every article given (fold {@code -1}) or on those outside fold {@code f}. */
    static MetadataRanker train(List<Prepared> articles, int[] fold, int f, MetadataRanker.Thresholds thresholds) {
        return trainOn(articles.stream().map(Prepared::example).toList(), fold, f, thresholds);
    }

    /** A ranker trained on every example (fold {@code -1}) or on those outside fold {@code f}. */
    static MetadataRanker trainOn(List<MetadataRanker.Example> all, int[] fold, int f,
            MetadataRanker.Thresholds thresholds) {
        List<MetadataRanker.Example> examples = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (fold == null || fold[i] != f) {
                examples.add(all.get(i));
            }
        }
        return MetadataRanker.train(examples, thresholds);
    }

    /** Each article's metadata as chosen by a ranker that never saw it, in the order given. */
    static List<ArticleMetadata> crossValidated(List<Prepared> articles, MetadataRanker.Thresholds thresholds) {
        return crossValidated(articles, thresholds, MetadataRanker.settings());
    }

    static List<ArticleMetadata> crossValidated(List<Prepared> articles, MetadataRanker.Thresholds thresholds,
            SentenceModelTrainer.Settings settings) {
        int[] fold = CrossValidation.folds(articles.size());
        ArticleMetadata[] chosen = new ArticleMetadata[articles.size()];
        java.util.stream.IntStream.range(0, CrossValidation.FOLDS).parallel().forEach(f -> {
            MetadataRanker ranker = MetadataRanker.train(java.util.stream.IntStream.range(0, articles.size())
                    .filter(i -> fold[i] != f).mapToObj(i -> articles.get(i).example()).toList(), thresholds, settings);
            for (int i = 0; i < articles.size(); i++) {
                if (fold[i] == f) {
                    chosen[i] = ranker.apply(articles.get(i).read(), articles.get(i).candidates());
                }
            }
        });
        return List.of(chosen);
    }

    /** Each article's fields compared with its gold. */
    static List<List<MetadataFields.Field>> compare(List<Prepared> articles, List<ArticleMetadata> metadata) {
        List<List<MetadataFields.Field>> fields = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            fields.add(MetadataFields.compare(articles.get(i).gold(), metadata.get(i)));
        }
        return fields;
    }

    /**
     * How often the candidates hold the gold value (or the gold is null, which the ranker can answer by doubting):
     * the most the ranker can reach, per field, over the articles given.
     */
    static String ceiling(List<Prepared> articles) {
        int institution = 0;
        int population = 0;
        int researchers = 0;
        for (Prepared p : articles) {
            GoldAnnotation g = p.gold();
            institution += g.institution() == null || p.candidates().institutions().stream()
                    .anyMatch(c -> c.value().equals(g.institution())) ? 1 : 0;
            population += g.population() == null || p.candidates().populations().stream()
                    .anyMatch(c -> c.value().equals(g.population())) ? 1 : 0;
            researchers += g.researchers().stream().allMatch(r -> p.candidates().people().stream()
                    .anyMatch(c -> c.rule().name().equals(r.name()))) ? 1 : 0;
        }
        double n = Math.max(1, articles.size());
        return String.format(java.util.Locale.ROOT,
                "candidates hold the gold: institution %.2f, population %.2f, researchers %.2f (%d articles)",
                institution / n, population / n, researchers / n, articles.size());
    }

    /**
     * Where each field's errors come from, over the articles given: for the ranked fields, whether the candidates
     * held the gold at all (a generation error) or held it and another was chosen or none (a ranking error); for
     * every field, whether a value was stated where the gold has none, or left out where the gold has one.
     */
    static String errors(List<Prepared> articles, List<List<MetadataFields.Field>> fields) {
        StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT,
                "%nmetadata errors per field (%d articles): wrong / gold null but read / read null but gold "
                        + "/ gold not among candidates / among them but not chosen%n", articles.size()));
        for (String name : MetadataFields.NAMES) {
            int wrong = 0;
            int invented = 0;
            int missed = 0;
            int notGenerated = 0;
            int misranked = 0;
            for (int i = 0; i < articles.size(); i++) {
                MetadataFields.Field f = fields.get(i).get(MetadataFields.NAMES.indexOf(name));
                if (f.right()) {
                    continue;
                }
                wrong++;
                boolean goldEmpty = f.gold() == null || f.gold() instanceof List<?> l && l.isEmpty();
                boolean readEmpty = f.read() == null || f.read() instanceof List<?> l && l.isEmpty();
                invented += goldEmpty && !readEmpty ? 1 : 0;
                missed += readEmpty && !goldEmpty ? 1 : 0;
                Boolean held = held(articles.get(i), name);
                if (held != null && !goldEmpty) {
                    notGenerated += held ? 0 : 1;
                    misranked += held ? 1 : 0;
                }
            }
            boolean ranked = held(articles.isEmpty() ? null : articles.get(0), name) != null;
            out.append(String.format(java.util.Locale.ROOT, "  %-12s %4d %4d %4d %s%n", name, wrong, invented, missed,
                    ranked ? String.format(java.util.Locale.ROOT, "%4d %4d", notGenerated, misranked) : "   -    -"));
        }
        return out.toString();
    }

    /** Whether the candidates of a ranked field hold the gold value; {@code null} for a field the rules alone read. */
    private static Boolean held(Prepared p, String field) {
        if (p == null) {
            return null;
        }
        GoldAnnotation g = p.gold();
        return switch (field) {
            case "institution" -> p.candidates().institutions().stream().anyMatch(c -> c.value().equals(g.institution()));
            case "population" -> p.candidates().populations().stream().anyMatch(c -> c.value().equals(g.population()));
            case "researchers" -> g.researchers().stream().allMatch(r -> p.candidates().people().stream()
                    .anyMatch(c -> c.rule().name().equals(r.name())));
            default -> null;
        };
    }

    /**
     * Cross-validated accuracy of the three ranked fields for a few penalties and thresholds: how the bundled
     * settings were chosen (on the bundled corpus only, by cross-validation).
     */
    static String sweep(List<Prepared> articles) {
        StringBuilder out = new StringBuilder("\nranker settings, cross-validated: l2, threshold -> institution, "
                + "population, researchers\n");
        for (double l2 : new double[] {0.3, 1.0, 3.0}) {
            for (double t : new double[] {0.05, 0.1, 0.2, 0.3, 0.4, 0.5}) {
                MetadataFields.Tally all = MetadataFields.Tally.of("all", List.of());
                for (List<MetadataFields.Field> f : compare(articles, crossValidated(articles,
                        new MetadataRanker.Thresholds(t, t, t), new SentenceModelTrainer.Settings(100, l2, 1)))) {
                    all = all.plus(MetadataFields.Tally.of("all", f));
                }
                out.append(String.format(java.util.Locale.ROOT, "  %.1f %.1f -> %.2f %.2f %.2f%n", l2, t,
                        all.accuracy("institution"), all.accuracy("population"), all.accuracy("researchers")));
            }
        }
        return out.toString();
    }

    /** Each article's population candidates and gold, for reading what the candidates miss. */
    static String populationDetails(List<Prepared> articles) {
        StringBuilder out = new StringBuilder();
        for (Prepared p : articles) {
            out.append(p.article().label()).append(" gold: ").append(p.gold().population()).append('\n');
            p.candidates().populations().forEach(c -> out.append("    ").append(c.value()).append('\n'));
        }
        return out.toString();
    }

    /**
     * What the ranker adds to reading an article, one article at a time on this thread: the median milliseconds of
     * the whole reading (which includes the bundled ranker) and of reading the candidates and ranking them again.
     */
    static String cost(List<Prepared> articles) {
        MetadataRanker ranker = train(articles, null, -1, MetadataRanker.Thresholds.standard());
        List<Double> reading = new ArrayList<>();
        List<Double> ranking = new ArrayList<>();
        for (Prepared p : articles) {
            String text = p.article().text();
            long start = System.nanoTime();
            ArticleReading r = TestArticles.rules().read(text);
            long read = System.nanoTime();
            ranker.apply(r.metadata(), TestArticles.rules().metadataCandidates(r));
            long ranked = System.nanoTime();
            reading.add((read - start) / 1e6);
            ranking.add((ranked - read) / 1e6);
        }
        return String.format(java.util.Locale.ROOT, "median ms per article: reading %.1f, candidates and ranking %.1f",
                median(reading), median(ranking));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }
}
