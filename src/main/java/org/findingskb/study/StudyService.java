package org.findingskb.study;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.shared.KbProperties;
import org.findingskb.shared.Cursor;
import org.findingskb.concept.ConceptService;
import org.findingskb.source.SourceDocument;
import org.findingskb.source.SourceService;
import org.findingskb.source.SourceService.SourceRef;
import org.findingskb.shared.IndexPager;
import org.findingskb.shared.IndexPager.SortKey;
import org.findingskb.shared.UserQuery;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.ResultPage;
import org.findingskb.shared.ReadCaching;

@Service
@Transactional(readOnly = true)
public class StudyService {

    /** API sort fields and the index fields they sort on. */
    private static final Map<String, String> SORTABLE = Map.of("id", "id_sort", "title", "title_sort");
    private static final String[] TEXT_FIELDS = {"title", "institution", "journal", "population", "researchers.name",
            "interventions.name", "interventions.synonyms.name", "conditions.name", "conditions.synonyms.name"};

    /** The time budget of one index query ({@code kb.search.timeout}). */
    private final long queryMillis;
    private final StudyRepository studies;
    private final StudyFindings findings;
    private final StudyMechanisms mechanisms;
    private final SourceService sources;
    private final ConceptService concepts;
    private final EntityManager entityManager;

    StudyService(StudyRepository studies, StudyFindings findings, StudyMechanisms mechanisms,
            SourceService sources, ConceptService concepts, EntityManager entityManager, KbProperties properties) {
        this.queryMillis = properties.search().timeout().toMillis();
        this.entityManager = entityManager;
        this.studies = studies;
        this.findings = findings;
        this.mechanisms = mechanisms;
        this.sources = sources;
        this.concepts = concepts;
    }

    @Cacheable(cacheNames = ReadCaching.CACHE, keyGenerator = ReadCaching.KEYS)
    public StudyResponse get(String idOrSlug) {
        return respond(load(idOrSlug));
    }

    StudyResponse respond(Study study) {
        return toResponses(List.of(study)).get(0);
    }

    /** The id of the study with this id or slug; 404 if there is none. */
    public long idOf(String idOrSlug) {
        return load(idOrSlug).getId();
    }

    public Study load(String idOrSlug) {
        String value = idOrSlug.strip();
        if (!value.isEmpty() && value.length() < 19 && value.chars().allMatch(Character::isDigit)) {
            return studies.findById(Long.parseLong(value)).orElseThrow(() -> StudyNotFound.withIdOrSlug(idOrSlug));
        }
        return studies.findBySlug(value.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> StudyNotFound.withIdOrSlug(idOrSlug));
    }

    /**
     * A page of studies from the search index: by relevance for a text query, else by id unless a sort is
     * asked for. A concept selects the studies that involve it (as intervention or condition) or whose
     * findings mention it.
     */
    @Cacheable(cacheNames = ReadCaching.CACHE, keyGenerator = ReadCaching.KEYS)
    public ResultPage<StudyResponse> find(String q, String concept, String journal, PageQuery pageQuery, String cursor) {
        UserQuery query = UserQuery.of(q);
        List<Long> conceptIds = concepts.idsFilteredBy(concept);
        if (conceptIds != null && conceptIds.isEmpty()) {
            return ResultPage.empty(pageQuery.pageSize());
        }
        List<Long> viaFindings = conceptIds == null ? List.of() : findings.studiesMentioning(conceptIds);
        String journalKey = journal == null || journal.isBlank() ? null : journal.strip();
        List<SortKey> sort = IndexPager.sortOf(pageQuery, SORTABLE, query != null,
                List.of(SortKey.ascending("id_sort")),
                List.of(SortKey.RELEVANCE, SortKey.ascending("id_sort")), "id_sort");
        int fingerprint = Cursor.fingerprint(query, conceptIds, journalKey, sort, pageQuery.pageSize());
        ResultPage<Study> page = IndexPager.page(Search.session(entityManager), Study.class, pageQuery, cursor,
                fingerprint, sort, f -> f.bool(b -> {
                    b.must(UserQuery.matching(query, f, TEXT_FIELDS));
                    if (journalKey != null) {
                        b.filter(f.match().field("journal_key").matching(journalKey));
                    }
                    if (conceptIds != null) {
                        b.filter(f.bool(any -> {
                            any.should(f.terms().field("interventions.id_ref").matchingAny(conceptIds));
                            any.should(f.terms().field("conditions.id_ref").matchingAny(conceptIds));
                            if (!viaFindings.isEmpty()) {
                                any.should(f.terms().field("id_sort").matchingAny(viaFindings));
                            }
                        }));
                    }
                }),
                o -> { }, queryMillis,
                IndexPager.keysetCapable(sort, List.of("id_sort")) ? hit -> List.of(hit.getId()) : null);
        return new ResultPage<>(toResponses(page.content()), page.page(), page.cursor());
    }

    /** Responses for {@code page}, with their counts and sources read in one query each. */
    private List<StudyResponse> toResponses(List<Study> page) {
        List<Long> ids = page.stream().map(Study::getId).toList();
        Map<Long, Long> findingCounts = findings.visibleCounts(ids);
        Map<Long, Long> mechanismCounts = mechanisms.counts(ids);
        Map<Long, SourceRef> sourceRefs = sources.refs(page.stream()
                .map(Study::getSource).filter(Objects::nonNull).map(SourceDocument::getId).toList());
        return page.stream().map(study -> StudyResponse.from(study,
                study.getSource() == null ? null : sourceRefs.get(study.getSource().getId()),
                findingCounts.getOrDefault(study.getId(), 0L),
                mechanismCounts.getOrDefault(study.getId(), 0L))).toList();
    }
}
