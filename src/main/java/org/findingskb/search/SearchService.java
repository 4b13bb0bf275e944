package org.findingskb.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.findingskb.finding.FindingKind;
import org.findingskb.mechanism.Timescale;
import org.findingskb.mechanism.Mechanism;
import org.findingskb.study.Study;
import org.findingskb.shared.InvalidParameter;
import org.findingskb.shared.KbProperties;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.ResultPage;
import org.findingskb.shared.ReadCaching;

import org.findingskb.shared.IndexPager;
import org.findingskb.shared.UserQuery;

/**
 * Searches findings, studies, mechanisms and concepts at once, by relevance, with highlighted snippets and
 * facet counts. Hits are built from the index alone: titles and study ids are stored there.
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
            Concept.class, List.of("name", "synonyms.name"));

    /** Fields whose matches make the snippet, in order of preference, with the types that have them. */
    private static final Map<String, List<Class<?>>> SNIPPET_FIELDS = snippetFields();
    private static final int FACET_STUDIES = 20;

    /** The time budget of one index query ({@code kb.search.timeout}). */
    private final long queryMillis;
    private final EntityManagerFactory entityManagerFactory;
    private final MeterRegistry meters;

    SearchService(EntityManagerFactory entityManagerFactory, MeterRegistry meters, KbProperties properties) {
        this.queryMillis = properties.search().timeout().toMillis();
        this.entityManagerFactory = entityManagerFactory;
        this.meters = meters;
    }

    /** What a search asks for besides the text: which types, and filters that apply to findings. */
    public record Filters(Set<String> types, Long studyId, FindingKind kind, Timescale timescale, Certainty certainty,
            ConceptType conceptType) {

        boolean findingsOnly() {
            return kind != null || timescale != null || certainty != null || conceptType != null;
        }
    }

    /**
     * Runs outside any transaction, on an entity manager of its own: hits and facets come from the index alone,
     * so a search never holds a database connection.
     */
    @Cacheable(cacheNames = ReadCaching.CACHE, keyGenerator = ReadCaching.KEYS)
    public SearchResponse search(String q, Filters filters, PageQuery pageQuery, String cursor) {
        Timer.Sample sample = Timer.start(meters);
        try (EntityManager entityManager = entityManagerFactory.createEntityManager()) {
            return search(Search.session(entityManager), q, filters, pageQuery, cursor);
        } finally {
            sample.stop(meters.timer("kb.search"));
        }
    }

    private SearchResponse search(SearchSession session, String q, Filters filters, PageQuery pageQuery, String cursor) {
        UserQuery query = UserQuery.of(q);
        if (query == null) {
            throw InvalidParameter.of("q", "is required: give words to search for");
        }
        List<Class<?>> types = typesFor(filters);
        if (types.isEmpty()) {
            return new SearchResponse(List.of(), ResultPage.Metadata.of(pageQuery.pageSize(), 0, 0), null,
                    facets(session, query, filters, List.of(), Map.of()));
        }
        int fingerprint = Cursor.fingerprint(query, filters, pageQuery.pageSize());
        // A highlight may only name fields that some searched type has.
        List<String> snippetFields = SNIPPET_FIELDS.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(types::contains)).map(Map.Entry::getKey).toList();
        AggregationKey<Map<String, Long>> byType = AggregationKey.of("type");
        Map<String, Long> typeCounts = new LinkedHashMap<>();
        ResultPage<List<?>> page = IndexPager.page(pageQuery, cursor, fingerprint, (after, countTotal) ->
                session.search(types)
                        .select(f -> {
                            List<SearchProjection<?>> columns = new ArrayList<>(List.of(f.entityReference().toProjection(),
                                    f.score().toProjection(), f.field("label", String.class).toProjection(),
                                    f.field("studyRef", Long.class).toProjection()));
                            snippetFields.forEach(field -> columns.add(f.highlight(field).toProjection()));
                            return f.composite().from(columns.toArray(SearchProjection<?>[]::new)).asList();
                        })
                        .where(f -> where(f, query, filters, types))
                        .highlighter(h -> h.unified().tag("<mark>", "</mark>").numberOfFragments(1)
                                .encoder(HighlighterEncoder.HTML))
                        .sort(f -> f.score())
                        .aggregation(byType, f -> f.terms().field("docType", String.class))
                        .totalHitCountThreshold(countTotal ? IndexPager.EXACT_COUNT : 0)
                        .failAfter(queryMillis, TimeUnit.MILLISECONDS)
                        .toQuery(), null, result -> typeCounts.putAll(result.aggregation(byType)));
        return new SearchResponse(page.content().stream().map(row -> hit(row, snippetFields.size())).toList(), page.page(),
                page.cursor(), facets(session, query, filters, types, typeCounts));
    }

    private static SearchHit hit(List<?> row, int snippetFields) {
        EntityReference reference = (EntityReference) row.get(0);
        String label = (String) row.get(2);
        String snippet = null;
        for (int i = 0; i < snippetFields && snippet == null; i++) {
            List<?> fragments = (List<?>) row.get(4 + i);
            snippet = fragments == null || fragments.isEmpty() ? null : (String) fragments.get(0);
        }
        return new SearchHit(reference.name().toLowerCase(Locale.ROOT), (Long) reference.id(), label,
                snippet != null ? snippet : HtmlUtils.htmlEscape(label), (Float) row.get(1), (Long) row.get(3));
    }

    /** Counts over every hit: per type, and for the findings among them per kind, timescale, certainty... */
    private SearchResponse.Facets facets(SearchSession session, UserQuery query, Filters filters, List<Class<?>> types,
            Map<String, Long> typeCounts) {
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
        SearchResult<Finding> result = session.search(Finding.class)
                .where(f -> where(f, query, filters, List.of(Finding.class)))
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

    /** The text query over the fields {@code types} have, and the filters. */
    private static PredicateFinalStep where(TypedSearchPredicateFactory<?> f, UserQuery query, Filters filters,
            List<Class<?>> types) {
        String[] fields = types.stream().flatMap(type -> TEXT_FIELDS.get(type).stream()).distinct()
                .toArray(String[]::new);
        return f.bool(b -> {
            b.must(query.on(f, fields));
            b.filter(f.match().field("visible").matching(true));
            if (filters.studyId() != null) {
                b.filter(f.match().field("studyId").matching(filters.studyId()));
            }
            if (filters.kind() != null) {
                b.filter(f.match().field("kind").matching(filters.kind()));
            }
            if (filters.timescale() != null) {
                b.filter(f.match().field("timescale").matching(filters.timescale()));
            }
            if (filters.certainty() != null) {
                b.filter(f.match().field("certainty").matching(filters.certainty()));
            }
            if (filters.conceptType() != null) {
                b.filter(f.match().field("concepts.type").matching(filters.conceptType()));
            }
        });
    }

    private static Map<String, List<Class<?>>> snippetFields() {
        Map<String, List<Class<?>>> fields = new LinkedHashMap<>();
        fields.put("statement", List.of(Finding.class));
        fields.put("title", List.of(Study.class));
        fields.put("description", List.of(Mechanism.class));
        fields.put("name", List.of(Mechanism.class, Concept.class));
        fields.put("institution", List.of(Study.class));
        return fields;
    }

    private static Map<String, Class<?>> orderedTypes() {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        types.put("finding", Finding.class);
        types.put("study", Study.class);
        types.put("mechanism", Mechanism.class);
        types.put("concept", Concept.class);
        return types;
    }
}
