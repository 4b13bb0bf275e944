package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rules must be general: no string literal of the application's code and no entry of its cue and lexicon files may
 * carry six consecutive words of a corpus article, nor the name of a researcher named in a gold file. Every article
 * and gold file under the test corpus folders is checked, whether or not the evaluation lists it. Test code may
 * quote sentences the team invents; the application may not know any article.
 */
class JavaLiteralHygieneTests {

    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");
    private static final int RUN = 6;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * Surnames that are also words of the calendar (a senior author named Fall, an author named May): the application
     * must know these words to read dates (the metadata vocabulary's {@code notJournalWords}), so a literal holding
     * one names a month or season, not the researcher.
     */
    private static final Set<String> CALENDAR = calendarWords();

    @Test
    void noJavaLiteralRepeatsSixWordsOfAnArticle() {
        Set<String> articleRuns = new HashSet<>();
        for (Path article : corpusFiles(".txt")) {
            List<String> words = words(read(article));
            for (int i = 0; i + RUN <= words.size(); i++) {
                articleRuns.add(String.join(" ", words.subList(i, i + RUN)));
            }
        }
        List<String> offending = new ArrayList<>();
        for (String literal : literals()) {
            List<String> words = words(literal);
            for (int i = 0; i + RUN <= words.size(); i++) {
                String run = String.join(" ", words.subList(i, i + RUN));
                if (articleRuns.contains(run)) {
                    offending.add(run);
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void noJavaLiteralNamesAResearcherOfTheCorpus() {
        List<String> offending = new ArrayList<>();
        List<String> literals = literals();
        for (String gold : goldResources()) {
            for (GoldAnnotation.Researcher researcher : GoldAnnotation.load(gold).researchers()) {
                String[] parts = researcher.name().split("\\s+");
                // A name as a name: capitalised, whole; two-letter surnames (Li, Wu) are words too often.
                String last = parts[parts.length - 1];
                if (last.length() <= 2 || CALENDAR.contains(last)) {
                    continue;
                }
                Pattern surname = Pattern.compile("\\b" + Pattern.quote(last) + "\\b");
                literals.stream().filter(l -> surname.matcher(l).find()).forEach(offending::add);
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void findsLiteralsAtAll() {
        assertThat(literals()).hasSizeGreaterThan(50);
    }

    @Test
    void coversEveryArticleTheEvaluationScores() {
        List<Path> articles = corpusFiles(".txt");
        for (GoldCorpus.Article article : GoldCorpus.bundled()) {
            assertThat(articles).anyMatch(p -> p.endsWith(Path.of("corpus", article.set(), article.name() + ".txt")));
        }
        assertThat(goldResources()).hasSizeGreaterThanOrEqualTo(GoldCorpus.bundled().size());
    }

    private static final Path RESOURCES = Path.of("src/test/resources");

    private static Set<String> calendarWords() {
        Set<String> words = new HashSet<>();
        JSON.readTree(Path.of("src/main/resources/ingest/metadata-vocabulary.json").toFile()).get("notJournalWords")
                .forEach(w -> words.add(w.asString()));
        return words;
    }

    /** Article texts (and, for {@code .gold.json}, gold files) under the corpus and gold folders. */
    private static List<Path> corpusFiles(String suffix) {
        List<Path> found = new ArrayList<>();
        for (Path root : List.of(RESOURCES.resolve("corpus"), RESOURCES.resolve("gold"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(suffix)).sorted().forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    private static List<String> goldResources() {
        return corpusFiles(".gold.json").stream().map(p -> RESOURCES.relativize(p).toString().replace('\\', '/'))
                .toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> literals() {
        List<String> literals = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String source = withoutComments(Files.readString(file));
                    Matcher blocks = TEXT_BLOCK.matcher(source);
                    while (blocks.find()) {
                        literals.add(blocks.group(1));
                    }
                    Matcher m = LITERAL.matcher(TEXT_BLOCK.matcher(source).replaceAll(""));
                    while (m.find()) {
                        literals.add(m.group(1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        literals.addAll(cueEntries());
        return literals;
    }

    /**
     * Every string of the pipeline's data files, but for lexicon concepts that carry a MeSH id: those are general
     * biomedical terms ("White Matter"), whatever surname they share.
     */
    private static List<String> cueEntries() {
        List<String> entries = new ArrayList<>();
        Path data = Path.of("src/main/resources/ingest");
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".txt")).toList()) {
                JsonNode root = file.toString().endsWith(".json") ? JSON.readTree(file.toFile()) : null;
                if (root != null && root.has("concepts")) {
                    for (JsonNode concept : root.get("concepts")) {
                        if (concept.path("meshId").isString()) {
                            continue;
                        }
                        entries.add(concept.path("name").asString());
                        concept.path("synonyms").forEach(synonym -> entries.add(synonym.asString()));
                    }
                    continue;
                }
                Matcher m = LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    entries.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Java source without its comments, which may quote examples; string literals are kept as they are. */
    static String withoutComments(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                if (source.startsWith("\"\"\"", i)) {
                    end = source.indexOf("\"\"\"", i + 3);
                    end = end < 0 ? source.length() : end + 3;
                } else {
                    while (end < source.length() && source.charAt(end) != c && source.charAt(end) != '\n') {
                        end += source.charAt(end) == '\\' ? 2 : 1;
                    }
                    end = Math.min(end + 1, source.length());
                }
                code.append(source, i, end);
                i = end;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(TextFolding.fold(text).toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
