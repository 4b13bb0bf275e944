package org.findingskb.finding;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.hibernate.graph.GraphSemantic;
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
public class FindingService {

    /** API sort fields and the index fields they sort on. */
    private static final Map<String, String> SORTABLE = Map.of("id", "id_sort", "kind", "kind", "timescale", "timescale");

    /** Findings read in the order their sources state them. */
    private static final List<SortKey> SOURCE_ORDER = List.of(SortKey.ascending("studyId"),
            SortKey.ascending("position"), SortKey.ascending("id_sort"));
    private static final List<String> NUMERIC = List.of("studyId", "position", "id_sort");

    /** Fields a text query searches: the statement and the names of the concepts it mentions. */
    static final String[] TEXT_FIELDS = {"statement", "concepts.name", "concepts.synonyms.name"};

    /** The time budget of one index query ({@code kb.search.timeout}). */
    private final long queryMillis;
    private final FindingRepository findings;
    private final ConceptService concepts;
    private final EntityManager entityManager;
    private final SourceOrderPages sourceOrder;

    FindingService(FindingRepository findings, ConceptService concepts, EntityManager entityManager,
            KbProperties properties, SourceOrderPages sourceOrder) {
        this.queryMillis = properties.search().timeout().toMillis();
        this.sourceOrder = sourceOrder;
        this.findings = findings;
        this.concepts = concepts;
        this.entityManager = entityManager;
    }

    @Cacheable(cacheNames = ReadCaching.CACHE, keyGenerator = ReadCaching.KEYS)
    public FindingResponse get(long id) {
        return findings.findWhole(id).map(FindingResponse::from).orElseThrow(() -> FindingNotFound.withId(id));
    }

    public ResultPage<FindingResponse> find(FindingFilter filter, PageQuery pageQuery) {
        return find(filter, pageQuery, null);
    }

    /**
     * A page of the findings {@code filter} selects, from the search index: relevance order for a text query,
     * else the order the sources state them in, unless a sort is asked for. The page's findings are then
     * loaded with their evidence, concepts and mechanisms in one statement per association.
     */
    @Cacheable(cacheNames = ReadCaching.CACHE, keyGenerator = ReadCaching.KEYS)
    public ResultPage<FindingResponse> find(FindingFilter filter, PageQuery pageQuery, String cursor) {
        UserQuery q = UserQuery.of(filter.q());
        List<Long> conceptIds = concepts.idsFilteredBy(filter.concept());
        if (conceptIds != null && conceptIds.isEmpty()) {
            return ResultPage.empty(pageQuery.pageSize());
        }
        List<SortKey> sort = IndexPager.sortOf(pageQuery, SORTABLE, q != null,
                SOURCE_ORDER,
                List.of(SortKey.RELEVANCE, SortKey.ascending("id_sort")), "id_sort");
        int fingerprint = Cursor.fingerprint(q, filter.studyId(), filter.kind(), filter.timescale(), filter.certainty(),
                conceptIds, filter.conceptType(), new TreeSet<>(filter.reviewStatuses()), filter.needsReview(), sort,
                pageQuery.pageSize());
        boolean keyset = IndexPager.keysetCapable(sort, NUMERIC);
        Function<Finding, List<Long>> keysetValues = keyset
                ? hit -> sort.stream().map(key -> keyValue(hit, key.field())).toList() : null;
        if ((cursor == null || cursor.isBlank()) && sort.equals(SOURCE_ORDER) && filter.selectsAllVisible()) {
            SourceOrderPages.Page page = sourceOrder.page(IndexPager.checkedOffset(pageQuery), pageQuery.pageSize());
            if (page != null) {
                return IndexPager.pageOf(pageQuery, whole(page.ids()), page.total(), fingerprint, keysetValues)
                        .map(FindingResponse::from);
            }
        }
        return IndexPager.page(Search.session(entityManager), Finding.class, pageQuery, cursor,
                fingerprint, sort, f -> f.bool(b -> {
                    b.must(UserQuery.matching(q, f, TEXT_FIELDS));
                    b.filter(f.terms().field("reviewStatus").matchingAny(filter.reviewStatuses()));
                    if (filter.needsReview() != null) {
                        b.filter(f.match().field("needsReview").matching(filter.needsReview()));
                    }
                    filter.filterAttributes(f, b);
                    if (conceptIds != null) {
                        b.filter(f.terms().field("concepts.id_ref").matchingAny(conceptIds));
                    }
                }),
                o -> o.graph(Finding.WHOLE, GraphSemantic.FETCH), queryMillis,
                keysetValues)
                .map(FindingResponse::from);
    }

    /** The findings with these ids, in this order, each with all it shows. */
    private List<Finding> whole(List<Long> ids) {
        Map<Long, Finding> byId = findings.findWhole(ids).stream()
                .collect(Collectors.toMap(Finding::getId, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static Long keyValue(Finding finding, String field) {
        return switch (field) {
            case "studyId" -> finding.getStudyId();
            case "position" -> (long) finding.getPosition();
            case "id_sort" -> finding.getId();
            default -> throw new IllegalArgumentException("Not a numeric sort field: " + field);
        };
    }
}
