package org.findingskb.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Generates article-like text mixed with hostile content for the text pipeline and query fuzz tests. */
final class HostileText {

    /** Plausible article sentences (data, like every article phrase): one per line. */
    private static final String[] SENTENCES = sentences();
    private static final String[] HOSTILE = {
        "\u0000", "\u0007", "\u001b[31m", "\t", "\f", "\u000b", "\r", "\r\n", "\n\n\n\n", "\u2028", "\u2029", "\u0085",
        "\u00a0", "\u2007", "\u200b", "\u200d", "\u2060", "\ufeff", "\ufffd", "\uffff", "\ud800", "\udfff", "\ud83d\ude00",
        "\ud83e\uddea", "\u0301", "e\u0301", "\u1100\u1161", "\u212b", "\u2126", "\u0130", "\u0131", "\u00df", "\ufb01",
        "\u202e", "\u202d", "\u061c", "\u0645\u0631\u062d\u0628\u0627", "\u4e2d\u6587\u3002", "\u3000", "\uff0e",
        "...", "\u2026", "!!!", "???", "“", "”", "‘", "’", "«", "»", "—", "–", "<b>", "</p>", "<script>x</script>",
        "&amp;", "&#x0;", "http://example.org/a.b?c=d.", "mail@example.org.", "Dr.", "Mr.", "et al.", "Fig. 2.",
        "3.14159", "1,000.5", "10^6", "50%", "p<0.001", "(", ")", "[", "]", "{", "}", "\\", "\"", "'", "`", "*", "#",
        "- ", "* ", "1. ", "a)", ";", ":", "|", "~", "@", "$", "€", "°C", "µg", "±", "≥", "→",
    };

    private HostileText() {
    }

    private static String[] sentences() {
        try (InputStream in = HostileText.class.getResourceAsStream("/reliability/article-sentences.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank())
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String article(Random rng) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + rng.nextInt(25);
        for (int i = 0; i < pieces; i++) {
            int kind = rng.nextInt(12);
            if (kind < 5) {
                text.append(SENTENCES[rng.nextInt(SENTENCES.length)]);
            } else if (kind < 8) {
                text.append(HOSTILE[rng.nextInt(HOSTILE.length)]);
            } else if (kind == 8) {
                // a sentence with hostile characters inside
                String s = SENTENCES[rng.nextInt(SENTENCES.length)];
                int at = rng.nextInt(s.length());
                text.append(s, 0, at).append(HOSTILE[rng.nextInt(HOSTILE.length)]).append(s.substring(at));
            } else if (kind == 9) {
                randomCodePoints(rng, text, 1 + rng.nextInt(60));
            } else if (kind == 10) {
                text.append(pickSeparator(rng));
            } else if (rng.nextInt(3) == 0) {
                // one of the inputs crafted to cost more than their length
                List<String> crafted = List.copyOf(crafted(50 + rng.nextInt(3_000)).values());
                text.append(crafted.get(rng.nextInt(crafted.size())));
            } else {
                // a very long sentence, or a very long word
                String word = rng.nextBoolean() ? "neurons " : "x";
                text.append("The researchers found that ").append(word.repeat(50 + rng.nextInt(rng.nextInt(10) == 0 ? 1500 : 200)));
            }
            text.append(pickSeparator(rng));
        }
        return text.toString();
    }

    private static String pickSeparator(Random rng) {
        String[] separators = {" ", " ", "\n\n", "\n", "\r\n\r\n", "\r", "  \t ", "", "\n \n \n", "\u2029", "\u00a0\n"};
        return separators[rng.nextInt(separators.length)];
    }

    private static void randomCodePoints(Random rng, StringBuilder out, int n) {
        for (int i = 0; i < n; i++) {
            int range = rng.nextInt(5);
            int c = switch (range) {
                case 0 -> rng.nextInt(0x80);
                case 1 -> 0x80 + rng.nextInt(0x780);
                case 2 -> 0x800 + rng.nextInt(0xF800);
                case 3 -> 0x10000 + rng.nextInt(0x100000);
                default -> 0x20 + rng.nextInt(0x5f);
            };
            out.appendCodePoint(c); // includes lone surrogates (0xD800..0xDFFF) now and then
        }
    }

    /**
     * Inputs crafted to make the pipeline's cost grow faster than their length, each {@code length} characters:
     * what an attacker sends to exhaust a core (see docs/security.md). Names say what each one is.
     */
    static java.util.Map<String, String> crafted(int length) {
        java.util.Map<String, String> crafted = new java.util.LinkedHashMap<>();
        crafted.put("one word with combining marks", "a" + "\u0301".repeat(length - 1));
        crafted.put("words of 30 combining marks", fill("a" + "\u0301".repeat(30) + " ", length));
        crafted.put("spaces before a word", "The study found x." + " ".repeat(length - 20) + "y.");
        crafted.put("one long word", "x".repeat(length));
        crafted.put("one run of dots", ".".repeat(length));
        crafted.put("one sentence of short words", fill("Dr ", length));
        return crafted;
    }

    /** A normal article of {@code length} characters: the bundled sentences, paragraph after paragraph. */
    static String normalArticle(int length) {
        return fill(String.join("\n\n", SENTENCES) + "\n\n", length);
    }

    private static String fill(String unit, int length) {
        return unit.repeat(length / unit.length() + 1).substring(0, length);
    }

    static List<String> edgeCases() {
        return List.of("", " ", "\n", "\ufeff", "\ufeff\ufeff", " \ufeffTitle\n\nThe researchers found that it works.",
                "\ufeff \ufeffTitle", ".", "...", "\u0000", "\ud800", "a\u0301", "\u00e9", "Title\r\r\r\rBody found that x.",
                "x".repeat(50_000), "The researchers found that " + "a ".repeat(5_000) + ".",
                (SENTENCES[0] + " ").repeat(300), "\u2028\u2029\u0085",
                "Title\n\n\u00a0\n\nThe study found that mice \u200b slept.", "\t\f\u000b", "“”", "Dr. Dr. Dr.");
    }
}
