package org.findingskb.shared;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts the committed changes to the knowledge base: a JPA listener on every entity a read can show. Cached
 * reads are keyed by this generation, so a change makes every earlier cached read unreachable at once. The
 * count moves after the commit, so no read can cache what a rolled-back write wrote.
 */
public class KnowledgeBaseChanges {

    private static final AtomicLong GENERATION = new AtomicLong();

    /** The number of committed changes so far. */
    public static long generation() {
        return GENERATION.get();
    }

    /** Marks a change made outside JPA (bulk JDBC writes, a rebuilt index). */
    public static void changed() {
        GENERATION.incrementAndGet();
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void entityChanged(Object entity) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    changed();
                }
            });
        } else {
            changed();
        }
    }
}
