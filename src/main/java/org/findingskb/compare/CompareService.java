package org.findingskb.compare;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.concept.Concept;
import org.findingskb.concept.ConceptNotFound;
import org.findingskb.concept.ConceptRef;
import org.findingskb.concept.ConceptService;
import org.findingskb.finding.EffectDirection;
import org.findingskb.finding.Finding;
import org.findingskb.finding.FindingEffect;
import org.findingskb.finding.ReviewStatus;
import org.findingskb.mechanism.MechanismRepository;
import org.findingskb.shared.InvalidParameter;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.ResultPage;
import org.findingskb.study.DesignResponse;
import org.findingskb.study.Study;
import org.findingskb.study.StudyNotFound;
import org.findingskb.study.StudyRepository;

/** What the studies of the knowledge base say about a concept, side by side. Reads only. */
@Service
@Transactional(readOnly = true)
public class CompareService {

    /** The most studies one comparison shows: a table a reader can take in, and a bounded request. */
    static final int MAX_ROWS = 50;
    /** The most findings, effects and mechanisms a row or a study shows. */
    static final int MAX_PER_ROW = 50;
    /** Findings rejected or retracted by a curator say nothing across studies. */
    private static final Set<ReviewStatus> VISIBLE = Set.of(ReviewStatus.UNREVIEWED, ReviewStatus.ACCEPTED);

    /** A finding is about a concept when it mentions it or states an effect on or of it. */
    private static final String ABOUT = """
            (exists (select 1 from f.concepts c where c.id in :ids)
             or exists (select 1 from FindingEffect e where e.finding = f and (e.subject.id in :ids or e.object.id in :ids)))
            and f.reviewStatus in :visible""";

    private final EntityManager entityManager;
    private final ConceptService concepts;
    private final StudyRepository studies;
    private final MechanismRepository mechanisms;

    CompareService(EntityManager entityManager, ConceptService concepts, StudyRepository studies,
            MechanismRepository mechanisms) {
        this.entityManager = entityManager;
        this.concepts = concepts;
        this.studies = studies;
        this.mechanisms = mechanisms;
    }

    /** A page of the studies with findings about the concept, each with those findings, in study order. */
    public ResultPage<ConceptStudyResponse> studiesAbout(long conceptId, PageQuery page) {
        concepts.get(conceptId);
        List<Long> ids = List.of(conceptId);
        long total = entityManager.createQuery("select count(distinct f.study.id) from Finding f where " + ABOUT, Long.class)
                .setParameter("ids", ids).setParameter("visible", VISIBLE).getSingleResult();
        List<Long> studyIds = entityManager.createQuery(
                        "select distinct f.study.id from Finding f where " + ABOUT + " order by f.study.id", Long.class)
                .setParameter("ids", ids).setParameter("visible", VISIBLE)
                .setFirstResult(page.pageNumber() * page.pageSize()).setMaxResults(page.pageSize()).getResultList();
        Map<Long, List<Finding>> findings = findingsAbout(studyIds, ids);
        List<ConceptStudyResponse> content = studies.findAllById(studyIds).stream()
                .sorted((a, b) -> Long.compare(a.getId(), b.getId()))
                .map(s -> new ConceptStudyResponse(StudyRef.of(s),
                        findings.getOrDefault(s.getId(), List.of()).stream().map(FindingRef::of).toList()))
                .toList();
        return new ResultPage<>(content, ResultPage.Metadata.of(page.pageSize(), page.pageNumber(), total), null);
    }

    /** The studies with findings about the concept a name, synonym or id names, at most {@link #MAX_ROWS}. */
    public ComparisonResponse compareOn(String idOrName) {
        List<Long> ids = concepts.idsMatching(idOrName);
        if (ids.isEmpty()) {
            throw ConceptNotFound.withId(idOrName);
        }
        Concept concept = entityManager.find(Concept.class, ids.get(0));
        List<Long> studyIds = entityManager.createQuery(
                        "select distinct f.study.id from Finding f where " + ABOUT + " order by f.study.id", Long.class)
                .setParameter("ids", ids).setParameter("visible", VISIBLE).setMaxResults(MAX_ROWS).getResultList();
        return comparison(ConceptRef.of(concept), studyIds, ids);
    }

    /** The named studies, in the order given. */
    public ComparisonResponse compareStudies(List<Long> studyIds) {
        List<Long> distinct = List.copyOf(new LinkedHashSet<>(studyIds));
        if (distinct.isEmpty() || distinct.size() > MAX_ROWS) {
            throw InvalidParameter.of("studies", "must name between 1 and " + MAX_ROWS + " study ids");
        }
        for (Long id : distinct) {
            if (!studies.existsById(id)) {
                throw StudyNotFound.withIdOrSlug(Long.toString(id));
            }
        }
        return comparison(null, distinct, null);
    }

