package org.findingskb.mechanism;

import java.util.List;
import java.util.Map;

import jakarta.persistence.criteria.JoinType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.web.PagedModel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.concept.ConceptService;
import org.findingskb.finding.Timescale;
import org.findingskb.web.PageQuery;

@Service
@Transactional(readOnly = true)
public class MechanismService {

    private static final Map<String, String> SORTABLE = Map.of("id", "id", "name", "name", "timescale", "timescale");

    /** The concept roles a mechanism has; a concept filter matches any of them. */
    private static final List<String> CONCEPT_ROLES = List.of("brainRegions", "pathways", "cellTypes", "interventions");

    private final MechanismRepository mechanisms;
    private final ConceptService concepts;

    MechanismService(MechanismRepository mechanisms, ConceptService concepts) {
        this.mechanisms = mechanisms;
        this.concepts = concepts;
    }

    public MechanismResponse get(long id) {
        return mechanisms.findById(id).map(MechanismResponse::from).orElseThrow(() -> MechanismNotFound.withId(id));
    }

    public List<MechanismResponse> ofStudy(long studyId) {
        return mechanisms.findByStudy(studyId).stream().map(MechanismResponse::from).toList();
    }

    public PagedModel<MechanismResponse> find(Long studyId, Timescale timescale, String concept, PageQuery pageQuery) {
        Pageable pageable = pageQuery.toPageable(SORTABLE, Sort.by("study.id", "id"));
        Specification<Mechanism> spec = (root, query, cb) -> cb.conjunction();
        if (studyId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("study").get("id"), studyId));
        }
        if (timescale != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("timescale"), timescale));
        }
        if (concept != null && !concept.isBlank()) {
            List<Long> ids = concepts.idsMatching(concept);
            if (ids.isEmpty()) {
                return new PagedModel<>(Page.<MechanismResponse>empty(pageable));
            }
            spec = spec.and((root, query, cb) -> {
                var sub = query.subquery(Long.class);
                var mechanism = sub.from(Mechanism.class);
                var anyRole = CONCEPT_ROLES.stream()
                        .map(role -> mechanism.join(role, JoinType.LEFT).get("id").in(ids))
                        .toArray(jakarta.persistence.criteria.Predicate[]::new);
                sub.select(mechanism.get("id")).where(cb.or(anyRole));
                return root.get("id").in(sub);
            });
        }
        return new PagedModel<>(mechanisms.findAll(spec, pageable).map(MechanismResponse::from));
    }
}
