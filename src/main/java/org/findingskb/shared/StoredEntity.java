package org.findingskb.shared;

import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * What every stored entity of the knowledge base has: an id from its own sequence and a version for optimistic
 * locking, with every change counted for the read cache ({@link KnowledgeBaseChanges}).
 */
@MappedSuperclass
@EntityListeners(KnowledgeBaseChanges.class)
public abstract class StoredEntity {

    /** Hibernate names the sequence after the entity ({@code Finding} draws from {@code finding_seq}), 50 ids a call. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Version
    private long version;

    protected StoredEntity() {
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }
}
