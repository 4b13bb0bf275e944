package org.findingskb.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.findingskb.shared.KbProperties;
import org.findingskb.shared.KnowledgeBaseChanges;
import org.findingskb.shared.StoredEntity;

/**
 * Computes the vectors of meaning after the writes that need them, on one thread of its own: it takes batches of
 * entities from {@link MeaningStore}'s queue, embeds their texts in one call of the model, keeps the vectors and
 * indexes the entities again, so search by meaning finds them a moment after their write answered. A sweep at
 * start-up, whenever the queue runs dry after work and every {@code kb.search.semantic.sweep-interval} embeds
 * every entity left without a vector (a full queue, a crash, another instance's writes), in id order, batch by batch.
 */
@Component
public class MeaningEmbedder {

    private static final Logger log = LoggerFactory.getLogger(MeaningEmbedder.class);
    private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

    private final Embeddings embeddings;
    private final MeaningStore meanings;
    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final Duration sweepInterval;
    private volatile Thread worker;
    private volatile boolean running;
    /** Until the start-up sweep has looked at every entity. */
    private volatile boolean sweeping = true;

    MeaningEmbedder(Embeddings embeddings, MeaningStore meanings, EntityManager entityManager,
            TransactionTemplate transactions, KbProperties properties) {
        this.embeddings = embeddings;
        this.meanings = meanings;
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.batchSize = properties.search().semantic().batchSize();
        this.sweepInterval = properties.search().semantic().sweepInterval();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!embeddings.enabled() || worker != null) {
            sweeping = false;
            return;
        }
        running = true;
        Thread thread = new Thread(this::work, "meaning-embedder");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            // A batch in the model finishes first (native code does not see the interrupt); seconds at most.
            thread.join(30_000);
        }
    }

    /**
     * Whether every entity written so far has its vector and is indexed with it: nothing queued or in hand, and the
     * start-up sweep done. For tests and operators; searches do not wait for it.
     */
    public boolean idle() {
        return !sweeping && !meanings.busy() && !meanings.dropped();
    }

    private void work() {
        long lastSweep = 0;
        boolean sweepDue = true;
        while (running) {
            try {
                if (sweepDue || System.nanoTime() - lastSweep >= sweepInterval.toNanos()) {
                    sweep();
                    lastSweep = System.nanoTime();
                    sweepDue = false;
                    sweeping = false;
                }
                List<MeaningStore.Key> batch = meanings.take(batchSize, 1, TimeUnit.SECONDS);
                if (batch.isEmpty()) {
                    // The queue ran dry: what it had no room for is found by a sweep now.
                    if (meanings.dropped()) {
                        sweeping = true;
                        sweepDue = meanings.takeDropped();
                    }
                    continue;
                }
                try {
                    Map<MeaningKind, List<Long>> byKind = new EnumMap<>(MeaningKind.class);
                    batch.forEach(key -> byKind.computeIfAbsent(key.kind(), k -> new ArrayList<>()).add(key.id()));
                    byKind.forEach(this::embed);
                } finally {
                    meanings.done(batch.size());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // The entities stay without a vector (or with one for an older text) until a sweep finds them.
                log.warn("Embedding findings, mechanisms or studies failed; a sweep tries again", e);
                sweepDue = true;
                sleepQuietly();
            }
        }
    }

    /** Embeds every entity that has no vector kept, batch by batch, logging progress on long runs. */
    private void sweep() {
        long started = System.nanoTime();
        long lastLog = started;
        long done = 0;
        for (MeaningKind kind : MeaningKind.values()) {
            long after = 0;
            while (running) {
                List<Long> ids = meanings.missing(kind, after, batchSize);
                if (ids.isEmpty()) {
                    break;
                }
                embed(kind, ids);
                done += ids.size();
                after = ids.get(ids.size() - 1);
                long now = System.nanoTime();
                if (now - lastLog >= PROGRESS_EVERY_NANOS) {
                    lastLog = now;
                    log.info("Embedding entities written without a vector of meaning: {} so far ({}s), {} per second",
                            done, kind.table(), Math.round(done / ((now - started) / 1e9)));
                }
            }
        }
        if (done > 0) {
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info("Embedded {} entities written without a vector of meaning in {} s ({} per second)", done,
                    String.format("%.1f", seconds), Math.round(done / Math.max(seconds, 1e-3)));
        }
    }

    /**
     * Embeds the entities' current texts (those whose kept vector is for another text), keeps the vectors and
     * indexes the entities again. A text changed meanwhile is not kept: its write queued it again.
     */
    private void embed(MeaningKind kind, List<Long> ids) {
        Map<Long, String> texts = transactions.execute(status -> {
            Map<Long, Long> kept = meanings.hashes(kind, ids);
            Map<Long, String> read = new LinkedHashMap<>();
            for (StoredEntity entity : load(kind, ids)) {
                String text = kind.text(entity);
                String input = text == null ? "" : embeddings.input(text);
                Long hash = kept.get(entity.getId());
                if (hash == null || hash != MeaningStore.hash(input)) {
                    read.put(entity.getId(), input);
                }
            }
            return read;
        });
        if (texts == null || texts.isEmpty()) {
            return;
        }
        List<float[]> vectors = embeddings.embedAll(new ArrayList<>(texts.values()));
        if (vectors == null) {
            return;
        }
        Map<Long, MeaningStore.Stored> computed = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<Long, String> text : texts.entrySet()) {
            float[] vector = vectors.get(i++);
            computed.put(text.getKey(), new MeaningStore.Stored(MeaningStore.hash(text.getValue()),
                    vector == null ? new float[0] : vector));
        }
        try {
            transactions.executeWithoutResult(status -> {
                List<? extends StoredEntity> entities = load(kind, computed.keySet());
                Map<Long, MeaningStore.Stored> current = new LinkedHashMap<>();
                for (StoredEntity entity : entities) {
                    MeaningStore.Stored stored = computed.get(entity.getId());
                    String text = kind.text(entity);
                    if (MeaningStore.hash(text == null ? "" : embeddings.input(text)) == stored.textHash()) {
                        current.put(entity.getId(), stored);
                    }
                }
                meanings.store(kind, current);
                SearchIndexingPlan plan = Search.session(entityManager).indexingPlan();
                entities.stream().filter(e -> current.containsKey(e.getId())).forEach(plan::addOrUpdate);
            });
        } catch (DataAccessException e) {
            // Another instance kept the same entities' vectors at the same moment; its index update covers them.
            log.debug("Keeping vectors of {} {}s failed", computed.size(), kind.table(), e);
            return;
        }
        KnowledgeBaseChanges.changed();
    }

    private List<? extends StoredEntity> load(MeaningKind kind, java.util.Collection<Long> ids) {
        return entityManager.createQuery("select e from " + kind.type().getSimpleName() + " e where e.id in :ids",
                kind.type()).setParameter("ids", ids).getResultList();
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
