package org.findingskb.mechanism;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.shared.KbProperties;
import org.findingskb.shared.Cursor;
import org.findingskb.concept.ConceptService;
import org.findingskb.shared.IndexPager;
import org.findingskb.shared.IndexPager.SortKey;
import org.findingskb.shared.UserQuery;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.ResultPage;
import org.findingskb.shared.ReadCaching;

@Service
@Transactional(readOnly = true)
public class MechanismService {

    /** API sort fields and the index fields they sort on. */
    private static final Map<String, String> SORTABLE = Map.of("id", "id_sort", "name", "name_sort",
            "timescale", "timescale");
    private static final List<SortKey> STUDY_ORDER = List.of(SortKey.ascending("studyId"), SortKey.ascending("id_sort"));
    private static final List<String> NUMERIC = List.of("studyId", "id_sort");

    /** The concept roles a mechanism has; a concept filter matches any of them. */
    private static final List<String> CONCEPT_ROLES = List.of("brainRegions", "pathways", "cellTypes", "interventions");
    private static final String[] TEXT_FIELDS = {"name", "description", "brainRegions.name",
            "brainRegions.synonyms.name", "pathways.name", "pathways.synonyms.name", "cellTypes.name",
            "cellTypes.synonyms.name", "interventions.name", "interventions.synonyms.name"};

    /** The time budget of one index query ({@code kb.search.timeout}). */
    private final long queryMillis;
    private final MechanismRepository mechanisms;
    private final ConceptService concepts;
    private final EntityManager entityManager;
    private final MechanismSupport support;

    MechanismService(MechanismRepository mechanisms, ConceptService concepts, EntityManager entityManager,
            MechanismSupport support, KbProperties properties) {
        this.queryMillis = properties.search().timeout().toMillis();
        this.mechanisms = mechanisms;
        this.concepts = concepts;
        this.entityManager = entityManager;
        this.support = support;
    }

    @Cacheable(cacheNames = ReadCaching.CACHE, keyGenerator = ReadCaching.KEYS)
    public MechanismResponse get(long id) {
        return responses(List.of(mechanisms.load(id))).get(0);
    }

    @Cacheable(cacheNames = ReadCaching.CACHE, keyGenerator = ReadCaching.KEYS)
    public List<MechanismResponse> ofStudy(long studyId) {
        return responses(mechanisms.findByStudy(studyId));
    }

    /** Responses for {@code page}, the findings that support them read in one query. */
    List<MechanismResponse> responses(List<Mechanism> page) {
        Map<Long, List<Long>> findingIds = support.findingIds(page.stream().map(Mechanism::getId).toList());
        return page.stream().map(m -> MechanismResponse.from(m, findingIds.getOrDefault(m.getId(), List.of()))).toList();
    }

    /** A page of mechanisms from the search index: by relevance for a text query, else by study. */
    @Cacheable(cacheNames = ReadCaching.CACHE, keyGenerator = ReadCaching.KEYS)
    public ResultPage<MechanismResponse> find(Long studyId, Timescale timescale, String concept, String q,
            PageQuery pageQuery, String cursor) {
        UserQuery query = UserQuery.of(q);
        List<Long> conceptIds = concepts.idsFilteredBy(concept);
        if (conceptIds != null && conceptIds.isEmpty()) {
            return ResultPage.empty(pageQuery.pageSize());
        }
        List<SortKey> sort = IndexPager.sortOf(pageQuery, SORTABLE, query != null,
                STUDY_ORDER,
                List.of(SortKey.RELEVANCE, SortKey.ascending("id_sort")), "id_sort");
        int fingerprint = Cursor.fingerprint(query, studyId, timescale, conceptIds, sort, pageQuery.pageSize());
        ResultPage<Mechanism> page = IndexPager.page(Search.session(entityManager), Mechanism.class, pageQuery, cursor,
                fingerprint, sort, f -> f.bool(b -> {
                    b.must(UserQuery.matching(query, f, TEXT_FIELDS));
                    if (studyId != null) {
                        b.filter(f.match().field("studyId").matching(studyId));
                    }
                    if (timescale != null) {
                        b.filter(f.match().field("timescale").matching(timescale));
                    }
                    if (conceptIds != null) {
                        b.filter(f.bool(any -> CONCEPT_ROLES.forEach(role ->
                                any.should(f.terms().field(role + ".id_ref").matchingAny(conceptIds)))));
                    }
                }),
                o -> { }, queryMillis,
                IndexPager.keysetCapable(sort, NUMERIC)
                        ? hit -> sort.stream().map(key -> key.field().equals("studyId") ? hit.getStudyId() : hit.getId()).toList()
                        : null);
        return new ResultPage<>(responses(page.content()), page.page(), page.cursor());
    }
}