    private ComparisonResponse comparison(ConceptRef concept, List<Long> studyIds, List<Long> conceptIds) {
        Map<Long, List<Finding>> findings = conceptIds == null ? allFindings(studyIds) : findingsAbout(studyIds, conceptIds);
        Map<Long, Study> byId = new LinkedHashMap<>();
        studies.findAllById(studyIds).forEach(s -> byId.put(s.getId(), s));
        List<ComparisonResponse.Row> rows = new ArrayList<>();
        for (Long id : studyIds) {
            Study study = byId.get(id);
            List<Finding> about = findings.getOrDefault(id, List.of());
            List<ComparisonResponse.EffectCell> effects = new ArrayList<>();
            for (Finding f : about) {
                for (FindingEffect e : f.getEffects()) {
                    if (effects.size() < MAX_PER_ROW && (conceptIds == null || conceptIds.contains(e.getSubject().getId())
                            || conceptIds.contains(e.getObject().getId()))) {
                        effects.add(new ComparisonResponse.EffectCell(f.getId(), ConceptRef.of(e.getSubject()),
                                e.getDirection(), ConceptRef.of(e.getObject()), e.getEvidence().exact(),
                                f.getTimescale(), f.getCertainty()));
                    }
                }
            }
            rows.add(new ComparisonResponse.Row(StudyRef.of(study), study.getPopulation(),
                    DesignResponse.of(study.getDesign(), study.getSource() == null ? null : study.getSource().getId()),
                    ConceptRef.of(study.getInterventions()), effects,
                    about.stream().limit(MAX_PER_ROW).map(FindingRef::of).toList(),
                    mechanisms.findByStudy(id).stream().limit(MAX_PER_ROW)
                            .map(m -> new ComparisonResponse.MechanismRef(m.getId(), m.getName(), m.getTimescale()))
                            .toList()));
        }
        return new ComparisonResponse(concept, rows, agreement(rows));
    }

    /** For each subject and object, the studies reporting each direction, and those reporting another. */
    static List<ComparisonResponse.Agreement> agreement(List<ComparisonResponse.Row> rows) {
        record Pair(Long subject, Long object) {
        }
        Map<Pair, Map<EffectDirection, Set<Long>>> byPair = new LinkedHashMap<>();
        Map<Long, ConceptRef> refs = new LinkedHashMap<>();
        for (ComparisonResponse.Row row : rows) {
            for (ComparisonResponse.EffectCell cell : row.effects()) {
                refs.put(cell.subject().id(), cell.subject());
                refs.put(cell.object().id(), cell.object());
                byPair.computeIfAbsent(new Pair(cell.subject().id(), cell.object().id()), k -> new LinkedHashMap<>())
                        .computeIfAbsent(cell.direction(), k -> new LinkedHashSet<>()).add(row.study().id());
            }
        }
        List<ComparisonResponse.Agreement> result = new ArrayList<>();
        byPair.forEach((pair, directions) -> directions.forEach((direction, ids) -> {
            Set<Long> others = new LinkedHashSet<>();
            directions.forEach((d, s) -> {
                if (d != direction) {
                    s.stream().filter(id -> !ids.contains(id)).forEach(others::add);
                }
            });
            result.add(new ComparisonResponse.Agreement(refs.get(pair.subject()), direction, refs.get(pair.object()),
                    List.copyOf(ids), List.copyOf(others)));
        }));
        return result;
    }

    private Map<Long, List<Finding>> findingsAbout(Collection<Long> studyIds, List<Long> conceptIds) {
        if (studyIds.isEmpty()) {
            return Map.of();
        }
        List<Finding> found = entityManager.createQuery("select f from Finding f where f.study.id in :studies and "
                        + ABOUT + " order by f.study.id, f.position", Finding.class)
                .setParameter("studies", studyIds).setParameter("ids", conceptIds).setParameter("visible", VISIBLE)
                .getResultList();
        return byStudy(found);
    }

    private Map<Long, List<Finding>> allFindings(Collection<Long> studyIds) {
        List<Finding> found = entityManager.createQuery("""
                        select f from Finding f where f.study.id in :studies and f.reviewStatus in :visible
                        and exists (select 1 from FindingEffect e where e.finding = f)
                        order by f.study.id, f.position""", Finding.class)
                .setParameter("studies", studyIds).setParameter("visible", VISIBLE).getResultList();
        return byStudy(found);
    }

    private static Map<Long, List<Finding>> byStudy(List<Finding> found) {
        Map<Long, List<Finding>> result = new LinkedHashMap<>();
        for (Finding f : found) {
            List<Finding> list = result.computeIfAbsent(f.getStudyId(), k -> new ArrayList<>());
            if (list.size() < MAX_PER_ROW) {
                list.add(f);
            }
        }
        return result;
    }
}
