package org.findingskb.synthetic;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import org.findingskb.finding.FindingFilter;
import org.findingskb.finding.FindingResponse;
import org.findingskb.finding.FindingService;
import org.findingskb.ingest.IngestService;
import org.findingskb.ingest.SourceOverrides;
import org.findingskb.shared.IndexPager;
import org.findingskb.shared.InvalidParameter;
import org.findingskb.web.KnowledgeBaseCounts;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.ResultPage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The synthetic corpus is written beside the seed, holds what the API promises, and never mixes into real data.
 * Its 14,000 documents are indexed by words only: embedding each would add minutes and test nothing here.
 */
@SpringBootTest(properties = {"kb.synthetic.studies=1000", "kb.synthetic.seed=7", "kb.search.semantic.enabled=false"})
class SyntheticCorpusTests {

    @Autowired
    KnowledgeBaseCounts counts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SyntheticCorpusGenerator generator;
    @Autowired
    IngestService ingest;
    @Autowired
    FindingService findingService;

    @Test
    void corpusOfTheAskedSizeStandsBesideTheSeed() {
        assertThat(jdbc.queryForObject("select count(*) from study where slug like 'synthetic-study-%'", Long.class))
                .isEqualTo(1000);
        assertThat(jdbc.queryForObject("select count(*) from study where slug not like 'synthetic-study-%'", Long.class))
                .as("the seed, and at most one article another test ingested").isBetween(1L, 2L);
        assertThat(jdbc.queryForObject("select count(*) from finding f join study s on s.id = f.study_id"
                + " where s.slug like 'synthetic-study-%'", Long.class)).isBetween(1000L * 8, 1000L * 12);
        assertThat(jdbc.queryForObject("select count(*) from mechanism m join study s on s.id = m.study_id"
                + " where s.slug like 'synthetic-study-%'", Long.class)).isGreaterThanOrEqualTo(1000);
        assertThat(jdbc.queryForObject("select count(*) from finding f join study s on s.id = f.study_id"
                + " where s.slug like 'synthetic-study-%' and not exists"
                + " (select 1 from finding_concept c where c.finding_id = f.id)", Long.class)).isZero();
    }

    @Test
    void everySyntheticEvidenceSpanQuotesItsSourceExactly() {
        List<Map<String, Object>> spans = jdbc.queryForList("select e.start_offset, e.end_offset, e.exact, s.content"
                + " from finding_evidence e join source_document s on s.id = e.source_id");
        assertThat(spans).hasSizeGreaterThan(8000);
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
        assertThat(generator.generate(1000, 7)).isFalse();
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
    void theCorpusIsIndexedAndCursorsPageOnPastTenThousandResults() {
        long total = findingService.find(FindingFilter.none(), PageQuery.firstPage()).page().totalElements();
        assertThat(total).isGreaterThan(IndexPager.MAX_OFFSET_HITS);
        assertThatThrownBy(() -> findingService.find(FindingFilter.none(), new PageQuery(100, 100, List.of())))
                .isInstanceOf(InvalidParameter.class);

        Set<Long> seen = new HashSet<>();
        ResultPage<FindingResponse> page = findingService.find(FindingFilter.none(), new PageQuery(0, 100, List.of()));
        int pages = 1;
        while (true) {
            page.content().forEach(f -> assertThat(seen.add(f.id())).as("finding %s seen twice", f.id()).isTrue());
            if (page.cursor() == null) {
                break;
            }
            page = findingService.find(FindingFilter.none(), new PageQuery(0, 100, List.of()), page.cursor());
            assertThat(page.page().number()).isEqualTo(pages++);
            assertThat(page.page().totalElements()).isEqualTo(total);
        }
        assertThat(seen).hasSize((int) total);
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
