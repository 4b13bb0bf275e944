package org.findingskb.finding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.concept.ConceptMentions;
import org.findingskb.mechanism.Mechanism;
import org.findingskb.mechanism.MechanismSupport;
import org.findingskb.source.SourceAnnotations;
import org.findingskb.source.SourceDeleting;
import org.findingskb.source.SourceDetailResponse;
import org.findingskb.study.StudyDeleting;
import org.findingskb.study.StudyFindings;

/**
 * What the modules below findings show of them: counts per concept and per study, the spans in a source, the
 * support of a mechanism. They declare what they need; this answers, so that no module below depends on this one.
 */
@Component
@Transactional(readOnly = true)
class FindingFacts implements ConceptMentions, StudyFindings, SourceAnnotations, MechanismSupport {

    /** Concepts counted at once: those of a page, and those their findings mention beside them. */
    private static final int MAX_COUNTED_CONCEPTS = 100_000;
    /** How many studies a concept filter follows through their findings. */
    private static final int MAX_STUDIES_BY_CONCEPT = 65_536;

    private final FindingRepository findings;
    private final EntityManager entityManager;

    FindingFacts(FindingRepository findings, EntityManager entityManager) {
        this.findings = findings;
        this.entityManager = entityManager;
    }

    /** Counted in the search index. */
    @Override
    public Map<Long, Long> visibleFindingCounts(Collection<Long> conceptIds) {
        return countVisible("concepts.id_ref", conceptIds, "concepts.id_ref", MAX_COUNTED_CONCEPTS);
    }

    @Override
    public Map<Long, Long> visibleCounts(Collection<Long> studyIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (!studyIds.isEmpty()) {
            findings.countByStudy(studyIds, ReviewStatus.VISIBLE).forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        }
        return counts;
    }

    @Override
    public List<Long> studiesMentioning(Collection<Long> conceptIds) {
        return List.copyOf(countVisible("concepts.id_ref", conceptIds, "studyId", MAX_STUDIES_BY_CONCEPT).keySet());
    }

    private Map<Long, Long> countVisible(String matchField, Collection<Long> values, String countField, int maxTerms) {
        if (values.isEmpty()) {
            return Map.of();
        }
        AggregationKey<Map<Long, Long>> counted = AggregationKey.of("counted");
        return Search.session(entityManager).search(Finding.class)
                .where(f -> f.bool()
                        .must(f.terms().field(matchField).matchingAny(values))
                        .filter(f.terms().field("reviewStatus").matchingAny(ReviewStatus.VISIBLE)))
                .aggregation(counted, f -> f.terms().field(countField, Long.class).maxTermCount(maxTerms))
                .fetch(0).aggregation(counted);
    }

    @Override
    public List<SourceDetailResponse.Annotation> of(long sourceId) {
        return findings.findAnchorsInSource(sourceId).stream()
                .map(row -> new SourceDetailResponse.Annotation((Long) row[0], (Integer) row[1], (Integer) row[2]))
                .toList();
    }

    @Override
    public Map<Long, List<Long>> findingIds(Collection<Long> mechanismIds) {
        Map<Long, List<Long>> ids = new LinkedHashMap<>();
        if (!mechanismIds.isEmpty()) {
            findings.findSupportOf(mechanismIds)
                    .forEach(row -> ids.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Long) row[1]));
        }
        return ids;
    }

    @Override
    @Transactional
    public void replace(Mechanism mechanism, Collection<Long> findingIds) {
        List<Finding> supporting = mechanism.ofSameStudy("findingIds", "finding", findingIds, findings::findById,
                "a mechanism rests on findings of its own study");
        for (Finding finding : findings.findSupporting(mechanism.getId())) {
            if (!supporting.contains(finding)) {
                finding.withdrawSupport(mechanism);
            }
        }
        supporting.forEach(finding -> finding.supports(mechanism));
    }

    /**
     * A finding stands on the sentence it quotes: when that source goes, so does every finding quoting it, in its
     * studies or in others, before the source's studies go.
     */
    @EventListener
    @Order(1)
    @Transactional
    void deleteFindingsQuoting(SourceDeleting deleting) {
        findings.deleteAll(findings.findQuoting(deleting.sourceId()));
        findings.flush();
    }

    /** A study's findings go before its mechanisms, taking the support they give with them. */
    @EventListener
    @Order(1)
    @Transactional
    void deleteFindingsOf(StudyDeleting deleting) {
        findings.deleteAll(findings.findByStudy(deleting.studyId(), EnumSet.allOf(ReviewStatus.class)));
        findings.flush();
    }
}
