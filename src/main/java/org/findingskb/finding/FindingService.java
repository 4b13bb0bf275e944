package org.findingskb.finding;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Subquery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.web.PagedModel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.concept.Concept;
import org.findingskb.concept.ConceptService;
import org.findingskb.web.LikePatterns;
import org.findingskb.web.PageQuery;

@Service
@Transactional(readOnly = true)
public class FindingService {

    private static final Map<String, String> SORTABLE = Map.of("id", "id", "kind", "kind", "timescale", "timescale");

    /** Findings read in the order the source states them. */
    private static final Sort SOURCE_ORDER = Sort.by("study.id", "position", "id");

    private final FindingRepository findings;
    private final ConceptService concepts;

    FindingService(FindingRepository findings, ConceptService concepts) {
        this.findings = findings;
        this.concepts = concepts;
    }

    public FindingResponse get(long id) {
        return findings.findById(id).map(FindingResponse::from).orElseThrow(() -> FindingNotFound.withId(id));
    }

    public PagedModel<FindingResponse> find(FindingFilter filter, PageQuery pageQuery) {
        Pageable pageable = pageQuery.toPageable(SORTABLE, SOURCE_ORDER);
        Specification<Finding> spec = specificationOf(filter);
        if (spec == null) {
            return new PagedModel<>(Page.<FindingResponse>empty(pageable));
        }
        // Collections of the page load in one batch per association (hibernate.default_batch_fetch_size).
        return new PagedModel<>(findings.findAll(spec, pageable).map(FindingResponse::from));
    }

    /** The specification of {@code filter}, or {@code null} when it names a concept the KB does not know. */
    private Specification<Finding> specificationOf(FindingFilter filter) {
        Specification<Finding> spec = (root, query, cb) -> root.get("reviewStatus").in(filter.reviewStatuses());
        if (filter.studyId() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("study").get("id"), filter.studyId()));
        }
        if (filter.kind() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("kind"), filter.kind()));
        }
        if (filter.timescale() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("timescale"), filter.timescale()));
        }
        if (filter.certainty() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("certainty"), filter.certainty()));
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            String pattern = LikePatterns.contains(filter.q().strip().toLowerCase(Locale.ROOT));
            spec = spec.and((root, query, cb) -> cb.like(cb.lower(root.get("statement")), pattern, '\\'));
        }
        if (filter.concept() != null && !filter.concept().isBlank()) {
            List<Long> ids = concepts.idsMatching(filter.concept());
            if (ids.isEmpty()) {
                return null;
            }
            spec = spec.and(mentioning((concept, cb) -> concept.get("id").in(ids)));
        }
        if (filter.conceptType() != null) {
            spec = spec.and(mentioning((concept, cb) -> cb.equal(concept.get("type"), filter.conceptType())));
        }
        return spec;
    }

    private interface ConceptCondition {
        jakarta.persistence.criteria.Predicate on(Join<Finding, Concept> concept,
                jakarta.persistence.criteria.CriteriaBuilder cb);
    }

    /** Findings that mention a concept meeting {@code condition}; a subquery, so each finding comes once. */
    private static Specification<Finding> mentioning(ConceptCondition condition) {
        return (root, query, cb) -> {
            Subquery<Long> sub = query.subquery(Long.class);
            var finding = sub.from(Finding.class);
            Join<Finding, Concept> concept = finding.join("concepts");
            sub.select(finding.get("id")).where(condition.on(concept, cb));
            return root.get("id").in(sub);
        };
    }
}
