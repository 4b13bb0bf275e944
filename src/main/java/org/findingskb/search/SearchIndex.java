package org.findingskb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.findingskb.concept.Concept;
import org.findingskb.finding.Finding;
import org.findingskb.mechanism.Mechanism;
import org.findingskb.study.Study;

/**
 * Keeps the search index whole. JPA writes reach it by themselves, just after their database commit; what was
 * written around it (bulk JDBC inserts, an index directory deleted or lost, a process killed between the two
 * commits) is found at start-up and re-indexed. The check compares, per entity type, the number of rows and the sum
 * of their optimistic-lock versions in the database with the same figures in the index: an insert or delete the
 * index missed changes the count, an update it missed changes the sum. Both sides are single aggregate queries.
 */
@Component
public class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;
    private static final AggregationKey<Long> VERSION_SUM = AggregationKey.of("versionSum");

    /** The indexed entity types; concepts come first because the other types embed their names. */
    private static final List<Class<?>> INDEXED = List.of(Concept.class, Study.class, Mechanism.class, Finding.class);

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
     * Re-indexes every entity type whose index disagrees with the database (or all of them when {@code
     * kb.search.reindex-on-start} asks for it); returns the types it re-indexed.
     */
    public List<Class<?>> ensureComplete() {
        if (reindexOnStart) {
            log.info("Re-indexing everything, as kb.search.reindex-on-start asks");
            reindex(INDEXED);
            return INDEXED;
        }
        long started = System.nanoTime();
        List<Class<?>> stale = new ArrayList<>();
        for (Class<?> type : INDEXED) {
            Fingerprint inDatabase = transactions.execute(status -> fingerprintInDatabase(type));
            Fingerprint inIndex = transactions.execute(status -> fingerprintInIndex(type));
            if (!inDatabase.equals(inIndex)) {
                log.info("Search index of {} disagrees with the database ({} documents, version sum {}; {} rows,"
                        + " version sum {})", type.getSimpleName(), inIndex.count(), inIndex.versionSum(),
                        inDatabase.count(), inDatabase.versionSum());
                if (type == Concept.class) {
                    // Every other document embeds concept names, so a concept edit the index missed is in them too.
                    stale = new ArrayList<>(INDEXED);
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

    /** What the start-up check compares: how many entities of a type there are and the sum of their versions. */
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
