package org.findingskb.synthetic;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import org.findingskb.ingest.IngestService;
import org.findingskb.ingest.SourceOverrides;
import org.findingskb.web.KnowledgeBaseCounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The synthetic corpus is written beside the seed, holds what the API promises, and never mixes into real data. */
@SpringBootTest(properties = {"kb.synthetic.studies=120", "kb.synthetic.seed=7"})
class SyntheticCorpusTests {

    @Autowired
    KnowledgeBaseCounts counts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SyntheticCorpusGenerator generator;
    @Autowired
    IngestService ingest;

    @Test
    void corpusOfTheAskedSizeStandsBesideTheSeed() {
        assertThat(jdbc.queryForObject("select count(*) from study where slug like 'synthetic-study-%'", Long.class))
                .isEqualTo(120);
        assertThat(jdbc.queryForObject("select count(*) from study where slug not like 'synthetic-study-%'", Long.class))
                .as("the seed, and at most one article another test ingested").isBetween(1L, 2L);
        assertThat(jdbc.queryForObject("select count(*) from finding f join study s on s.id = f.study_id"
                + " where s.slug like 'synthetic-study-%'", Long.class)).isBetween(120L * 8, 120L * 12);
        assertThat(jdbc.queryForObject("select count(*) from mechanism m join study s on s.id = m.study_id"
                + " where s.slug like 'synthetic-study-%'", Long.class)).isGreaterThanOrEqualTo(120);
        assertThat(jdbc.queryForObject("select count(*) from finding f join study s on s.id = f.study_id"
                + " where s.slug like 'synthetic-study-%' and not exists"
                + " (select 1 from finding_concept c where c.finding_id = f.id)", Long.class)).isZero();
    }

    @Test
    void everySyntheticEvidenceSpanQuotesItsSourceExactly() {
        List<Map<String, Object>> spans = jdbc.queryForList("select e.start_offset, e.end_offset, e.exact, s.content"
                + " from finding_evidence e join source_document s on s.id = e.source_id");
        assertThat(spans).hasSizeGreaterThan(1000);
        assertThat(spans).allSatisfy(span -> assertThat(((String) span.get("content"))
                .substring((Integer) span.get("start_offset"), (Integer) span.get("end_offset")))
                .isEqualTo(span.get("exact")));
    }

    @Test
    void theSameSeedGivesTheSameStudy() {
        Vocabulary vocabulary = Vocabulary.load();
        assertThat(SyntheticStudy.generate(5, 7, vocabulary)).isEqualTo(SyntheticStudy.generate(5, 7, vocabulary));
        assertThat(SyntheticStudy.generate(5, 7, vocabulary).text())
                .isNotEqualTo(SyntheticStudy.generate(5, 8, vocabulary).text());
        assertThat(jdbc.queryForObject("select content from source_document s join study t on t.source_id = s.id"
                + " where t.slug = 'synthetic-study-5'", String.class))
                .isEqualTo(SyntheticStudy.generate(5, 7, vocabulary).text());
    }

    @Test
    void askingAgainOnTheSameCorpusAddsNothingAndRealDataIsRefused() {
        Map<String, Long> before = counts.current();
        assertThat(generator.generate(120, 7)).isFalse();
        assertThat(counts.current()).isEqualTo(before);

        jdbc.update("update study set slug = 'renamed-first-study' where slug = 'synthetic-study-1'");
        try {
            assertThatIllegalStateException().isThrownBy(() -> generator.generate(10, 7))
                    .withMessageContaining("Refusing");
            assertThat(counts.current()).isEqualTo(before);
        } finally {
            jdbc.update("update study set slug = 'synthetic-study-1' where slug = 'renamed-first-study'");
        }
    }

    @Test
    void applicationWritesKeepWorkingAfterTheCorpusWasInserted() {
        var outcome = ingest.ingest("A new article title\n\nThe researchers found that a drug lowered anxiety in mice.",
                SourceOverrides.none());
        assertThat(outcome.created()).isTrue();
        Long maxSynthetic = jdbc.queryForObject("select max(id) from study where slug like 'synthetic-%'", Long.class);
        assertThat(outcome.studyId()).isGreaterThan(maxSynthetic);
    }
}
