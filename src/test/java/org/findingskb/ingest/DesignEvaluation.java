package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.findingskb.study.DesignType;

/**
 * The study design read from every bundled article, cross-validated by article like the sentence model (the same
 * folds of {@link CrossValidation}): each article's type is read by a design-type model trained on the other folds
 * only. The other parts are read by rules from the design vocabulary, which no fold changes.
 */
final class DesignEvaluation {

    /** One article's design as read by the model that did not see it. */
    record Read(String set, String label, String text, GoldAnnotation.Design gold, ExtractedDesign design,
            DesignScorer.Score score) {
    }

    private DesignEvaluation() {
    }

    static List<Read> crossValidated(List<CrossValidation.Prepared> articles) {
        return crossValidated(articles, DesignTypeModel.settings());
    }

    static List<Read> crossValidated(List<CrossValidation.Prepared> articles, SentenceModelTrainer.Settings settings) {
        int[] fold = CrossValidation.folds(articles.size());
        Read[] read = new Read[articles.size()];
        DesignReader reader = TestArticles.rules().designReader();
        IntStream.range(0, CrossValidation.FOLDS).parallel().forEach(f -> {
            DesignTypeModel model = train(articles, fold, f, settings);
            for (int i = 0; i < articles.size(); i++) {
                if (fold[i] == f) {
                    read[i] = read(articles.get(i), reader.read(articles.get(i).reading(), model));
                }
            }
        });
        return List.of(read);
    }

    /** A model trained on the articles outside fold {@code f} ({@code fold == null}: on every article). */
    static DesignTypeModel train(List<CrossValidation.Prepared> articles, int[] fold, int f) {
        return train(articles, fold, f, DesignTypeModel.settings());
    }

    static DesignTypeModel train(List<CrossValidation.Prepared> articles, int[] fold, int f,
            SentenceModelTrainer.Settings settings) {
        DesignFeatures features = new DesignFeatures(DesignCues.fromClasspath());
        List<DesignTypeModel.Labelled> training = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            CrossValidation.Prepared p = articles.get(i);
            if ((fold == null || fold[i] != f) && p.gold().design() != null && p.gold().design().type() != null) {
                training.add(new DesignTypeModel.Labelled(features.article(p.reading()),
                        DesignType.valueOf(p.gold().design().type())));
            }
        }
        return DesignTypeModel.train(training, settings, java.util.Map.of());
    }

    static Read read(CrossValidation.Prepared p, ExtractedDesign design) {
        return read(p.article(), p.gold(), p.reading().text(), design);
    }

    static Read read(GoldCorpus.Article article, GoldAnnotation gold, String text, ExtractedDesign design) {
        return new Read(article.set(), article.label(), text, gold.design(), design,
                DesignScorer.score(article.label(), gold.design(), design));
    }

    /** The annotated articles of {@code folder}, scored where they are by the bundled pipeline. */
    static String whereItIs(java.nio.file.Path folder) {
        List<Read> reads = GoldCorpus.in(folder).stream().map(a -> {
            ArticleAnalysis analysis = TestArticles.analyzer().analyze(a.text());
            return read(a, a.gold(), analysis.text(), analysis.design());
        }).toList();
        return table("Study design, scored where it is by the bundled model: " + folder, reads, false);
    }

    /** Per set and over all articles: each part's accuracy, and its precision where the pipeline stated it. */
    static String table(String title, List<Read> reads, boolean perSet) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n%s%n%-22s %8s", title, "set", "articles"));
        for (String part : DesignScorer.PARTS) {
            out.append(String.format(Locale.ROOT, " %16s", part + " (prec.)"));
        }
        out.append(String.format(Locale.ROOT, " %7s%n", "mean"));
        if (perSet) {
            reads.stream().map(Read::set).distinct().forEach(set -> out.append(row(
                    pooled(reads.stream().filter(r -> r.set().equals(set)).toList()).named(set))));
        }
        out.append(row(pooled(reads).named("all")));
        return out.toString();
    }

    static DesignScorer.Score pooled(List<Read> reads) {
        return reads.stream().map(Read::score).reduce(DesignScorer.Score.none("all"), DesignScorer.Score::plus);
    }

    private static String row(DesignScorer.Score s) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-22s %8d", s.label(), s.articles()));
        for (int i = 0; i < DesignScorer.PARTS.length; i++) {
            out.append(String.format(Locale.ROOT, " %9.2f (%4.2f)", s.accuracy(i), s.precision(i)));
        }
        return out.append(String.format(Locale.ROOT, " %7.2f%n", s.overall())).toString();
    }

    /** Each article's design beside its gold, for reading where a part goes wrong. */
    static String details(List<Read> reads) {
        StringBuilder out = new StringBuilder();
        for (Read r : reads) {
            ExtractedDesign d = r.design();
            out.append(String.format(Locale.ROOT, "%s%n  gold: %s%n  read: %s | %s | %s | %s | %s%n",
                    r.label(), r.gold(), d.type(), d.sampleSize(), d.comparator(), d.duration(),
                    d.intervention()));
        }
        return out.toString();
    }
}
