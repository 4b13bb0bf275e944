package org.findingskb.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitor;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitorContext;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitorCreateContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.findingskb.concept.Concept;
import org.findingskb.finding.Finding;
import org.findingskb.mechanism.Mechanism;
import org.findingskb.source.SourceDocument;
import org.findingskb.study.Study;

import org.findingskb.shared.KbProperties;

/**
 * Keeps the search index whole. JPA writes reach it by themselves, just after their database commit; what was
 * written around it is found at start-up and re-indexed:
 * <ul>
 * <li>after an orderly shutdown, rows written without JPA (bulk JDBC inserts) or an index directory deleted or
 * lost: the highest id of each table is compared with the highest id in its index, which costs the same at any
 * size;</li>
 * <li>after a run that did not stop in order (killed, crashed: the marker file it keeps in the index directory is
 * still there), writes cut off between the database commit and the index commit too: per type, the row count and
 * the sum of the optimistic-lock versions are compared with the same figures in the index (a missed insert or
 * delete changes the count, a missed edit the sum). Both are single aggregate queries, but they read every row,
 * so they are kept for this case.</li>
 * </ul>
 */
@Component
public class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;
    private static final AggregationKey<Long> VERSION_SUM = AggregationKey.of("versionSum");
    private static final String IN_USE_MARKER = "in-use";
    private static final String MAPPING_MARKER = "mapping-version";

    /**
     * The version of what documents hold ({@link SearchMapping}); raised when existing documents lack something
     * the queries now read (2: a finding's kind and certainty, a study's slug and source, sources' text; 3: the
     * embeddings of findings, mechanisms and studies), so that an index written before is rebuilt once rather than
     * answering with gaps. Turning meaning search on or off changes it too ({@link #mappingVersion}).
     */
    static final String MAPPING_VERSION = "3";
    private static final int ID_FETCH_SIZE = 1_000;

    /** Each indexed entity type with the name of its id field in the index; concepts first (see ensureComplete). */
    private static final Map<Class<?>, String> INDEXED = orderedMap(Concept.class, "id_ref", Study.class, "id_sort",
            Mechanism.class, "id_sort", Finding.class, "id_sort", SourceDocument.class, "id_sort");

    private final EntityManagerFactory entityManagerFactory;
    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final int loadingThreads;
    private final int batchSize;
    private final boolean reindexOnStart;
    private final Path inUseMarker;
    private final Path mappingMarker;
    /** {@link #MAPPING_VERSION}, and whether documents carry embeddings. */
    private final String mappingVersion;
    /** Until the index is rebuilt for {@link #mappingVersion}. */
    private volatile boolean mappingChanged;
    private final boolean previousRunStoppedInOrder;

    SearchIndex(EntityManagerFactory entityManagerFactory, EntityManager entityManager, TransactionTemplate transactions,
            KbProperties properties) throws IOException {
        Path indexRoot = properties.indexDirectory();
        // A restored knowledge base was written around JPA, and the index directory may hold another one's documents.
        this.reindexOnStart = properties.search().reindexOnStart() || properties.restore() != null;
        this.entityManagerFactory = entityManagerFactory;
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.loadingThreads = properties.search().massIndexing().threads();
        this.batchSize = properties.search().massIndexing().batchSize();
        this.inUseMarker = indexRoot.resolve(IN_USE_MARKER);
        this.previousRunStoppedInOrder = !Files.exists(inUseMarker);
        this.mappingMarker = indexRoot.resolve(MAPPING_MARKER);
        this.mappingVersion = MAPPING_VERSION + (properties.search().semantic().enabled() ? "+meaning" : "");
        this.mappingChanged = !Files.exists(mappingMarker)
                || !Files.readString(mappingMarker).strip().equals(mappingVersion);
        Files.createDirectories(indexRoot);
        Files.writeString(inUseMarker, "The search index is in use; this file is removed when the application stops"
                + " in order.\n");
    }

    /** The file whose presence at start-up says that the previous run did not stop in order. */
    public Path inUseMarker() {
        return inUseMarker;
    }

    /**
     * This run stops in order: the index commits what it holds in memory (writes return before Lucene commits),
     * and only then does the marker go, so the next start need not dig. A failed commit leaves the marker.
     */
    @PreDestroy
    void stoppedInOrder() throws IOException {
        Search.mapping(entityManagerFactory).scope(Object.class).workspace().flush();
        Files.deleteIfExists(inUseMarker);
    }

    /**
     * Re-indexes every entity type whose index disagrees with the database (or all of them when {@code
     * kb.search.reindex-on-start} or a restore asks for it); returns the types it re-indexed.
     */
    public List<Class<?>> ensureComplete() {
        List<Class<?>> all = List.copyOf(INDEXED.keySet());
        if (reindexOnStart || mappingChanged) {
            log.info(reindexOnStart ? "Re-indexing everything, as kb.search.reindex-on-start or kb.restore asks"
                    : "Re-indexing everything: the index was written for another mapping version than " + mappingVersion);
            reindex(all);
            markMappingVersion();
            return all;
        }
        long started = System.nanoTime();
        if (!previousRunStoppedInOrder) {
            log.info("The previous run did not stop in order: comparing row counts and versions with the search index");
        }
        List<Class<?>> stale = new ArrayList<>();
        for (Map.Entry<Class<?>, String> indexed : INDEXED.entrySet()) {
            Class<?> type = indexed.getKey();
            Object inDatabase = transactions.execute(status -> previousRunStoppedInOrder
                    ? highestIdInDatabase(type) : fingerprintInDatabase(type));
            Object inIndex = transactions.execute(status -> previousRunStoppedInOrder
                    ? highestIdInIndex(type, indexed.getValue()) : fingerprintInIndex(type));
            if (!Objects.equals(inDatabase, inIndex)) {
                log.info("Search index of {} disagrees with the database (index: {}, database: {})",
                        type.getSimpleName(), inIndex, inDatabase);
                if (type == Concept.class) {
                    // Every other document embeds concept names, so a concept edit the index missed is in them too.
                    stale = new ArrayList<>(all);
                    break;
                }
                stale.add(type);
            }
        }
        log.info("Search index checked against the database in {} ms", (System.nanoTime() - started) / 1_000_000);
        if (!stale.isEmpty()) {
            reindex(stale);
        }
        return stale;
    }

    private void markMappingVersion() {
        try {
            Files.writeString(mappingMarker, mappingVersion + "\n");
            mappingChanged = false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot write " + mappingMarker, e);
        }
    }

    /** Rebuilds the index of {@code types} from the database, logging progress with counts, rate and ETA. */
    public void reindex(List<Class<?>> types) {
        long started = System.nanoTime();
        boolean everything = types.containsAll(INDEXED.keySet());
        try {
            Search.mapping(entityManagerFactory).scope(types).massIndexer()
                    // Rebuilding every index (a restore, reindex-on-start): new empty indexes cost less than a purge.
                    .dropAndCreateSchemaOnStart(everything)
                    .purgeAllOnStart(!everything)
                    .typesToIndexInParallel(1)
                    .threadsToLoadObjects(loadingThreads)
                    .batchSizeToLoadObjects(batchSize)
                    // Ids are streamed in large fetches: one round trip per thousand ids rather than per hundred.
                    .idFetchSize(ID_FETCH_SIZE)
                    // A final merge into one segment rewrites every term vector: minutes at 10,000 studies, for
                    // little; Lucene's merge policy already keeps the number of segments small.
                    .mergeSegmentsOnFinish(false)
                    .monitor(new ProgressLog())
                    .startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Re-indexing was interrupted", e);
        }
        log.info("Search index rebuilt for {} in {} s", types.stream().map(Class::getSimpleName).toList(),
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
    }

    private Long highestIdInDatabase(Class<?> type) {
        return entityManager.createQuery("select max(e.id) from " + type.getSimpleName() + " e", Long.class)
                .getSingleResult();
    }

    private Long highestIdInIndex(Class<?> type, String idField) {
        List<Long> ids = Search.session(entityManager).search(type)
                .select(f -> f.field(idField, Long.class))
                .where(f -> f.matchAll())
                .sort(f -> f.field(idField).desc())
                .fetchHits(1);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private Fingerprint fingerprintInDatabase(Class<?> type) {
        Object[] row = entityManager.createQuery("select count(e), coalesce(sum(e.version), 0) from "
                + type.getSimpleName() + " e", Object[].class).getSingleResult();
        return new Fingerprint(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    private Fingerprint fingerprintInIndex(Class<?> type) {
        SearchResult<?> result = Search.session(entityManager).search(type)
                .where(f -> f.matchAll())
                .aggregation(VERSION_SUM, f -> f.sum().field("version", Long.class))
                .fetch(0);
        Long sum = result.aggregation(VERSION_SUM);
        return new Fingerprint(result.total().hitCount(), sum == null ? 0 : sum);
    }

    private static Map<Class<?>, String> orderedMap(Object... typesAndFields) {
        Map<Class<?>, String> map = new LinkedHashMap<>();
        for (int i = 0; i < typesAndFields.length; i += 2) {
            map.put((Class<?>) typesAndFields[i], (String) typesAndFields[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** What the check after a disorderly stop compares: how many entities of a type there are, their versions' sum. */
    private record Fingerprint(long count, long versionSum) {
    }

    /** Logs how far a re-index has come, at most every few seconds. */
    private static final class ProgressLog implements MassIndexingMonitor {

        private final AtomicLong total = new AtomicLong();
        private final AtomicLong done = new AtomicLong();
        private final AtomicLong lastLog = new AtomicLong(System.nanoTime());
        private final long started = System.nanoTime();

        @Override
        public MassIndexingTypeGroupMonitor typeGroupMonitor(MassIndexingTypeGroupMonitorCreateContext context) {
            context.totalCount().ifPresent(total::addAndGet);
            return new MassIndexingTypeGroupMonitor() {
                @Override
                public void documentsIndexed(long increment) {
                }

                @Override
                public void indexingStarted(MassIndexingTypeGroupMonitorContext context) {
                }

                @Override
                public void indexingCompleted(MassIndexingTypeGroupMonitorContext context) {
                }
            };
        }

        @Override
        public void documentsAdded(long increment) {
            long now = System.nanoTime();
            long count = done.addAndGet(increment);
            long last = lastLog.get();
            if (now - last >= PROGRESS_EVERY_NANOS && lastLog.compareAndSet(last, now)) {
                double rate = count / ((now - started) / 1e9);
                long remaining = Math.max(0, total.get() - count);
                log.info("Indexing: {}/{} documents, {} documents/s, ETA {} s", count, total.get(), Math.round(rate),
                        Math.round(remaining / Math.max(rate, 1)));
            }
        }

        @Override
        public void documentsBuilt(long increment) {
        }

        @Override
        public void entitiesLoaded(long increment) {
        }

        @Override
        public void indexingCompleted() {
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info("Indexing: {} documents in {} s ({} documents/s)", done.get(), String.format("%.1f", seconds),
                    Math.round(done.get() / Math.max(seconds, 1e-3)));
        }
    }
}
