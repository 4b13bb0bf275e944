package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class ArticleAnalyzerTests {

    private static final List<String> ARTICLES = GoldCorpus.bundled().stream()
            .map(GoldCorpus.Article::text).toList();

    @Test
    void givesTheSameAnalysisFromManyThreadsAsFromOne() throws Exception {
        ArticleAnalyzer analyzer = TestArticles.analyzer();
        List<ArticleAnalysis> expected = ARTICLES.stream().map(analyzer::analyze).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                for (int i = 0; i < ARTICLES.size(); i++) {
                    int article = i;
                    results.add(pool.submit(() -> analyzer.analyze(ARTICLES.get(article)).equals(expected.get(article))));
                }
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void analysesTheSameArticleTheSameWayEveryTime() {
        ArticleAnalyzer analyzer = TestArticles.analyzer();
        String seed = ARTICLES.get(0);
        ArticleAnalysis first = analyzer.analyze(seed);
        int runs = 30;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            assertThat(analyzer.analyze(seed)).isEqualTo(first);
        }
        // Printed for whoever reads the log; speed is measured by bench/run, never asserted on a shared machine.
        System.out.printf("analysis of the seed article: %.1f ms%n", (System.nanoTime() - start) / 1e6 / runs);
    }

    @Test
    void analysesEmptyAndOneLineTextsWithoutFailing() {
        assertThat(TestArticles.analyze("").findings()).isEmpty();
        ArticleAnalysis oneLine = TestArticles.analyze("Just a headline");
        assertThat(oneLine.metadata().title()).isEqualTo("Just a headline");
        assertThat(oneLine.findings()).isEmpty();
        assertThat(oneLine.warnings()).contains("few findings (0)");
    }

    @Test
    void isExposedAsOneSpringBean() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(IngestConfiguration.class)) {
            ArticleAnalyzer analyzer = context.getBean(ArticleAnalyzer.class);
            assertThat(analyzer.analyze(ARTICLES.get(1)).findings()).isNotEmpty();
        }
    }
}
