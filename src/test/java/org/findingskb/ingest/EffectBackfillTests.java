package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A knowledge base stored before effects were kept: its findings listed as pending (as migration V9 lists them)
 * get the effects their sentences state, and leave the list.
 */
@SpringBootTest(properties = "kb.test.context=curation")
class EffectBackfillTests {

    @Autowired
    EffectBackfill backfill;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void pendingFindingsGetTheEffectsTheirSentencesStateAndLeaveTheList() {
        Long findingId = jdbc.queryForObject(
                "select min(finding_id) from finding_effect", Long.class);
        assertThat(findingId).as("the seed has a finding with effects").isNotNull();
        List<String> before = effects(findingId);

        // As a knowledge base made before effects: none stored, the finding waiting to be read.
        jdbc.update("delete from finding_effect where finding_id = ?", findingId);
        jdbc.update("insert into finding_effect_pending (finding_id) values (?)", findingId);
        assertThat(effects(findingId)).isEmpty();

        assertThat(backfill.run()).isGreaterThanOrEqualTo(1);

        assertThat(effects(findingId)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from finding_effect_pending", Long.class)).isZero();
        assertThat(backfill.run()).as("a second run finds nothing left").isZero();
    }

    private List<String> effects(long findingId) {
        return jdbc.queryForList("""
                select subject_id || ' ' || direction || ' ' || object_id || ' ' || start_offset || '-' || end_offset
                from finding_effect where finding_id = ? order by position""", String.class, findingId);
    }
}
