package org.findingskb.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.engine.common.EntityReference;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.predicate.dsl.TypedSearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

import org.findingskb.shared.Cursor;
import org.findingskb.concept.Concept;
import org.findingskb.concept.ConceptType;
import org.findingskb.finding.Certainty;
import org.findingskb.finding.Finding;
import org.findingskb.finding.FindingFilter;
import org.findingskb.finding.FindingKind;
import org.findingskb.finding.FindingNotFound;
import org.findingskb.finding.FindingService;
import org.findingskb.mechanism.Timescale;
import org.findingskb.mechanism.Mechanism;
import org.findingskb.source.SourceDocument;
import org.findingskb.study.Study;
import org.findingskb.shared.InvalidParameter;
import org.findingskb.shared.KbProperties;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.ResultPage;
import org.findingskb.shared.ReadCaching;

import org.findingskb.shared.IndexPager;
import org.findingskb.shared.UserQuery;

/**
 * Searches findings, studies, mechanisms, concepts and the text of sources at once, by relevance, with highlighted
 * snippets and facet counts. Hits are built from the index alone: titles, study ids, a finding's kind, timescale and
 * certainty are stored there, and the studies a page names come from the study index in one query.
 */
@Service
public class SearchService {

    /** The searchable types, by the name the API uses for them. */
    public static final Map<String, Class<?>> TYPES = orderedTypes();

    /** The text fields of each type. */
    private static final Map<Class<?>, List<String>> TEXT_FIELDS = Map.of(
            Finding.class, List.of("statement", "concepts.name", "concepts.synonyms.name"),
            Study.class, List.of("title", "institution", "journal", "population", "researchers.name",
                    "interventions.name", "interventions.synonyms.name", "conditions.name", "conditions.synonyms.name"),
            Mechanism.class, List.of("name", "description", "brainRegions.name", "brainRegions.synonyms.name",
                    "pathways.name", "pathways.synonyms.name", "cellTypes.name", "cellTypes.synonyms.name",
                    "interventions.name", "interventions.synonyms.name"),
            Concept.class, List.of("name", "synonyms.name"),
            SourceDocument.class, List.of("text"));

    /** Fields whose matches make the snippet, in order of preference, with the types that have them. */
    private static final Map<String, List<Class<?>>> SNIPPET_FIELDS = snippetFields();
    private static final int FACET_STUDIES = 20;
    private static final String SOURCE_ENTITY = SourceDocument.class.getSimpleName();
    /** The studies one page of hits can name: one per hit, and a few per source. */
    private static final int STUDIES_PER_PAGE = 4 * PageQuery.MAX_SIZE;
    /** Where the highlights start in a hit's projection: after reference, score, label, study, kind, timescale... */
    private static final int FIRST_SNIPPET = 8;

    /**
     * How far a search without facets counts its hits: past it the index stops counting, so a query matching much
     * of the knowledge base costs no more than one matching a thousand documents. {@code totalElements} is then a
     * lower bound, and {@code totalElementsExact} says so; pages go on all the same (each looks one hit ahead).
     */
    public static final int COUNTED_UP_TO = 1_000;

    /** The types that have a meaning to search by. */
    private static final List<Class<?>> EMBEDDED = List.of(Finding.class, Study.class, Mechanism.class);

    /**
     * What closeness in meaning weighs beside the words in a hybrid search. A neighbour's score is between 0 and 1
     * (1: the same direction), a word match's mostly between 1 and 10, so meaning reorders hits that match the
     * words about equally well, and a much better word match still comes first.
     */
    private static final float MEANING_WEIGHT = 3f;

    /** The time budget of one index query ({@code kb.search.timeout}). */
    private final long queryMillis;
    private final EntityManagerFactory entityManagerFactory;
    private final MeterRegistry meters;
    private final Embeddings embeddings;
    private final FindingService findings;

    SearchService(EntityManagerFactory entityManagerFactory, MeterRegistry meters, KbProperties properties,
            Embeddings embeddings, FindingService findings) {
        this.queryMillis = properties.search().timeout().toMillis();
        this.entityManagerFactory = entityManagerFactory;
        this.meters = meters;
        this.embeddings = embeddings;
        this.findings = findings;
    }

    /**
     * How one search ranks: the mode that runs (keyword when there are no words or meaning search is off) and, for
     * the others, the query's vector and how many neighbours to consider. A hybrid search whose words match no
     * finding, study or mechanism adds neighbours to the word matches ({@code union}).
     */
    record Ranking(SearchMode mode, float[] vector, int candidates, float minSimilarity, boolean union) {

