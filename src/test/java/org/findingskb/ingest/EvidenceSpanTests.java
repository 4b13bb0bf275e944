package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EvidenceSpanTests {

    static List<Named<GoldCorpus.Article>> articles() {
        return GoldCorpus.bundled().stream().map(a -> Named.of(a.label(), a)).toList();
    }

    @ParameterizedTest
    @MethodSource("articles")
    void everyEvidenceSpanIsExactlyItsStatementInTheNormalisedText(GoldCorpus.Article article) {
        String text = article.text();
        ArticleAnalysis analysis = TestArticles.analyzer().analyze(text);
        assertThat(analysis.text()).isEqualTo(text);
        assertThat(analysis.findings()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.evidence().end()).isLessThanOrEqualTo(text.length());
            assertThat(f.evidence().of(text)).isEqualTo(f.statement());
            assertThat(f.statement()).isEqualTo(f.statement().strip()).isNotEmpty();
            assertThat(f.confidence()).isBetween(0.0, 1.0);
        });
    }

    @ParameterizedTest
    @MethodSource("articles")
    void findingsFollowTheArticleOrderWithoutOverlapping(GoldCorpus.Article article) {
        List<ExtractedFinding> findings = TestArticles.analyzer().analyze(article.text()).findings();
        for (int i = 1; i < findings.size(); i++) {
            assertThat(findings.get(i).evidence().start()).isGreaterThanOrEqualTo(findings.get(i - 1).evidence().end());
        }
    }

    @ParameterizedTest
    @MethodSource("articles")
    void mechanismsPointAtFindingsOfTheirOwnTimescale(GoldCorpus.Article article) {
        ArticleAnalysis analysis = TestArticles.analyzer().analyze(article.text());
        assertThat(analysis.mechanisms()).allSatisfy(m -> {
            assertThat(m.findingIndexes()).isNotEmpty();
            // Untimed findings may support a timed mechanism: they speak of every mechanism of the study.
            m.findingIndexes().forEach(i -> assertThat(analysis.findings().get(i).timescale()).isIn(m.timescale(), null));
            assertThat(m.findingIndexes()).anySatisfy(i ->
                    assertThat(analysis.findings().get(i).timescale()).isEqualTo(m.timescale()));
            if (m.onset() != null) {
                assertThat(m.findingIndexes()).anySatisfy(i -> assertThat(analysis.findings().get(i).statement())
                        .contains(m.onset()));
            }
        });
    }
}
