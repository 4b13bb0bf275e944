package org.findingskb.ingest;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import org.findingskb.support.Restarts;
import org.findingskb.source.SourceRepository;
import org.findingskb.web.KnowledgeBaseCounts;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled article seeds an empty knowledge base once; restarts and re-ingests add nothing. */
class SeedingTests {


    @Test
    void restartingOnTheSameDatabaseDuplicatesNothing() {
        String database = "restart-" + UUID.randomUUID();
        Map<String, Long> first;
        try (ConfigurableApplicationContext context = Restarts.start(database)) {
            first = context.getBean(KnowledgeBaseCounts.class).current();
        }
        assertThat(first.get("sources")).isEqualTo(1);
        assertThat(first.get("studies")).isEqualTo(1);
        assertThat(first.get("findings")).isPositive();
        try (ConfigurableApplicationContext context = Restarts.start(database)) {
            assertThat(context.getBean(KnowledgeBaseCounts.class).current()).isEqualTo(first);
        }
    }

    @Test
    void theSameTextIngestedAgainAnswersWithTheStoredSource() throws Exception {
        try (ConfigurableApplicationContext context = Restarts.start("reingest-" + UUID.randomUUID())) {
            IngestService ingest = context.getBean(IngestService.class);
            String seed = new String(new ClassPathResource("seed/knowridge-2025-ketamine-fast-and-lasting.txt")
                    .getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Map<String, Long> before = context.getBean(KnowledgeBaseCounts.class).current();
            String reformatted = "\r\n  " + seed.replace("\n", "\r\n").replace("\r\n\r\n", "\r\n   \r\n\r\n") + "  \r\n";

            IngestOutcome again = ingest.ingest(reformatted, SourceOverrides.none());

            assertThat(again.created()).isFalse();
            assertThat(again.sourceId()).isEqualTo(context.getBean(SourceRepository.class).findAll().get(0).getId());
            assertThat(again.findings()).isEqualTo(before.get("findings").intValue());
            assertThat(context.getBean(KnowledgeBaseCounts.class).current()).isEqualTo(before);
        }
    }
}
