package org.findingskb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.awaitility.Awaitility;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import org.findingskb.support.Restarts;
import org.findingskb.finding.Finding;
import org.findingskb.ingest.IngestOutcome;
import org.findingskb.ingest.IngestService;
import org.findingskb.ingest.SourceOverrides;
import org.findingskb.support.Meanings;

/**
 * Findings are embedded after their ingest answers, in the background: their vectors are kept in the database and
 * reach the index, and neither a restart nor a rebuilt index embeds them again.
 */
class MeaningEmbedderTests {

    private static final String ARTICLE = "compare/antidepressant-quiets-bmp-in-hippocampus.txt";


    @Test
    void ingestedFindingsGetTheirVectorsInTheBackgroundAndKeepThemAcrossARestartAndARebuild() throws IOException {
        String key = "meaning-" + UUID.randomUUID();
        String text = new String(new ClassPathResource(ARTICLE).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        long study;
        Map<Long, Long> versions;
        try (ConfigurableApplicationContext context = Restarts.start(key)) {
            IngestOutcome outcome = context.getBean(IngestService.class).ingest(text, SourceOverrides.none());
            study = outcome.studyId();
            assertThat(outcome.findings()).isPositive();
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            versions = versions(jdbc, study);
            // Every finding of the new study gets a vector of the model's size, waited for on the data itself.
            Awaitility.await("vectors of the new study's findings").atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject("select count(*) from finding f"
                            + " join finding_meaning m on m.entity_id = f.id where f.study_id = ? and octet_length(m.vector) = ?",
                            Long.class, study, Embeddings.DIMENSIONS * 4) == versions.size());
            Meanings.awaitEmbedded(context);
            // Keeping a vector is no edit: no finding's version moved.
            assertThat(versions(jdbc, study)).isEqualTo(versions);
            assertThat(indexedVectors(context, study)).as("findings indexed with their vector").isEqualTo(versions.size());
            assertThat(nearest(context, "Does an antidepressant turn down BMP signalling in the brain?"))
                    .as("the studies of the five nearest findings in meaning").contains(study);
        }
        try (ConfigurableApplicationContext context = Restarts.start(key)) {
            Embeddings embeddings = context.getBean(Embeddings.class);
            Meanings.awaitEmbedded(context);
            assertThat(embeddings.computed()).as("texts embedded after a restart").isZero();
            context.getBean(SearchIndex.class).reindex(List.of(Finding.class));
            Meanings.awaitEmbedded(context);
            assertThat(embeddings.computed()).as("texts embedded by a rebuilt index").isZero();
            assertThat(indexedVectors(context, study)).as("findings indexed with their vector after the rebuild")
                    .isEqualTo(versions.size());
        }
    }

    private static Map<Long, Long> versions(JdbcTemplate jdbc, long study) {
        Map<Long, Long> versions = new java.util.TreeMap<>();
        jdbc.query("select id, version from finding where study_id = ?", rs -> {
            versions.put(rs.getLong(1), rs.getLong(2));
        }, study);
        return versions;
    }

    /** The study's findings whose index document holds a vector of meaning. */
    private static long indexedVectors(ConfigurableApplicationContext context, long study) {
        return context.getBean(TransactionTemplate.class).execute(status -> {
            EntityManager entityManager = context.getBean(EntityManager.class);
            return Search.session(entityManager).search(Finding.class)
                    .select(f -> f.field(SearchMapping.MEANING, float[].class))
                    .where(f -> f.match().field("studyId").matching(study))
                    .fetchAllHits().stream().filter(v -> v != null && v.length == Embeddings.DIMENSIONS).count();
        });
    }

    /** The studies of the five findings nearest in meaning to the text. */
    private static List<Long> nearest(ConfigurableApplicationContext context, String text) {
        float[] vector = context.getBean(Embeddings.class).embed(text);
        return context.getBean(TransactionTemplate.class).execute(status -> {
            EntityManager entityManager = context.getBean(EntityManager.class);
            return Search.session(entityManager).search(Finding.class)
                    .select(f -> f.field("studyId", Long.class))
                    .where(f -> f.knn(5).field(SearchMapping.MEANING).matching(vector))
                    .fetchHits(5);
        });
    }
}
