package org.findingskb.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import org.findingskb.FindingsKbApplication;
import org.findingskb.finding.Finding;
import org.findingskb.finding.FindingFilter;
import org.findingskb.finding.FindingService;
import org.findingskb.ingest.IngestOutcome;
import org.findingskb.ingest.IngestService;
import org.findingskb.ingest.SourceOverrides;
import org.findingskb.search.SearchIndex;
import org.findingskb.study.Study;
import org.findingskb.study.StudyService;
import org.findingskb.shared.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a SIGKILL between a database commit and the search index commit leaves behind, made deterministic: the
 * database holds a write that the index never received. bench/crash and {@link CrashRecoveryTests} meet this
 * state at random (a concurrent write that was committed but not yet indexed when the process died, while a later
 * one was); these tests build it on purpose, stop the application leaving the marker a killed process leaves, and
 * restart it, which must bring the index back in line with the database (SearchIndex.ensureComplete).
 */
class IndexCrashConsistencyTests {

    private static ConfigurableApplicationContext start(String databaseKey) {
        return new SpringApplicationBuilder(FindingsKbApplication.class).web(WebApplicationType.NONE)
                .properties("kb.test.database-key=" + databaseKey, "spring.main.banner-mode=off").run();
    }

    /** A killed process leaves the marker its orderly stop would have removed. */
    private static void killedInsteadOfStopped(Path inUse) throws IOException {
        assertThat(inUse).as("an orderly stop removes the marker").doesNotExist();
        Files.writeString(inUse, "");
    }

    private static String article(String token) {
        return "Study " + token + " shows how ketamine changes the hippocampus\n\nThe researchers found that ketamine"
                + " increases the activity of young neurons in the hippocampus within hours.\n\nThis could lead to new"
                + " treatments for depression.\n";
    }

    private static boolean studyFound(ConfigurableApplicationContext context, String q, long studyId) {
        return context.getBean(StudyService.class).find(q, null, null, PageQuery.firstPage(), null).content().stream()
                .anyMatch(s -> s.id() == studyId);
    }

    private static boolean findingFound(ConfigurableApplicationContext context, String q, long findingId) {
        return findingFound(context, new FindingFilter(q, null, null, null, null, null, null, null), findingId);
    }

    private static boolean findingFound(ConfigurableApplicationContext context, FindingFilter filter, long findingId) {
        return context.getBean(FindingService.class).find(filter, PageQuery.firstPage()).content().stream()
                .anyMatch(f -> f.id() == findingId);
    }

    @Test
    void aStudyCommittedButNeverIndexedBelowTheHighestIdIsIndexedAfterARestart() throws IOException {
        String database = "index-gap-" + UUID.randomUUID();
        long missing;
        List<Long> missingFindings;
        Path inUse;
        try (ConfigurableApplicationContext context = start(database)) {
            inUse = context.getBean(SearchIndex.class).inUseMarker();
            IngestService ingest = context.getBean(IngestService.class);
            IngestOutcome first = ingest.ingest(article("kbgapfirst"), SourceOverrides.none());
            IngestOutcome second = ingest.ingest(article("kbgapsecond"), SourceOverrides.none());
            assertThat(second.studyId()).isGreaterThan(first.studyId());
            missing = first.studyId();
            missingFindings = context.getBean(JdbcTemplate.class)
                    .queryForList("select id from finding where study_id = ?", Long.class, missing);
            // The first ingest's index work never happened: the process died after its commit, while the second
            // (a concurrent request) got its documents into the index.
            context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                SearchSession session = Search.session(context.getBean(EntityManager.class));
                session.indexingPlan().purge(Study.class, missing, null);
                missingFindings.forEach(id -> session.indexingPlan().purge(Finding.class, id, null));
            });
            assertThat(studyFound(context, "kbgapfirst", missing)).as("the study is out of the index").isFalse();
        }
        killedInsteadOfStopped(inUse);
        try (ConfigurableApplicationContext context = start(database)) {
            assertThat(studyFound(context, "kbgapfirst", missing))
                    .as("study %d, stored but not indexed, is searchable after the restart", missing).isTrue();
            FindingFilter ofTheStudy = new FindingFilter(null, missing, null, null, null, null, null, null);
            assertThat(missingFindings).isNotEmpty().allSatisfy(id -> assertThat(findingFound(context, ofTheStudy, id))
                    .as("finding %d is listed after the restart", id).isTrue());
        }
    }

    @Test
    void anEditCommittedButNeverIndexedIsSearchableAfterARestart() throws IOException {
        String database = "index-stale-" + UUID.randomUUID();
        long findingId;
        Path inUse;
        try (ConfigurableApplicationContext context = start(database)) {
            inUse = context.getBean(SearchIndex.class).inUseMarker();
            IngestOutcome outcome = context.getBean(IngestService.class).ingest(article("kbstale"), SourceOverrides.none());
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            findingId = jdbc.queryForObject("select min(id) from finding where study_id = ?", Long.class, outcome.studyId());
            // A curator's edit whose transaction committed; the process died before the index was updated.
            jdbc.update("update finding set statement = 'Curated edstaleword statement', version = version + 1"
                    + " where id = ?", findingId);
            assertThat(findingFound(context, "edstaleword", findingId)).as("the index holds the old statement").isFalse();
        }
        killedInsteadOfStopped(inUse);
        try (ConfigurableApplicationContext context = start(database)) {
            assertThat(findingFound(context, "edstaleword", findingId))
                    .as("finding %d is found by its committed statement after the restart", findingId).isTrue();
        }
    }
}
