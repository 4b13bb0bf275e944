package org.findingskb.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import org.findingskb.FindingsKbApplication;
import org.findingskb.web.KnowledgeBaseCounts;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --kb.import=DIR} ingests every text file of DIR, reports each, skips the ones that fail or are too short. */
@ExtendWith(OutputCaptureExtension.class)
class BulkImportTests {

    @Test
    void everyArticleOfTheDirectoryIsImportedAndAFailingOrTooShortOneIsSkipped(@TempDir Path directory, CapturedOutput output)
            throws IOException {
        copy("corpus/dev/newborn-neurons-activity-2019.txt", directory.resolve("a.txt"));
        copy("corpus/dev/walking-hippocampus-2011.txt", directory.resolve("b.txt"));
        Files.writeString(directory.resolve("c.txt"), "   \n\n  ");
        Files.write(directory.resolve("d.txt"), new byte[] {'T', '\n', '\n', (byte) 0xff, 'x'});
        Files.writeString(directory.resolve("e.txt"), "Owls nap less\n\nBarn owls slept an hour less in a warm spring.");
        Files.writeString(directory.resolve("notes.md"), "not an article");

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FindingsKbApplication.class)
                .web(WebApplicationType.NONE)
                .run("--kb.import=" + directory, "--kb.test.database-key=import-" + UUID.randomUUID())) {
            Map<String, Long> counts = context.getBean(KnowledgeBaseCounts.class).current();
            assertThat(counts.get("sources")).isEqualTo(3);
            assertThat(counts.get("studies")).isEqualTo(3);
        }
        assertThat(output).contains("Import: 5 articles");
        assertThat(output).containsPattern("a\\.txt -> \".+\": study \\d+, \\d+ findings");
        assertThat(output).containsPattern("b\\.txt -> \".+\": study \\d+, \\d+ findings");
        assertThat(output).contains("c.txt skipped").contains("d.txt skipped").doesNotContain("notes.md");
        assertThat(output).containsPattern("e\\.txt skipped: The article text has \\d+ characters");
        assertThat(output).containsPattern("Import done: 5 articles in [0-9.]+ s \\([0-9.]+ articles/s\\): 2 new, 0 already stored, 3 failed");
    }

    private static void copy(String resource, Path target) throws IOException {
        Files.writeString(target, new String(new ClassPathResource(resource).getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }
}