        static final Ranking KEYWORD = new Ranking(SearchMode.KEYWORD, null, 0, 0, false);

        /** This ranking as {@code other}; {@code null}: a hybrid that adds the close neighbours to the word matches. */
        Ranking as(SearchMode other) {
            return new Ranking(other == null ? SearchMode.HYBRID : other, vector, candidates, minSimilarity,
                    other == null);
        }
    }

    /** What a search asks for besides the text: which types, and filters that apply to findings. */
    public record Filters(Set<String> types, Long studyId, FindingKind kind, Timescale timescale, Certainty certainty,
            ConceptType conceptType) {

        boolean findingsOnly() {
            return kind != null || timescale != null || certainty != null || conceptType != null;
        }

        /** The same filters as a findings query has them; a study id also filters mechanisms. */
        FindingFilter asFindingFilter() {
            return new FindingFilter(null, studyId, kind, timescale, certainty, null, conceptType, null);
        }
    }

    /**
     * Runs outside any transaction, on an entity manager of its own: hits and facets come from the index alone,
     * so a search never holds a database connection. Without words ({@code q} absent or blank) it browses: every
     * document the filters let through. Facets cost an aggregation over every hit, so they are counted only when
     * asked for; without them the total is counted up to {@link #COUNTED_UP_TO} only.
     */
    @Cacheable(cacheNames = ReadCaching.CACHE, keyGenerator = ReadCaching.KEYS)
    public SearchResponse search(String q, Filters filters, PageQuery pageQuery, String cursor, boolean withFacets,
            SearchMode mode) {
        Timer.Sample sample = Timer.start(meters);
        try (EntityManager entityManager = entityManagerFactory.createEntityManager()) {
            SearchSession session = Search.session(entityManager);
            UserQuery query = UserQuery.of(q);
            List<Class<?>> types = typesFor(filters);
            Ranking ranking = ranking(q, query, types, mode);
            if (ranking.mode() == SearchMode.SEMANTIC) {
                types = types.stream().filter(EMBEDDED::contains).toList();
            }
            boolean firstPage = cursor == null || cursor.isBlank();
            if (ranking.mode() == SearchMode.HYBRID && !firstPage && !wordsMatch(session, query, filters, types)) {
                // A later page goes on in the ranking its cursor was made in; the first page's hits decide it.
                ranking = ranking.as(null);
            }
            return search(session, query, filters, types, ranking, pageQuery, cursor, withFacets,
                    ranking.mode() == SearchMode.HYBRID && firstPage);
        } finally {
            sample.stop(meters.timer("kb.search"));
        }
    }

    /**
     * The mode that runs. Hybrid ranks the findings, studies and mechanisms that match the words by words and
     * meaning, so that the hits (and their total and facets) are those of the words. When none of them matches every
     * word (as with most questions in plain English, whose words only a whole article's text may hold), it adds the
     * nearest in meaning to whatever matches the words ({@link #wordsMatch}).
     */
    private Ranking ranking(String q, UserQuery query, List<Class<?>> types, SearchMode mode) {
        if (query == null || mode == SearchMode.KEYWORD || !embeddings.enabled()
                || types.stream().noneMatch(EMBEDDED::contains)) {
            return Ranking.KEYWORD;
        }
        float[] vector = embeddings.embedQuery(q);
        if (vector == null) {
            return Ranking.KEYWORD;
        }
        return new Ranking(mode == SearchMode.SEMANTIC ? SearchMode.SEMANTIC : SearchMode.HYBRID, vector,
                embeddings.candidates(), embeddings.minSimilarity(), false);
    }

    /** Whether the words match a finding, study or mechanism: a count that stops at the first hit. */
    private boolean wordsMatch(SearchSession session, UserQuery query, Filters filters, List<Class<?>> types) {
        List<Class<?>> embedded = types.stream().filter(EMBEDDED::contains).toList();
        return session.search(embedded)
                .where(f -> where(f, query, filters, embedded, Ranking.KEYWORD))
                .totalHitCountThreshold(1)
                .failAfter(queryMillis, TimeUnit.MILLISECONDS)
                .fetch(0).total().hitCountLowerBound() > 0;
    }

