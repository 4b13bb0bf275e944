package org.findingskb.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test fixtures: one shared analyser (models load once per test JVM) and the bundled corpus. */
final class TestArticles {

    private static ArticleAnalyzer analyzer;
    private static ArticleAnalyzer rules;

    private TestArticles() {
    }

    static synchronized ArticleAnalyzer analyzer() {
        if (analyzer == null) {
            analyzer = ArticleAnalyzer.withDefaultResources();
        }
        return analyzer;
    }

    /**
     * The pipeline with its rules deciding instead of the sentence model: the rules are one of the model's inputs,
     * and their tests read what the rules alone make of a sentence.
     */
    static synchronized ArticleAnalyzer rules() {
        if (rules == null) {
            rules = ArticleAnalyzer.withDefaultResources(null);
        }
        return rules;
    }

    static ArticleAnalysis analyzeByRules(String text) {
        return rules().analyze(TextNormalizer.normalize(text));
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
