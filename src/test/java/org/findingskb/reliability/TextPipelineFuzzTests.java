package org.findingskb.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.findingskb.ingest.ArticleAnalysis;
import org.findingskb.ingest.ArticleAnalyzer;
import org.findingskb.ingest.ExtractedFinding;
import org.findingskb.ingest.ExtractedMechanism;
import org.findingskb.ingest.TextNormalizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded generative tests of the text pipeline: articles made of plausible sentences mixed with hostile text
 * (odd Unicode, lone surrogates, control characters, every kind of line ending, very long sentences, markup)
 * go through {@code TextNormalizer.normalize} and {@code ArticleAnalyzer.analyze}. Invariants: no exception;
 * normalising is idempotent (the stored text normalises to itself, so the same article is recognised again);
 * every finding's evidence span lies within the text and quotes exactly its statement; every mechanism refers
 * to findings that exist.
 *
 * <p>System properties: {@code kb.fuzz.seed} (default fixed, printed), {@code kb.fuzz.texts} (default 250).
 */
class TextPipelineFuzzTests {

    static final long SEED = Long.getLong("kb.fuzz.seed", 20_251_126L);
    private static final int TEXTS = Integer.getInteger("kb.fuzz.texts", 125);

    private static ArticleAnalyzer analyzer;

    @BeforeAll
    static void loadModels() {
        analyzer();
    }

    /** The analyzer with the bundled models, loaded once (it takes seconds). */
    static synchronized ArticleAnalyzer analyzer() {
        if (analyzer == null) {
            analyzer = ArticleAnalyzer.withDefaultResources();
        }
        return analyzer;
    }

    @Test
    void analysingHostileTextNeverFailsAndEveryEvidenceSpanQuotesItsStatement() {
        System.out.println("TextPipelineFuzzTests: seed " + SEED + " (-Dkb.fuzz.seed=" + SEED + " repeats it), "
                + TEXTS + " texts");
        Random rng = new Random(SEED);
        List<String> problems = new ArrayList<>();
        int findings = 0;
        long started = System.nanoTime();
        for (int i = 0; i < TEXTS; i++) {
            String raw = HostileText.article(rng);
            String problem = check(raw);
            if (problem != null) {
                problems.add("text " + i + ": " + problem + "\n    input: " + HttpFuzzTests.preview(escape(raw)));
            }
        }
        for (String raw : HostileText.edgeCases()) {
            String problem = check(raw);
            if (problem != null) {
                problems.add("edge case: " + problem + "\n    input: " + HttpFuzzTests.preview(escape(raw)));
            }
        }
        System.out.printf("TextPipelineFuzzTests: %d texts in %.1f s, %d problems%n", TEXTS + HostileText.edgeCases().size(),
                (System.nanoTime() - started) / 1e9, problems.size());
        problems.stream().limit(20).forEach(p -> System.out.println("    " + p));
        assertThat(problems).isEmpty();
    }

    /** What breaks an invariant for this input, or null. Also used by the Jazzer fuzz test. */
    static String check(String raw) {
        String text;
        try {
            text = TextNormalizer.normalize(raw);
        } catch (RuntimeException e) {
            return "normalize threw " + e;
        }
        String again = TextNormalizer.normalize(text);
        if (!again.equals(text)) {
            return "normalize is not idempotent: " + HttpFuzzTests.preview(escape(text)) + " -> "
                    + HttpFuzzTests.preview(escape(again));
        }
        if (text.isBlank()) {
            return null;
        }
        ArticleAnalysis analysis;
        try {
            analysis = analyzer().analyze(text);
        } catch (RuntimeException e) {
            // The first frame of the application says more than a JDK frame such as Objects.requireNonNull.
            StackTraceElement at = java.util.Arrays.stream(e.getStackTrace())
                    .filter(frame -> frame.getClassName().startsWith("org.findingskb.")).findFirst()
                    .orElse(e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null);
            return "analyze threw " + e + " at " + at;
        }
        if (!analysis.text().equals(text)) {
            return "the analysis is of another text than the one given";
        }
        List<ExtractedFinding> found = analysis.findings();
        for (ExtractedFinding finding : found) {
            int start = finding.evidence().start();
            int end = finding.evidence().end();
            if (start < 0 || end > text.length() || start > end) {
                return "span [" + start + ", " + end + ") outside a text of " + text.length();
            }
            if (!text.substring(start, end).equals(finding.statement())) {
                return "evidence [" + start + ", " + end + ") '" + escape(text.substring(start, end))
                        + "' is not the statement '" + escape(finding.statement()) + "'";
            }
            if (finding.statement().isBlank()) {
                return "a blank statement";
            }
        }
        for (ExtractedMechanism mechanism : analysis.mechanisms()) {
            for (int index : mechanism.findingIndexes()) {
                if (index < 0 || index >= found.size()) {
                    return "mechanism " + mechanism.name() + " refers to finding " + index + " of " + found.size();
                }
            }
        }
        return null;
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.getType(c) == Character.SURROGATE
                    || Character.getType(c) == Character.FORMAT || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
