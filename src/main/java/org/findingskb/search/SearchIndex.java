package org.findingskb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitor;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitorContext;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitorCreateContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.findingskb.concept.Concept;
import org.findingskb.finding.Finding;
import org.findingskb.mechanism.Mechanism;
import org.findingskb.study.Study;

/**
 * Keeps the search index whole. JPA writes reach it by themselves; what was written around it (bulk JDBC
 * inserts, an index directory deleted or lost) is found at start-up and re-indexed. The check reads the
 * highest id of each table and of each index, so it costs the same at any size.
 */
@Component
public class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    /** Each indexed entity with the name of its id field in the index. */
    private static final Map<Class<?>, String> INDEXED = Map.of(Concept.class, "id_ref", Study.class, "id_sort",
            Mechanism.class, "id_sort", Finding.class, "id_sort");

    private final EntityManagerFactory entityManagerFactory;
    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final int loadingThreads;
    private final int batchSize;
    private final boolean reindexOnStart;

    SearchIndex(EntityManagerFactory entityManagerFactory, EntityManager entityManager, TransactionTemplate transactions,
            @Value("${kb.search.mass-indexing.threads:2}") int loadingThreads,
            @Value("${kb.search.mass-indexing.batch-size:250}") int batchSize,
            @Value("${kb.search.reindex-on-start:false}") boolean reindexOnStart) {
        this.reindexOnStart = reindexOnStart;
        this.entityManagerFactory = entityManagerFactory;
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.loadingThreads = loadingThreads;
        this.batchSize = batchSize;
    }

    /**
     * Re-indexes every entity type whose index is missing entries (or all of them when {@code
     * kb.search.reindex-on-start} asks for it); returns the types it re-indexed.
     */
    public List<Class<?>> ensureComplete() {
        if (reindexOnStart) {
            List<Class<?>> all = List.copyOf(INDEXED.keySet());
            log.info("Re-indexing everything, as kb.search.reindex-on-start asks");
            reindex(all);
            return all;
        }
        List<Class<?>> stale = new ArrayList<>();
        INDEXED.forEach((type, idField) -> {
            Long inDatabase = transactions.execute(status -> highestIdInDatabase(type));
            Long inIndex = transactions.execute(status -> highestIdInIndex(type, idField));
            if (inDatabase != null && !inDatabase.equals(inIndex)) {
                log.info("Search index of {} is behind the database (highest id {} indexed, {} stored)",
                        type.getSimpleName(), inIndex, inDatabase);
                stale.add(type);
            }
        });
        if (!stale.isEmpty()) {
            reindex(stale);
        }
        return stale;
    }

    /** Rebuilds the index of {@code types} from the database, logging progress with counts, rate and ETA. */
    public void reindex(List<Class<?>> types) {
        long started = System.nanoTime();
        try {
            Search.mapping(entityManagerFactory).scope(types).massIndexer()
                    .purgeAllOnStart(true)
                    .typesToIndexInParallel(1)
                    .threadsToLoadObjects(loadingThreads)
                    .batchSizeToLoadObjects(batchSize)
                    .mergeSegmentsOnFinish(true)
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
