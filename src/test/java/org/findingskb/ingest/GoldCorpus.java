package org.findingskb.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The annotated articles: every {@code NAME.txt} with its {@code NAME.gold.json}, one folder a set. The bundled
 * corpus lives in the test resources ({@code corpus/SET/}; the seed's gold in {@code gold/}); any other folder
 * of the same shape can be scored where it is.
 */
final class GoldCorpus {

    /** One annotated article of a set. */
    record Article(String set, String name, Path textFile, Path goldFile) {

        /** The article as the pipeline stores it (normalised). */
        String text() {
            return TextNormalizer.normalize(raw());
        }

        String raw() {
            try {
                return Files.readString(textFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        GoldAnnotation gold() {
            return GoldAnnotation.load(goldFile);
        }

        /** {@code set/name}, the name without the year its file ends in. */
        String label() {
            return set + "/" + name.replaceAll("-\\d{4}$", "");
        }
    }

    private GoldCorpus() {
    }

    /** Every article of the bundled corpus, set by set in name order, the seed first. */
    static List<Article> bundled() {
        Path corpus = resourceFolder("corpus");
        List<Article> articles = new ArrayList<>();
        Path seedGold = resourceFolder("gold");
        for (Path text : files(corpus.resolve("seed"), ".txt")) {
            String name = baseName(text, ".txt");
            articles.add(new Article("seed", name, text, seedGold.resolve(name + ".gold.json")));
        }
        try (Stream<Path> sets = Files.list(corpus)) {
            for (Path set : sets.filter(Files::isDirectory).sorted(BY_NAME).toList()) {
                if (!set.getFileName().toString().equals("seed")) {
                    articles.addAll(in(set));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return articles;
    }

    /** The articles of the bundled sets named. */
    static List<Article> sets(String... names) {
        List<String> wanted = List.of(names);
        return bundled().stream().filter(a -> wanted.contains(a.set())).toList();
    }

    /** Every {@code NAME.gold.json} with its {@code NAME.txt} in one folder, a set named after the folder. */
    static List<Article> in(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Not a folder of annotated articles: " + folder.toAbsolutePath());
        }
        String set = folder.toAbsolutePath().normalize().getFileName().toString();
        List<Article> articles = new ArrayList<>();
        for (Path gold : files(folder, ".gold.json")) {
            String name = baseName(gold, ".gold.json");
            Path text = folder.resolve(name + ".txt");
            if (!Files.isRegularFile(text)) {
                throw new IllegalArgumentException("Gold file without its article: " + gold);
            }
            articles.add(new Article(set, name, text, gold));
        }
        return articles;
    }

    private static final Comparator<Path> BY_NAME = Comparator.comparing(p -> p.getFileName().toString());

    private static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted(BY_NAME).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String baseName(Path file, String suffix) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - suffix.length());
    }

    private static Path resourceFolder(String name) {
        URL url = GoldCorpus.class.getClassLoader().getResource(name);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("Test resource folder not on the file system: " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
