package org.findingskb.search;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.findingskb.shared.KbProperties;

/**
 * The vectors of meaning kept in the database (migration V11), and the entities waiting for one. The index reads a
 * vector from here when it indexes an entity ({@link SearchMapping}); an entity without a vector for its current
 * text is put on the bounded queue that {@link MeaningEmbedder} works through. When the queue is full the entity is
 * left out: the embedder's sweep finds every entity without a vector. Plain JDBC, so that the index mapping, which
 * Hibernate needs before it starts, can use it.
 */
@Component
public class MeaningStore {

    /** An entity that waits for its vector. */
    record Key(MeaningKind kind, long id) {
    }

    /** A vector kept for an entity: the hash of the text it was computed from, and the vector (empty: no text). */
    record Stored(long textHash, float[] vector) {
    }

    private final JdbcTemplate jdbc;
    private final BlockingQueue<Key> queue;
    /** What the queue holds, so that an entity indexed twice before it is embedded waits once. */
    private final Set<Key> queued = ConcurrentHashMap.newKeySet();
    /** Entities queued and not yet done with; zero when the embedder has nothing in hand. */
    private final AtomicLong pending = new AtomicLong();
    /** Whether an entity found the queue full since the embedder last looked. */
    private final java.util.concurrent.atomic.AtomicBoolean dropped = new java.util.concurrent.atomic.AtomicBoolean();

    MeaningStore(JdbcTemplate jdbc, KbProperties properties) {
        this.jdbc = jdbc;
        this.queue = new LinkedBlockingQueue<>(properties.search().semantic().queue());
    }

    /** The vector kept for the entity if it was computed from {@code textHash}'s text, else {@code null}. */
    Stored find(MeaningKind kind, long id, long textHash) {
        List<Stored> rows = jdbc.query("select text_hash, vector from " + kind.vectorTable() + " where entity_id = ?",
                (rs, n) -> new Stored(rs.getLong(1), vector(rs.getBytes(2))), id);
        return rows.isEmpty() || rows.get(0).textHash() != textHash ? null : rows.get(0);
    }

    /** The text hashes kept for these entities, by id. */
    Map<Long, Long> hashes(MeaningKind kind, Collection<Long> ids) {
        Map<Long, Long> hashes = new HashMap<>();
        if (ids.isEmpty()) {
            return hashes;
        }
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        jdbc.query("select entity_id, text_hash from " + kind.vectorTable() + " where entity_id in (" + marks + ")",
                rs -> {
                    hashes.put(rs.getLong(1), rs.getLong(2));
                }, ids.toArray());
        return hashes;
    }

    /** Keeps these vectors (replacing what was kept for the same entities); in the caller's transaction. */
    void store(MeaningKind kind, Map<Long, Stored> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        List<Object[]> ids = vectors.keySet().stream().map(id -> new Object[] {id}).toList();
        jdbc.batchUpdate("delete from " + kind.vectorTable() + " where entity_id = ?", ids);
        jdbc.batchUpdate("insert into " + kind.vectorTable() + " (entity_id, text_hash, vector) values (?, ?, ?)",
                vectors.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue().textHash(),
                        bytes(e.getValue().vector())}).toList());
    }

    /** Up to {@code limit} entities of the kind with no vector kept, in id order after {@code afterId}. */
    List<Long> missing(MeaningKind kind, long afterId, int limit) {
        return jdbc.queryForList("select e.id from " + kind.table() + " e left join " + kind.vectorTable()
                + " m on m.entity_id = e.id where m.entity_id is null and e.id > ? order by e.id fetch first "
                + limit + " rows only", Long.class, afterId);
    }

    /**
     * Puts the entity on the queue once the transaction that wrote it commits (the embedder reads it then), or at
     * once outside a transaction. Dropped when the queue is full: the sweep finds it.
     */
    void enqueue(MeaningKind kind, long id) {
        Key key = new Key(kind, id);
        if (queued.contains(key)) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    offer(key);
                }
            });
        } else {
            offer(key);
        }
    }

    private void offer(Key key) {
        if (queued.add(key)) {
            pending.incrementAndGet();
            if (!queue.offer(key)) {
                queued.remove(key);
                dropped.set(true);
                pending.decrementAndGet();
            }
        }
    }

    /** Waits up to {@code timeout} for the next entity, then takes up to {@code max} in all; empty if none came. */
    List<Key> take(int max, long timeout, TimeUnit unit) throws InterruptedException {
        Key first = queue.poll(timeout, unit);
        if (first == null) {
            return List.of();
        }
        List<Key> batch = new java.util.ArrayList<>(max);
        batch.add(first);
        queue.drainTo(batch, max - 1);
        batch.forEach(queued::remove);
        return batch;
    }

    /** Whether an entity found the queue full since the last call; clears it. */
    boolean takeDropped() {
        return dropped.getAndSet(false);
    }

    /** Whether an entity found the queue full and waits for a sweep. */
    boolean dropped() {
        return dropped.get();
    }

    /** The embedder is done with entities it took. */
    void done(int count) {
        pending.addAndGet(-count);
    }

    /** Whether entities wait or are in the embedder's hands. */
    boolean busy() {
        return pending.get() > 0;
    }

    /** The hash that tells one text embedded from another. */
    static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    private static float[] vector(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
