package org.findingskb.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test fixtures: one shared analyser (models load once per test JVM) and the bundled corpus. */
final class TestArticles {

    private static ArticleAnalyzer analyzer;

    private TestArticles() {
    }

    static synchronized ArticleAnalyzer analyzer() {
        if (analyzer == null) {
            analyzer = ArticleAnalyzer.withDefaultResources();
        }
        return analyzer;
    }

    static Cues cues() {
        return Cues.fromClasspath();
    }

    /** A corpus article as normalised text, e.g. {@code corpus/dev/NAME.txt}. */
    static String text(String resource) {
        return TextNormalizer.normalize(read(resource));
    }

    static String read(String resource) {
        try (InputStream in = TestArticles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ArticleAnalysis analyze(String text) {
        return analyzer().analyze(TextNormalizer.normalize(text));
    }
}
