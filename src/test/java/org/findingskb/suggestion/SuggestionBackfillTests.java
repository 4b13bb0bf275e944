package org.findingskb.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import org.findingskb.ingest.IngestService;
import org.findingskb.ingest.SourceOverrides;

/**
 * A study stored before suggestions existed: listed as pending (as migration V10 lists every study), it gets the
 * suggestions an ingest would have made, and leaves the list.
 */
@SpringBootTest(properties = "kb.test.context=curation")
class SuggestionBackfillTests {

    @Autowired
    SuggestionBackfill backfill;

    @Autowired
    IngestService ingest;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPendingStudyGetsTheSuggestionsIngestWouldHaveMadeAndLeavesTheList() throws IOException {
        String text = new String(new ClassPathResource("compare/antidepressant-quiets-bmp-in-hippocampus.txt")
                .getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                // A text of its own, so that no other test has decided on its suggestions.
                + "\n\nThis copy was filed as " + UUID.randomUUID() + ".\n";
        long studyId = ingest.ingest(text, SourceOverrides.none()).studyId();
        List<String> before = suggestionsFrom(studyId);
        assertThat(before).as("the study's suggestions waiting for a verdict").isNotEmpty();

        // As a knowledge base made before suggestions: none stored, the study waiting to be proposed for.
        jdbc.update("""
                delete from link_suggestion where status = 'SUGGESTED'
                  and from_finding_id in (select id from finding where study_id = ?)""", studyId);
        jdbc.update("insert into link_suggestion_pending (study_id) values (?)", studyId);
        assertThat(suggestionsFrom(studyId)).isEmpty();

        assertThat(backfill.run()).isGreaterThanOrEqualTo(before.size());

        assertThat(suggestionsFrom(studyId)).containsAll(before);
        assertThat(jdbc.queryForObject("select count(*) from link_suggestion_pending", Long.class)).isZero();
        assertThat(backfill.run()).as("a second run finds nothing left").isZero();
    }

    private List<String> suggestionsFrom(long studyId) {
        return jdbc.queryForList("""
                select from_finding_id || ' ' || to_finding_id || ' ' || type || ' ' || score || ' ' || reason
                from link_suggestion where status = 'SUGGESTED'
                  and from_finding_id in (select id from finding where study_id = ?)
                order by from_finding_id, to_finding_id""", String.class, studyId);
    }
}
