package org.findingskb.reliability;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.findingskb.ingest.ArticleAnalysis;
import org.findingskb.ingest.IngestService;
import org.findingskb.ingest.TextNormalizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest does work linear in the text's length: each input crafted to make a regex or a model rescan (a word of
 * combining marks, a run of spaces, one long word, a run of dots, one endless sentence) goes through the whole
 * pipeline at the largest size the API takes. Before the fix the first three took hours of a core. The timeout
 * only guards the build from a regression that hangs; the timings are printed next to a normal article of the
 * same length, never asserted (the machine is shared).
 */
class BoundedIngestTests {

    private static final int LENGTH = IngestService.MAX_TEXT_LENGTH;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyCraftedInputOfTheLargestSizeIsAnalysedInLinearTime() {
        var analyzer = TextPipelineFuzzTests.analyzer();
        for (Map.Entry<String, String> input : HostileText.crafted(LENGTH).entrySet()) {
            assertThat(input.getValue()).hasSize(LENGTH);
            long started = System.nanoTime();
            String text = TextNormalizer.normalize(input.getValue());
            ArticleAnalysis analysis = analyzer.analyze(text);
            System.out.printf("BoundedIngestTests: %-30s %,d chars in %.2f s%n", input.getKey(), LENGTH,
                    (System.nanoTime() - started) / 1e9);
            assertThat(analysis.findings()).allSatisfy(f -> assertThat(f.evidence().end()).isLessThanOrEqualTo(text.length()));
        }
        long started = System.nanoTime();
        ArticleAnalysis normal = analyzer.analyze(TextNormalizer.normalize(HostileText.normalArticle(LENGTH)));
        System.out.printf("BoundedIngestTests: %-30s %,d chars in %.2f s%n", "a normal article", LENGTH,
                (System.nanoTime() - started) / 1e9);
        assertThat(normal.findings()).isNotEmpty();
    }

    @Test
    void aRunOfCombiningMarksIsCutToTheStreamSafeLimit() {
        String text = TextNormalizer.normalize("x" + "\u0301".repeat(LENGTH - 1));
        assertThat(text).isEqualTo("x" + "\u0301".repeat(30));
        assertThat(TextNormalizer.normalize("e\u0301\u0302 and \u0915\u094d\u0937")).isEqualTo("\u00e9\u0302 and \u0915\u094d\u0937");
    }

    @Test
    void trailingBlanksGoFromEveryLineButBlanksInsideALineStay() {
        assertThat(TextNormalizer.normalize("a" + " ".repeat(LENGTH / 2) + "b \t\u00a0\nc\u3000"))
                .isEqualTo("a" + " ".repeat(LENGTH / 2) + "b\nc");
    }
}