    /**
     * Whether the words match a finding, study or mechanism, read from the first page of a hybrid search, which
     * holds only hits that match the words: yes when it shows one; no when there is no hit or the page shows every
     * one. Only a page full of other hits with more to come needs {@link #wordsMatch(SearchSession, UserQuery,
     * Filters, List)}.
     */
    private boolean wordsMatch(SearchSession session, UserQuery query, Filters filters, List<Class<?>> types,
            List<List<?>> rows, long total, boolean totalExact, PageQuery pageQuery) {
        if (rows.stream().anyMatch(row -> EMBEDDED.contains(((EntityReference) row.get(0)).type()))) {
            return true;
        }
        if (total == 0 || pageQuery.pageNumber() == 0 && totalExact && total <= rows.size()) {
            return false;
        }
        return wordsMatch(session, query, filters, types);
    }

    /**
     * One page of hits ranked as {@code ranking} says. {@code undecided}: a hybrid first page, which runs as though
     * the words matched a finding, study or mechanism, and again with the neighbours added when they match none.
     */
    private SearchResponse search(SearchSession session, UserQuery query, Filters filters, List<Class<?>> types,
            Ranking ranking, PageQuery pageQuery, String cursor, boolean withFacets, boolean undecided) {
        if (types.isEmpty()) {
            return new SearchResponse(List.of(), SearchResponse.Page.of(pageQuery.pageSize(), 0, 0, true), null,
                    withFacets ? facets(session, query, filters, List.of(), Map.of(), ranking) : null,
                    ranking.mode(), null);
        }
        // Facets change no hit: a cursor serves with or without them.
        int fingerprint = Cursor.fingerprint(query, filters, pageQuery.pageSize(), ranking.mode(), ranking.union());
        // A highlight may only name fields that some searched type has.
        List<String> snippetFields = SNIPPET_FIELDS.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(types::contains)).map(Map.Entry::getKey).toList();
        boolean sources = types.contains(SourceDocument.class);
        AggregationKey<Map<String, Long>> byType = AggregationKey.of("type");
        Map<String, Long> typeCounts = new LinkedHashMap<>();
        boolean[] exact = {true};
        ResultPage<List<?>> page = IndexPager.page(pageQuery, cursor, fingerprint, (after, countTotal) -> {
            var search = session.search(types)
                    .select(f -> {
                        List<SearchProjection<?>> columns = new ArrayList<>(List.of(f.entityReference().toProjection(),
                                f.score().toProjection(), f.field("label", String.class).toProjection(),
                                f.field("studyRef", Long.class).toProjection()));
                        columns.add(types.contains(Finding.class)
                                ? f.field("kind", FindingKind.class).toProjection() : f.constant(null).toProjection());
                        columns.add(types.contains(Finding.class) || types.contains(Mechanism.class)
                                ? f.field("timescale", Timescale.class).toProjection() : f.constant(null).toProjection());
                        columns.add(types.contains(Finding.class)
                                ? f.field("certainty", Certainty.class).toProjection() : f.constant(null).toProjection());
                        // A source's text, to place its passage: only where a passage was asked for.
                        columns.add(sources && query != null
                                ? f.field("text", String.class).toProjection() : f.constant(null).toProjection());
                        snippetFields.forEach(field -> columns.add(f.highlight(field).toProjection()));
                        return f.composite().from(columns.toArray(SearchProjection<?>[]::new)).asList();
                    })
                    .where(f -> where(f, query, filters, types, ranking))
                    .highlighter(h -> h.unified().tag("<mark>", "</mark>").numberOfFragments(1)
                            .encoder(HighlighterEncoder.HTML))
                    .sort(f -> f.score());
            if (withFacets) {
                search = search.aggregation(byType, f -> f.terms().field("docType", String.class));
            }
            // Facets visit every hit anyway, so their total is exact; without them the count may stop early.
            return search.totalHitCountThreshold(!countTotal ? 0 : withFacets ? IndexPager.EXACT_COUNT : COUNTED_UP_TO)
                    .failAfter(queryMillis, TimeUnit.MILLISECONDS)
                    .toQuery();
        }, null, result -> {
            if (withFacets) {
                typeCounts.putAll(result.aggregation(byType));
            }
            exact[0] = withFacets || result.total().isHitCountExact();
        });
        List<List<?>> rows = page.content();
        // With facets the type counts add up to the exact total; later pages without them carry the first page's,
        // exact when below the cap.
        long total = withFacets ? typeCounts.values().stream().mapToLong(Long::longValue).sum()
                : page.page().totalElements();
        boolean totalExact = cursor == null || cursor.isBlank() ? exact[0] : withFacets || total < COUNTED_UP_TO;
        if (undecided && !wordsMatch(session, query, filters, types, rows, total, totalExact, pageQuery)) {
            return search(session, query, filters, types, ranking.as(null), pageQuery, cursor, withFacets, false);
        }
        Map<Long, SearchHit.StudyRef> studies = new LinkedHashMap<>();
        Map<Long, SearchHit.StudyRef> studiesBySource = new LinkedHashMap<>();
        studyRefs(session, rows, studies, studiesBySource);
        return new SearchResponse(rows.stream().map(row -> hit(row, snippetFields.size(), studies, studiesBySource))
                .toList(), SearchResponse.Page.of(page.page().size(), page.page().number(), total, totalExact),
                page.cursor(), withFacets ? facets(session, query, filters, types, typeCounts, ranking) : null,
                ranking.mode(), null);
    }

    private static SearchHit hit(List<?> row, int snippetFields, Map<Long, SearchHit.StudyRef> studies,
            Map<Long, SearchHit.StudyRef> studiesBySource) {
        EntityReference reference = (EntityReference) row.get(0);
        String type = reference.name().equals(SOURCE_ENTITY) ? "source"
                : reference.name().toLowerCase(Locale.ROOT);
        Long id = (Long) reference.id();
        String label = (String) row.get(2);
        if (label == null) {
            label = type.equals("source") ? "Source " + id : "";
        }
        String snippet = null;
        for (int i = 0; i < snippetFields && snippet == null; i++) {
            List<?> fragments = (List<?>) row.get(FIRST_SNIPPET + i);
            snippet = fragments == null || fragments.isEmpty() ? null : (String) fragments.get(0);
        }
        Long studyId = (Long) row.get(3);
        SearchHit.StudyRef study = studyId == null ? null : studies.get(studyId);
        Integer start = null;
        Integer end = null;
        String text = (String) row.get(7);
        if (type.equals("source")) {
            study = studiesBySource.get(id);
            studyId = study == null ? null : study.id();
            Passage passage = snippet == null || text == null ? null : Passage.of(snippet, text);
            if (passage != null) {
                snippet = passage.snippet();
                start = passage.start();
                end = passage.end();
            }
        }
        return new SearchHit(type, id, label, snippet != null ? snippet : HtmlUtils.htmlEscape(label), (Float) row.get(1),
                studyId, (FindingKind) row.get(4), (Timescale) row.get(5), (Certainty) row.get(6), study, start, end);
    }

    /**
     * The studies the hits of a page belong to (by id) and report their sources (by source id): one index query
     * for the page, so that hits name their study without a database round trip.
     */
    private static void studyRefs(SearchSession session, List<List<?>> rows, Map<Long, SearchHit.StudyRef> byId,
            Map<Long, SearchHit.StudyRef> bySource) {
        Set<Long> ids = new LinkedHashSet<>();
        Set<Long> sourceIds = new LinkedHashSet<>();
        for (List<?> row : rows) {
            EntityReference reference = (EntityReference) row.get(0);
            if (reference.name().equals(SOURCE_ENTITY)) {
                sourceIds.add((Long) reference.id());
            } else if (row.get(3) != null) {
                ids.add((Long) row.get(3));
            }
        }
        studyRefs(session, ids, sourceIds, byId, bySource);
    }

    private static void studyRefs(SearchSession session, Set<Long> ids, Set<Long> sourceIds,
            Map<Long, SearchHit.StudyRef> byId, Map<Long, SearchHit.StudyRef> bySource) {
        if (ids.isEmpty() && sourceIds.isEmpty()) {
            return;
        }
        session.search(Study.class)
                .select(f -> f.composite().from(f.field("id_sort", Long.class), f.field("slug", String.class),
                        f.field("label", String.class), f.field("sourceId", Long.class)).asList())
                .where(f -> f.bool(b -> {
                    if (!ids.isEmpty()) {
                        b.should(f.terms().field("id_sort").matchingAny(ids));
                    }
                    if (!sourceIds.isEmpty()) {
                        b.should(f.terms().field("sourceId").matchingAny(sourceIds));
                    }
                }))
                .sort(f -> f.field("id_sort"))
                .fetchHits(STUDIES_PER_PAGE)
                .forEach(row -> {
                    SearchHit.StudyRef ref = new SearchHit.StudyRef((Long) row.get(0), (String) row.get(1),
                            (String) row.get(2));
                    byId.put(ref.id(), ref);
                    if (row.get(3) != null) {
                        // A source that reports several studies names the first.
                        bySource.putIfAbsent((Long) row.get(3), ref);
                    }
                });
    }

    /**
     * The findings of other studies nearest a finding in meaning, most similar first: the neighbours come from the
     * index (where the finding's own vector is stored), each finding from its service. Withdrawn findings are left
     * out; without meaning search there are none.
     *
     * @throws FindingNotFound when no finding has that id
     */
    @Cacheable(cacheNames = ReadCaching.CACHE, keyGenerator = ReadCaching.KEYS)
    public List<RelatedFinding> related(long findingId, int size) {
        try (EntityManager entityManager = entityManagerFactory.createEntityManager()) {
            SearchSession session = Search.session(entityManager);
            List<List<?>> own = session.search(Finding.class)
                    .select(f -> f.composite().from(f.field("studyId", Long.class),
                            embeddings.enabled() ? f.field(SearchMapping.MEANING, float[].class)
                                    : f.constant(null)).asList())
                    .where(f -> f.match().field("id_sort").matching(findingId))
                    .fetchHits(1);
            if (own.isEmpty()) {
                throw FindingNotFound.withId(findingId);
            }
            Long studyId = (Long) own.get(0).get(0);
            float[] vector = (float[]) own.get(0).get(1);
            if (vector == null) {
                return List.of();
            }
            List<List<?>> rows = session.search(Finding.class)
                    .select(f -> f.composite().from(f.id(Long.class), f.score(), f.field("studyId", Long.class))
                            .asList())
                    .where(f -> f.knn(size).field(SearchMapping.MEANING).matching(vector)
                            .filter(f.bool(b -> {
                                b.filter(f.match().field("visible").matching(true));
                                if (studyId != null) {
                                    b.mustNot(f.match().field("studyId").matching(studyId));
                                }
                            })))
                    .sort(f -> f.score())
                    .failAfter(queryMillis, TimeUnit.MILLISECONDS)
                    .fetchHits(size);
            Map<Long, SearchHit.StudyRef> studies = new LinkedHashMap<>();
            studyRefs(session, rows.stream().map(row -> (Long) row.get(2)).collect(java.util.stream.Collectors.toSet()),
                    Set.of(), studies, new LinkedHashMap<>());
            List<RelatedFinding> related = new ArrayList<>();
            for (List<?> row : rows) {
                try {
                    related.add(new RelatedFinding(findings.get((Long) row.get(0)),
                            RelatedFinding.similarity((Float) row.get(1)), studies.get((Long) row.get(2))));
                } catch (FindingNotFound deletedSinceIndexed) {
                    // The index may lag a deletion by a poll (elasticsearch profile): the finding is simply gone.
                }
            }
            return related;
        }
    }

    /** Counts over every hit: per type, and for the findings among them per kind, timescale, certainty... */
    private SearchResponse.Facets facets(SearchSession session, UserQuery query, Filters filters, List<Class<?>> types,
            Map<String, Long> typeCounts, Ranking ranking) {
        Map<String, Long> byType = new LinkedHashMap<>();
        TYPES.keySet().forEach(name -> byType.put(name, typeCounts.getOrDefault(name, 0L)));
        if (!types.contains(Finding.class)) {
            return new SearchResponse.Facets(byType, Map.of(), Map.of(), Map.of(), Map.of(), List.of());
        }
        AggregationKey<Map<FindingKind, Long>> kind = AggregationKey.of("kind");
        AggregationKey<Map<Timescale, Long>> timescale = AggregationKey.of("timescale");
        AggregationKey<Map<Certainty, Long>> certainty = AggregationKey.of("certainty");
        AggregationKey<Map<ConceptType, Long>> conceptType = AggregationKey.of("conceptType");
        AggregationKey<Map<Long, Long>> study = AggregationKey.of("study");
        // A hybrid search that ranks its word matches by meaning counts the same hits as the words alone: its
        // neighbours only reorder them, so the counts skip the nearest-neighbour search.
        Ranking counted = ranking.mode() == SearchMode.HYBRID && !ranking.union() ? Ranking.KEYWORD : ranking;
        SearchResult<Finding> result = session.search(Finding.class)
                .where(f -> where(f, query, filters, List.of(Finding.class), counted))
                .aggregation(kind, f -> f.terms().field("kind", FindingKind.class))
                .aggregation(timescale, f -> f.terms().field("timescale", Timescale.class))
                .aggregation(certainty, f -> f.terms().field("certainty", Certainty.class))
                .aggregation(conceptType, f -> f.terms().field("concepts.type", ConceptType.class))
                .aggregation(study, f -> f.terms().field("studyId", Long.class).maxTermCount(FACET_STUDIES))
                .failAfter(queryMillis, TimeUnit.MILLISECONDS)
                .fetch(0);
        Map<Long, Long> studyCounts = result.aggregation(study);
        Map<Long, String> titles = new LinkedHashMap<>();
        if (!studyCounts.isEmpty()) {
            session.search(Study.class)
                    .select(f -> f.composite().from(f.field("id_sort", Long.class), f.field("label", String.class)).asList())
                    .where(f -> f.terms().field("id_sort").matchingAny(studyCounts.keySet()))
                    .fetchHits(FACET_STUDIES)
                    .forEach(row -> titles.put((Long) row.get(0), (String) row.get(1)));
        }
        return new SearchResponse.Facets(byType, names(result.aggregation(kind)), names(result.aggregation(timescale)),
                names(result.aggregation(certainty)), names(result.aggregation(conceptType)),
                studyCounts.entrySet().stream()
                        .map(e -> new SearchResponse.StudyCount(e.getKey(), titles.get(e.getKey()), e.getValue()))
                        .toList());
    }

    private static <E extends Enum<E>> Map<String, Long> names(Map<E, Long> counts) {
        Map<String, Long> named = new LinkedHashMap<>();
        counts.forEach((value, count) -> named.put(value.name(), count));
        return named;
    }

    private List<Class<?>> typesFor(Filters filters) {
        List<Class<?>> types = new ArrayList<>();
        for (Map.Entry<String, Class<?>> type : TYPES.entrySet()) {
            boolean asked = filters.types() == null || filters.types().isEmpty() || filters.types().contains(type.getKey());
            boolean fits = (!filters.findingsOnly() || type.getValue() == Finding.class)
                    && (filters.studyId() == null || type.getValue() == Finding.class || type.getValue() == Mechanism.class);
            if (asked && fits) {
                types.add(type.getValue());
            }
        }
        return types;
    }

    /**
     * The query, ranked as {@code ranking} says: the words over the fields {@code types} have, the nearest
     * neighbours in meaning among the documents the filters let through, or the words ranked with their meaning;
     * and the filters.
     */
    private static PredicateFinalStep where(TypedSearchPredicateFactory<?> f, UserQuery query, Filters filters,
            List<Class<?>> types, Ranking ranking) {
        String[] fields = types.stream().flatMap(type -> TEXT_FIELDS.get(type).stream()).distinct()
                .toArray(String[]::new);
        return f.bool(b -> {
            switch (ranking.mode()) {
                case KEYWORD -> b.must(UserQuery.matching(query, f, fields));
                case SEMANTIC -> b.must(nearest(f, ranking, filters));
                case HYBRID -> b.must(ranking.union()
                        ? f.or(query.on(f, fields), nearest(f, ranking, filters)
                                .requiredMinimumSimilarity(ranking.minSimilarity()).boost(MEANING_WEIGHT))
                        : f.bool().must(query.on(f, fields)).should(nearest(f, ranking, filters).boost(MEANING_WEIGHT)));
            }
            b.filter(filtered(f, filters));
        });
    }

    /** The documents nearest the query in meaning, found among those the filters let through. */
    private static org.hibernate.search.engine.search.predicate.dsl.KnnPredicateOptionsStep<?> nearest(
            TypedSearchPredicateFactory<?> f, Ranking ranking, Filters filters) {
        return f.knn(ranking.candidates()).field(SearchMapping.MEANING).matching(ranking.vector())
                .filter(filtered(f, filters));
    }

    private static PredicateFinalStep filtered(TypedSearchPredicateFactory<?> f, Filters filters) {
        return f.bool(b -> {
            b.filter(f.match().field("visible").matching(true));
            filters.asFindingFilter().filterAttributes(f, b);
        });
    }

    private static Map<String, List<Class<?>>> snippetFields() {
        Map<String, List<Class<?>>> fields = new LinkedHashMap<>();
        fields.put("statement", List.of(Finding.class));
        fields.put("title", List.of(Study.class));
        fields.put("description", List.of(Mechanism.class));
        fields.put("name", List.of(Mechanism.class, Concept.class));
        fields.put("institution", List.of(Study.class));
        fields.put("text", List.of(SourceDocument.class));
        return fields;
    }

    private static Map<String, Class<?>> orderedTypes() {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        types.put("finding", Finding.class);
        types.put("study", Study.class);
        types.put("mechanism", Mechanism.class);
        types.put("concept", Concept.class);
        types.put("source", SourceDocument.class);
        return types;
    }
}
