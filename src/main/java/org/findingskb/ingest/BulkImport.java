package org.findingskb.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import org.findingskb.shared.KbProperties;

/**
 * With {@code --kb.import=DIR}, ingests every {@code .txt} file of DIR once the server is up, one line per file
 * and a summary at the end; a file that fails, or holds less than an article (as {@code POST /api/sources} without
 * {@code force}), is reported and skipped. The server keeps serving throughout.
 */
@Component
@ConditionalOnProperty("kb.import")
class BulkImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BulkImport.class);

    private final IngestService ingest;
    private final Path directory;

    BulkImport(IngestService ingest, KbProperties properties) {
        this.ingest = ingest;
        this.directory = properties.importDirectory();
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Path> files = articles();
        log.info("Import: {} articles in {}", files.size(), directory.toAbsolutePath());
        long started = System.nanoTime();
        int created = 0;
        int known = 0;
        int failed = 0;
        int findings = 0;
        for (Path file : files) {
            try {
                IngestOutcome outcome = ingest.ingest(read(file), SourceOverrides.none(), false);
                findings += outcome.findings();
                if (outcome.created()) {
                    created++;
                } else {
                    known++;
                }
                log.info("Import: {} -> \"{}\": {}, {} findings, {} mechanisms{}", file.getFileName(), outcome.title(),
                        outcome.created() ? "study " + outcome.studyId() : "already stored",
                        outcome.findings(), outcome.mechanisms(),
                        outcome.warnings().isEmpty() ? "" : "; warnings: " + String.join("; ", outcome.warnings()));
            } catch (RuntimeException e) {
                failed++;
                log.warn("Import: {} skipped: {}", file.getFileName(), e.getMessage());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("Import done: {} articles in {} s ({} articles/s): {} new, {} already stored, {} failed; {} findings",
                files.size(), String.format("%.1f", seconds), String.format("%.1f", files.size() / Math.max(seconds, 1e-3)),
                created, known, failed, findings);
    }

    private List<Path> articles() {
        if (!Files.isDirectory(directory)) {
            log.warn("Import: {} is not a directory; nothing imported", directory.toAbsolutePath());
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    private static String read(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw InvalidSource.notUtf8();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
