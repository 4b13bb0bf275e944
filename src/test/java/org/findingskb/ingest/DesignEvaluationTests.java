package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The study design read from the bundled corpus, cross-validated by article (see {@link DesignEvaluation}); prints
 * each part's accuracy per set and overall ({@code -Dkb.eval.details=true}: each article's design beside its gold).
 */
class DesignEvaluationTests {

    static List<DesignEvaluation.Read> reads;

    @BeforeAll
    static void readEveryArticle() {
        reads = DesignEvaluation.crossValidated(CrossValidation.bundled());
        System.out.println(DesignEvaluation.table("Study design, cross-validated by article:", reads, true));
        if (Boolean.getBoolean("kb.design.tune")) {
            for (double l2 : new double[] {0.1, 0.3, 1, 3, 10}) {
                for (int cutoff : new int[] {1, 2, 3}) {
                    DesignScorer.Score s = DesignEvaluation.pooled(DesignEvaluation.crossValidated(
                            CrossValidation.bundled(), new SentenceModelTrainer.Settings(200, l2, cutoff)));
                    System.out.printf(java.util.Locale.ROOT, "l2 %.1f cutoff %d: type %.3f (precision %.3f)%n", l2,
                            cutoff, s.accuracy(0), s.precision(0));
                }
            }
        }
        if (Boolean.getBoolean("kb.eval.details")) {
            System.out.println(DesignEvaluation.details(reads));
        }
        String folder = System.getProperty("kb.eval.dir", "");
        if (!folder.isBlank()) {
            System.out.println(DesignEvaluation.whereItIs(java.nio.file.Path.of(folder)));
        }
    }

    @Test
    void everyStatedPartQuotesTheText() {
        for (DesignEvaluation.Read r : reads) {
            String text = r.text();
            ExtractedDesign d = r.design();
            d.toStudyDesign(text);
            if (d.sampleSize() != null) {
                assertThat(d.sampleSizeSpan()).as(r.label()).isNotNull();
            }
            if (d.comparator() != null) {
                assertThat(d.comparatorSpan().of(text)).isEqualTo(d.comparator());
            }
            if (d.duration() != null) {
                assertThat(d.durationSpan().of(text)).isEqualTo(d.duration());
            }
            if (d.type() != null) {
                assertThat(d.typeSpan()).isNotNull();
            }
        }
    }
}
