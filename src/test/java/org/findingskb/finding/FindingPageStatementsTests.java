package org.findingskb.finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import org.findingskb.concept.Concept;
import org.findingskb.concept.ConceptRepository;
import org.findingskb.concept.ConceptType;
import org.findingskb.mechanism.Mechanism;
import org.findingskb.mechanism.MechanismRepository;
import org.findingskb.source.SourceDocument;
import org.findingskb.source.SourceRepository;
import org.findingskb.study.Study;
import org.findingskb.study.StudyRepository;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.ResultPage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.findingskb.mechanism.Timescale;
import org.findingskb.support.Meanings;

/**
 * A finding, or a page of findings with their evidence, concepts and mechanisms, costs the same few statements at
 * any size and any depth; the read cache is off, so every read reaches the database.
 */
@SpringBootTest(properties = {"kb.seed.enabled=false", "spring.jpa.properties.hibernate.generate_statistics=true",
        "spring.cache.type=none"})
class FindingPageStatementsTests {

    private static final int FINDINGS = 150;

    @Autowired
    FindingService findingService;
    @Autowired
    SourceRepository sources;
    @Autowired
    StudyRepository studies;
    @Autowired
    ConceptRepository concepts;
    @Autowired
    FindingRepository findings;
    @Autowired
    MechanismRepository mechanisms;
    @Autowired
    FindingLinkRepository links;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EntityManagerFactory entityManagerFactory;
    @Autowired
    ApplicationContext context;

    @BeforeEach
    void holdManyFindings() {
        if (findings.count() < FINDINGS) {
            write();
        }
        // The embedder stores vectors and re-indexes in the background after each write: its statements are not the
        // read's, so the counts start once it has nothing left to do.
        Meanings.awaitEmbedded(context);
    }

    private void write() {
        transactions.executeWithoutResult(status -> {
            StringBuilder text = new StringBuilder();
            List<int[]> spans = new ArrayList<>();
            for (int i = 0; i < FINDINGS; i++) {
                int start = text.length();
                text.append("Statement number ").append(i).append(" about a result.");
                spans.add(new int[] {start, text.length()});
                text.append(' ');
            }
            SourceDocument source = sources.save(new SourceDocument(text.toString().strip(), "Many findings", null, null, null));
            Study study = studies.save(new Study("many-findings", "Many findings", source));
            List<Concept> tags = concepts.saveAll(List.of(
                    new Concept("Alpha compound", ConceptType.DRUG, null, List.of("alpha")),
                    new Concept("Beta region", ConceptType.BRAIN_REGION, null, List.of()),
                    new Concept("Gamma pathway", ConceptType.PATHWAY, null, List.of("gamma signalling"))));
            Mechanism mechanism = mechanisms.save(new Mechanism(study, "Gamma route", Timescale.SUSTAINED, null, null));
            mechanism.involve(List.of(tags.get(1)), List.of(tags.get(2)), List.of(), List.of(tags.get(0)));
            for (int i = 0; i < FINDINGS; i++) {
                Finding finding = Finding.extracted(study, i, "Statement number " + i, FindingKind.values()[i % 5],
                        i % 2 == 0 ? Timescale.SUSTAINED : null, Certainty.REPORTED, 0.9);
                finding.addEvidence(source, spans.get(i)[0], spans.get(i)[1]);
                finding.tag(List.of(tags.get(i % 3), tags.get((i + 1) % 3)));
                if (i % 2 == 0) {
                    finding.supports(mechanism);
                }
                findings.save(finding);
            }
            // Studies of one to five findings, one with none visible: pages span several studies at any depth.
            for (int s = 0; s < 12; s++) {
                Study small = studies.save(new Study("small-" + s, "Small study " + s, source));
                for (int i = 0; i < s % 5 + 1; i++) {
                    Finding finding = findings.save(Finding.extracted(small, i, "Small finding " + s + "." + i,
                            FindingKind.RESULT, null, Certainty.SUGGESTED, 0.5));
                    finding.addEvidence(source, spans.get(i)[0], spans.get(i)[1]);
                    finding.tag(List.of(tags.get(s % 3), tags.get((s + 2) % 3)));
                    if (s == 4) {
                        finding.review(ReviewStatus.RETRACTED, "withdrawn");
                    }
                }
            }
            List<Finding> all = findings.findByStudy(study.getId(), EnumSet.allOf(ReviewStatus.class));
            links.save(all.get(1).linkTo(all.get(2), LinkType.SUPPORTS, "test"));
            links.save(all.get(3).linkTo(all.get(1), LinkType.EXTENDS, "test"));
        });
    }

    @Test
    void findingByIdIsReadInTwoStatementsWithEverythingItShows() {
        long linkedId = withStatement("Statement number 1").getId();
        long supportingId = withStatement("Statement number 2").getId();
        Statistics statistics = statistics();
        statistics.clear();
        FindingResponse linked = findingService.get(linkedId);
        // the finding with its evidence, concepts, mechanisms and links, then its effects (a second list, which
        // joined to the others would multiply the rows)
        assertThat(statistics.getPrepareStatementCount()).as("statements for one finding").isEqualTo(2);
        assertThat(linked.evidence()).hasSize(1);
        assertThat(linked.concepts()).extracting(c -> c.name()).containsExactly("Beta region", "Gamma pathway");
        assertThat(linked.mechanismIds()).isEmpty();
        assertThat(linked.links()).extracting(FindingResponse.Link::direction, FindingResponse.Link::type)
                .containsExactlyInAnyOrder(tuple("OUTGOING", LinkType.SUPPORTS), tuple("INCOMING", LinkType.EXTENDS));

        statistics.clear();
        FindingResponse supporting = findingService.get(supportingId);
        assertThat(statistics.getPrepareStatementCount()).as("statements for one finding").isEqualTo(2);
        assertThat(supporting.mechanismIds()).hasSize(1);
        assertThat(supporting.concepts()).extracting(c -> c.name()).containsExactly("Alpha compound", "Gamma pathway");
        assertThat(supporting.links()).extracting(FindingResponse.Link::direction).containsExactly("INCOMING");
    }

