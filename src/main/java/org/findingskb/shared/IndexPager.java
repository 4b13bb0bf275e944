package org.findingskb.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.TypedSearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchQuery;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.engine.search.sort.dsl.SortOrder;
import org.hibernate.search.engine.search.sort.dsl.TypedSearchSortFactory;
import org.hibernate.search.mapper.orm.search.loading.dsl.SearchLoadingOptionsStep;
import org.hibernate.search.mapper.orm.session.SearchSession;

/**
 * Pages through an index query: offset pages over the first {@value #MAX_OFFSET_HITS} hits, cursors beyond.
 * A cursor continues after the last hit's sort values when the order is by numeric fields (cost independent
 * of depth), else from an offset; either way the total is counted once, for the first page.
 */
public final class IndexPager {

    public static final int MAX_OFFSET_HITS = 10_000;

    /**
     * The hit-count threshold of a query whose total is shown: counts are exact up to here. An int, because an
     * OpenSearch cluster refuses a {@code track_total_hits} beyond one ("Failed to parse int parameter").
     */
    public static final long EXACT_COUNT = Integer.MAX_VALUE;

    /** One key of a sort order; numeric keys allow keyset cursors, a {@code null} field is relevance. */
    public record SortKey(String field, boolean descending) {

        public static SortKey ascending(String field) {
            return new SortKey(field, false);
        }

        public static final SortKey RELEVANCE = new SortKey(null, true);
    }

    /** Builds the query: {@code after} restricts it to hits past those sort values, when not {@code null}. */
    public interface QueryFactory<H> {
        SearchQuery<H> create(List<Long> after, boolean countTotal);
    }

    private IndexPager() {
    }

    /**
     * A page of {@code queries}, whose sort is {@code sort}; {@code keysetValues} gives a hit's values for
     * numeric sort keys, or is {@code null} when the sort is not numeric throughout.
     */
    public static <H> ResultPage<H> page(PageQuery pageQuery, String cursorToken, int fingerprint, QueryFactory<H> queries,
            Function<H, List<Long>> keysetValues) {
        return page(pageQuery, cursorToken, fingerprint, queries, keysetValues, result -> { });
    }

    /**
     * A page of the entities of {@code type} that {@code where} selects, in the order {@code sort}: past a keyset
     * cursor's values, the total counted on the first page only, the query failing after {@code timeLimitMillis}.
     */
    public static <E> ResultPage<E> page(SearchSession session, Class<E> type, PageQuery pageQuery, String cursorToken,
            int fingerprint, List<SortKey> sort, Function<TypedSearchPredicateFactory<?>, PredicateFinalStep> where,
            Consumer<SearchLoadingOptionsStep> loading, long timeLimitMillis, Function<E, List<Long>> keysetValues) {
        return page(pageQuery, cursorToken, fingerprint, (after, countTotal) -> session.search(type)
                .where(f -> after == null ? where.apply(f) : f.bool().must(where.apply(f)).filter(after(f, sort, after)))
                .sort(f -> sort(f, sort))
                .loading(loading)
                .totalHitCountThreshold(countTotal ? EXACT_COUNT : 0)
                .failAfter(timeLimitMillis, TimeUnit.MILLISECONDS)
                .toQuery(), keysetValues);
    }

    /** As {@link #page}, also handing the raw result (with its aggregations) to {@code observer}. */
    public static <H> ResultPage<H> page(PageQuery pageQuery, String cursorToken, int fingerprint, QueryFactory<H> queries,
            Function<H, List<Long>> keysetValues, Consumer<SearchResult<H>> observer) {
        int size = pageQuery.pageSize();
        if (cursorToken != null && !cursorToken.isBlank()) {
            Cursor cursor = Cursor.decode(cursorToken, fingerprint);
            if (!cursor.isKeyset() && cursor.offset() > MAX_OFFSET_HITS - size) {
                // Issued cursors never get here (see next); the check keeps a future signing mistake from
                // turning into a deep, costly or failing fetch.
                throw InvalidParameter.of("cursor", "reaches past the first " + MAX_OFFSET_HITS + " results, which is"
                        + " as far as results in this order go: narrow the query");
            }
            int from = cursor.isKeyset() ? 0 : (int) cursor.offset();
            int fetch = withLookahead(from, size);
            SearchResult<H> result = queries.create(cursor.isKeyset() ? cursor.after() : null, false).fetch(from, fetch);
            observer.accept(result);
            List<H> hits = result.hits();
            long start = (long) cursor.pageNumber() * size;
            return new ResultPage<>(firstOf(hits, size), ResultPage.Metadata.of(size, cursor.pageNumber(), cursor.total()),
                    next(cursor.pageNumber(), start, hits, fetch > size, cursor.total(), size, fingerprint, keysetValues));
        }
        long offset = checkedOffset(pageQuery);
        int fetch = withLookahead(offset, size);
        SearchResult<H> result = queries.create(null, true).fetch((int) offset, fetch);
        observer.accept(result);
        long total = result.total().hitCount();
        List<H> hits = result.hits();
        return new ResultPage<>(firstOf(hits, size), ResultPage.Metadata.of(size, pageQuery.pageNumber(), total),
                next(pageQuery.pageNumber(), offset, hits, fetch > size, total, size, fingerprint, keysetValues));
    }

