package org.findingskb.backup;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import org.findingskb.shared.KbProperties;

/**
 * With {@code --kb.export=FILE}, writes the export to FILE once the application is up and then stops it. The
 * file appears whole or not at all: it is written beside itself and renamed when complete. A failed export stops
 * the application with an error (exit status 1).
 */
@Component
@ConditionalOnProperty("kb.export")
class ExportCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ExportCommand.class);

    private final KnowledgeBaseExport export;
    private final ConfigurableApplicationContext context;
    private final Path file;

    ExportCommand(KnowledgeBaseExport export, ConfigurableApplicationContext context, KbProperties properties) {
        this.export = export;
        this.context = context;
        this.file = properties.export().toAbsolutePath();
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Map<String, Long> counts;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            counts = export.export(out);
        } catch (Exception e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.info("Export written to {} ({} bytes, {} rows); stopping, as kb.export asks", file, Files.size(file),
                counts.values().stream().mapToLong(Long::longValue).sum());
        SpringApplication.exit(context);
    }
}
