package org.findingskb.study;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.criteria.JoinType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.web.PagedModel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.concept.ConceptService;
import org.findingskb.finding.Finding;
import org.findingskb.finding.FindingRepository;
import org.findingskb.mechanism.MechanismRepository;
import org.findingskb.source.SourceDocument;
import org.findingskb.source.SourceService;
import org.findingskb.source.SourceService.SourceRef;
import org.findingskb.web.LikePatterns;
import org.findingskb.web.PageQuery;

@Service
@Transactional(readOnly = true)
public class StudyService {

    private static final Map<String, String> SORTABLE = Map.of("id", "id", "title", "title");

    private final StudyRepository studies;
    private final FindingRepository findings;
    private final MechanismRepository mechanisms;
    private final SourceService sources;
    private final ConceptService concepts;

    StudyService(StudyRepository studies, FindingRepository findings, MechanismRepository mechanisms,
            SourceService sources, ConceptService concepts) {
        this.studies = studies;
        this.findings = findings;
        this.mechanisms = mechanisms;
        this.sources = sources;
        this.concepts = concepts;
    }

    public StudyResponse get(String idOrSlug) {
        return toResponses(List.of(load(idOrSlug))).get(0);
    }

    /** The id of the study with this id or slug; 404 if there is none. */
    public long idOf(String idOrSlug) {
        return load(idOrSlug).getId();
    }

    Study load(String idOrSlug) {
        String value = idOrSlug.strip();
        if (!value.isEmpty() && value.length() < 19 && value.chars().allMatch(Character::isDigit)) {
            return studies.findById(Long.parseLong(value)).orElseThrow(() -> StudyNotFound.withIdOrSlug(idOrSlug));
        }
        return studies.findBySlug(value.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> StudyNotFound.withIdOrSlug(idOrSlug));
    }

    public PagedModel<StudyResponse> find(String q, String concept, String journal, PageQuery pageQuery) {
        Pageable pageable = pageQuery.toPageable(SORTABLE, Sort.by("id"));
        Specification<Study> spec = (root, query, cb) -> cb.conjunction();
        if (q != null && !q.isBlank()) {
            String pattern = LikePatterns.contains(q.strip().toLowerCase(Locale.ROOT));
            spec = spec.and((root, query, cb) -> cb.or(
                    cb.like(cb.lower(root.get("title")), pattern, '\\'),
                    cb.like(cb.lower(root.get("institution")), pattern, '\\')));
        }
        if (journal != null && !journal.isBlank()) {
            String value = journal.strip().toLowerCase(Locale.ROOT);
            spec = spec.and((root, query, cb) -> cb.equal(cb.lower(root.get("journal")), value));
        }
        if (concept != null && !concept.isBlank()) {
            List<Long> ids = concepts.idsMatching(concept);
            if (ids.isEmpty()) {
                return new PagedModel<>(Page.<StudyResponse>empty(pageable));
            }
            spec = spec.and((root, query, cb) -> {
                var viaStudy = query.subquery(Long.class);
                var study = viaStudy.from(Study.class);
                viaStudy.select(study.get("id")).where(cb.or(
                        study.join("interventions", JoinType.LEFT).get("id").in(ids),
                        study.join("conditions", JoinType.LEFT).get("id").in(ids)));
                var viaFindings = query.subquery(Long.class);
                var finding = viaFindings.from(Finding.class);
                viaFindings.select(finding.get("study").get("id"))
                        .where(finding.join("concepts").get("id").in(ids),
                                finding.get("reviewStatus").in(ConceptService.VISIBLE));
                return cb.or(root.get("id").in(viaStudy), root.get("id").in(viaFindings));
            });
        }
        Page<Study> page = studies.findAll(spec, pageable);
        return new PagedModel<>(new PageImpl<>(toResponses(page.getContent()), pageable, page.getTotalElements()));
    }

    /** Responses for {@code page}, with their counts and sources read in one query each. */
    private List<StudyResponse> toResponses(List<Study> page) {
        List<Long> ids = page.stream().map(Study::getId).toList();
        Map<Long, Long> findingCounts = counts(ids.isEmpty() ? List.of() : findings.countByStudy(ids, ConceptService.VISIBLE));
        Map<Long, Long> mechanismCounts = counts(ids.isEmpty() ? List.of() : mechanisms.countByStudy(ids));
        Map<Long, SourceRef> sourceRefs = sources.refs(page.stream()
                .map(Study::getSource).filter(Objects::nonNull).map(SourceDocument::getId).toList());
        return page.stream().map(study -> StudyResponse.from(study,
                study.getSource() == null ? null : sourceRefs.get(study.getSource().getId()),
                findingCounts.getOrDefault(study.getId(), 0L),
                mechanismCounts.getOrDefault(study.getId(), 0L))).toList();
    }

    private static Map<Long, Long> counts(Collection<Object[]> rows) {
        Map<Long, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }
}