    /** The first hit of a numbered page; a page past the first {@value #MAX_OFFSET_HITS} hits is refused. */
    public static long checkedOffset(PageQuery pageQuery) {
        long offset = (long) pageQuery.pageNumber() * pageQuery.pageSize();
        if (offset + pageQuery.pageSize() > MAX_OFFSET_HITS) {
            throw InvalidParameter.of("page", "reaches past the first " + MAX_OFFSET_HITS + " results, which is as far as"
                    + " page numbers go: page on with the 'cursor' each page returns");
        }
        return offset;
    }

    /**
     * The numbered page {@code hits} make among an exact {@code total}, fetched in the query's order by other means
     * than the index, with the cursor an index query of the same {@code fingerprint} continues from.
     */
    public static <H> ResultPage<H> pageOf(PageQuery pageQuery, List<H> hits, long total, int fingerprint,
            Function<H, List<Long>> keysetValues) {
        int size = pageQuery.pageSize();
        return new ResultPage<>(hits, ResultPage.Metadata.of(size, pageQuery.pageNumber(), total),
                next(pageQuery.pageNumber(), (long) pageQuery.pageNumber() * size, hits, false, total, size, fingerprint,
                        keysetValues));
    }

    /**
     * One hit more than the page shows, where the index may still fetch it: whether it comes says whether a next
     * page exists, also where the total is only a lower bound (a capped count) or moved since it was counted.
     */
    private static int withLookahead(long offset, int size) {
        return offset + size + 1 <= MAX_OFFSET_HITS ? size + 1 : size;
    }

    private static <H> List<H> firstOf(List<H> hits, int size) {
        return hits.size() > size ? hits.subList(0, size) : hits;
    }

    /** The next page's cursor; {@code hits} holds the lookahead hit where one was fetched. */
    private static <H> String next(int pageNumber, long start, List<H> fetched, boolean lookedAhead, long total, int size,
            int fingerprint, Function<H, List<Long>> keysetValues) {
        boolean more = lookedAhead ? fetched.size() > size : fetched.size() == size && start + size < total;
        if (!more) {
            return null;
        }
        List<H> hits = firstOf(fetched, size);
        if (keysetValues == null && start + hits.size() + size > MAX_OFFSET_HITS) {
            return null; // an offset order (relevance) stops at the cap, as page numbers do
        }
        List<Long> after = keysetValues == null ? null : keysetValues.apply(hits.get(hits.size() - 1));
        return new Cursor(fingerprint, pageNumber + 1, total, start + hits.size(), after).encode();
    }

    /**
     * Hits strictly after {@code after} in the order of the numeric {@code keys}: (k1 > v1) or (k1 = v1 and
     * k2 > v2) or ..., with {@code >} read as {@code <} for descending keys.
     */
    public static PredicateFinalStep after(TypedSearchPredicateFactory<?> f, List<SortKey> keys, List<Long> after) {
        if (after.size() != keys.size()) {
            throw InvalidParameter.of("cursor", "does not fit this sort order");
        }
        return f.bool(any -> {
            for (int k = 0; k < keys.size(); k++) {
                int upTo = k;
                any.should(f.bool(all -> {
                    for (int i = 0; i < upTo; i++) {
                        all.filter(f.match().field(keys.get(i).field()).matching(after.get(i)));
                    }
                    SortKey key = keys.get(upTo);
                    var range = f.range().field(key.field());
                    all.filter(key.descending() ? range.lessThan(after.get(upTo)) : range.greaterThan(after.get(upTo)));
                }));
            }
        });
    }

    /** Whether every key is a numeric field, so that a keyset cursor can follow the order. */
    public static boolean keysetCapable(List<SortKey> keys, List<String> numericFields) {
        return keys.stream().allMatch(k -> k.field() != null && numericFields.contains(k.field()));
    }

    /**
     * The sort a list query uses: the one asked for in {@code pageQuery} (API field names mapped to index fields
     * by {@code sortable}, ties broken by {@code idField}), else {@code byRelevance} for a text query or
     * {@code unsorted} without one.
     */
    public static List<SortKey> sortOf(PageQuery pageQuery, Map<String, String> sortable, boolean textQuery,
            List<SortKey> unsorted, List<SortKey> byRelevance, String idField) {
        List<PageQuery.Order> asked = pageQuery.orders(sortable.keySet());
        if (asked.isEmpty()) {
            return textQuery ? byRelevance : unsorted;
        }
        return withTieBreak(asked.stream().map(o -> new SortKey(sortable.get(o.field()), o.descending())).toList(),
                idField);
    }

    /** The index sort for {@code keys}; documents without a value for a key come last. */
    public static SortFinalStep sort(TypedSearchSortFactory<?> f, List<SortKey> keys) {
        return f.composite(c -> keys.forEach(key -> c.add(key.field() == null ? f.score()
                : f.field(key.field()).order(key.descending() ? SortOrder.DESC : SortOrder.ASC).missing().last())));
    }

    static List<SortKey> withTieBreak(List<SortKey> keys, String idField) {
        List<SortKey> all = new ArrayList<>(keys);
        if (all.stream().noneMatch(k -> idField.equals(k.field()))) {
            all.add(SortKey.ascending(idField));
        }
        return all;
    }
}
