package org.findingskb.finding;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;

import org.findingskb.mechanism.Mechanism;
import org.findingskb.mechanism.Timescale;
import org.findingskb.source.SourceDocument;
import org.findingskb.study.Study;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queries that other modules ask of findings, on the real schema (Flyway's migrations) in a JPA slice: the
 * index is left out, these queries do not use it.
 */
@DataJpaTest(properties = "spring.jpa.properties.hibernate.search.enabled=false")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class FindingRepositoryTests {

    private static final String TEXT = "Ketamine lifts mood fast. Young neurons grow more active. BMP signalling falls.";

    @Autowired
    TestEntityManager entities;
    @Autowired
    FindingRepository findings;

    private Study study;
    private Mechanism mechanism;
    private Finding first;
    private Finding second;
    private Finding rejected;

    @BeforeEach
    void oneStudyWithThreeFindingsAndAMechanism() {
        SourceDocument source = entities.persist(new SourceDocument(TEXT, "Ketamine", null, null, 2025));
        study = entities.persist(new Study("ketamine-" + System.nanoTime(), "Ketamine", source));
        mechanism = entities.persist(new Mechanism(study, "More active young neurons", Timescale.RAPID, null, null));
        first = finding(0, "Ketamine lifts mood fast.", source);
        second = finding(1, "Young neurons grow more active.", source);
        rejected = finding(2, "BMP signalling falls.", source);
        // Listed out of order: support comes back in the order the source states the findings.
        second.supports(mechanism);
        first.supports(mechanism);
        rejected.review(ReviewStatus.REJECTED, "not in the paper");
        entities.flush();
    }

    private Finding finding(int position, String sentence, SourceDocument source) {
        Finding finding = Finding.extracted(study, position, sentence, FindingKind.RESULT, Timescale.RAPID,
                Certainty.REPORTED, 0.9);
        int start = TEXT.indexOf(sentence);
        finding.addEvidence(source, start, start + sentence.length());
        return entities.persist(finding);
    }

    @Test
    void countsOnlyVisibleFindingsPerStudy() {
        List<Object[]> counts = findings.countByStudy(List.of(study.getId()), ReviewStatus.VISIBLE);
        assertThat(counts).singleElement().satisfies(row -> assertThat(row).containsExactly(study.getId(), 2L));
    }

    @Test
    void aMechanismsSupportComesInSourceOrder() {
        assertThat(findings.findSupportOf(List.of(mechanism.getId())))
                .extracting(row -> row[1]).containsExactly(first.getId(), second.getId());
        assertThat(findings.findSupporting(mechanism.getId())).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void anchorsInASourceComeInTextOrder() {
        assertThat(findings.findAnchorsInSource(first.getEvidence().get(0).sourceId()))
                .extracting(row -> row[0]).containsExactly(first.getId(), second.getId(), rejected.getId());
    }
}