    @Test
    void pagesOfAllFindingsHoldEveryVisibleFindingOnceInSourceOrderAtAnyDepth() {
        List<Long> visible = findings.findAll().stream()
                .filter(f -> ReviewStatus.VISIBLE.contains(f.getReviewStatus()))
                .sorted(Comparator.comparing(Finding::getStudyId).thenComparing(Finding::getPosition)
                        .thenComparing(Finding::getId))
                .map(Finding::getId).toList();
        assertThat(visible).hasSizeGreaterThan(FINDINGS);
        for (int size : List.of(1, 7, 20)) {
            assertThat(allPages(size)).as("pages of %d", size).containsExactlyElementsOf(visible);
        }

        // a cursor from a numbered page goes on where the next numbered page starts
        ResultPage<FindingResponse> third = findingService.find(FindingFilter.none(), new PageQuery(2, 20, List.of()));
        ResultPage<FindingResponse> fromCursor = findingService.find(FindingFilter.none(), new PageQuery(null, 20,
                List.of()), third.cursor());
        assertThat(ids(fromCursor)).isEqualTo(visible.subList(60, 80));

        // a rejected finding leaves the list and its total at once
        Long rejected = visible.get(visible.size() - 3);
        transactions.executeWithoutResult(status -> findings.findById(rejected).orElseThrow()
                .review(ReviewStatus.REJECTED, "not in the source"));
        List<Long> after = allPages(20);
        assertThat(after).hasSize(visible.size() - 1).doesNotContain(rejected);
        assertThat(findingService.find(FindingFilter.none(), new PageQuery(0, 20, List.of())).page().totalElements())
                .isEqualTo(visible.size() - 1);
    }

    /** Every numbered page of all findings until an empty one; each page states the same total. */
    private List<Long> allPages(int size) {
        List<Long> ids = new ArrayList<>();
        for (int number = 0; ; number++) {
            ResultPage<FindingResponse> page = findingService.find(FindingFilter.none(),
                    new PageQuery(number, size, List.of()));
            assertThat(page.content()).hasSizeLessThanOrEqualTo(size);
            if (page.content().isEmpty()) {
                assertThat(page.page().totalElements()).isEqualTo(ids.size());
                return ids;
            }
            assertThat(page.page().totalPages()).isGreaterThan(number);
            ids.addAll(ids(page));
        }
    }

    private static List<Long> ids(ResultPage<FindingResponse> page) {
        return page.content().stream().map(FindingResponse::id).toList();
    }

    @Test
    void pageOfFindingsCostsTheSameFewStatementsWhateverItsSize() {
        statementsFor(FindingFilter.none(), 20); // the kept counts per study, once until the next change
        Map<Integer, Long> statementsBySize = new LinkedHashMap<>();
        for (int size : List.of(5, 20, 100)) {
            // counts older than SourceOrderPages.MAX_AGE are taken again: on a slow machine that can fall on any
            // call, so the one measured comes right after one that renewed them
            statementsFor(FindingFilter.none(), size);
            statementsBySize.put(size, statementsFor(FindingFilter.none(), size));
        }
        assertThat(statementsBySize.values()).as("statements by page size: %s", statementsBySize).containsOnly(
                statementsBySize.get(20));
        // the page's ids from the rows of the studies it spans, its findings with all they show, their effects
        assertThat(statementsBySize.get(20)).isEqualTo(3);
    }

    @Test
    void deepPageOfFindingsCostsThreeStatements() {
        statementsFor(FindingFilter.none(), 20);
        long total = findingService.find(FindingFilter.none(), new PageQuery(0, 20, List.of())).page().totalElements();
        Statistics statistics = statistics();
        statistics.clear();
        ResultPage<FindingResponse> last = findingService.find(FindingFilter.none(),
                new PageQuery((int) ((total - 1) / 20), 20, List.of()));
        assertThat(statistics.getPrepareStatementCount()).isEqualTo(3);
        assertThat(last.content()).hasSize((int) ((total - 1) % 20) + 1);
    }

    @Test
    void filteredPageCostsAConstantNumberOfStatementsToo() {
        FindingFilter filter = new FindingFilter(null, null, null, Timescale.SUSTAINED, null, "gamma signalling", null, null);
        long small = statementsFor(filter, 5);
        long large = statementsFor(filter, 100);
        // the concept named in the filter, looked up by synonym, the page's findings (the index selects them) and
        // their effects
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(3);
    }

    private Finding withStatement(String statement) {
        return findings.findAll().stream().filter(f -> f.getStatement().equals(statement)).findFirst().orElseThrow();
    }

    private Statistics statistics() {
        return entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
    }

    private long statementsFor(FindingFilter filter, int size) {
        Statistics statistics = statistics();
        statistics.clear();
        ResultPage<FindingResponse> page = findingService.find(filter, new PageQuery(0, size, List.of()));
        long statements = statistics.getPrepareStatementCount();
        assertThat(page.content()).hasSize((int) Math.min(size, page.page().totalElements()));
        assertThat(page.page().totalElements()).isGreaterThan(5);
        assertThat(page.content()).allSatisfy(f -> {
            assertThat(f.evidence()).hasSize(1);
            assertThat(f.concepts()).hasSize(2);
        });
        assertThat(page.content()).anyMatch(f -> !f.mechanismIds().isEmpty());
        return statements;
    }
}
