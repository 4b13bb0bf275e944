package org.findingskb.shared;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.envers.Audited;

/** A stored entity curators edit and whose history is kept: when it was created and when it last changed. */
@MappedSuperclass
@Audited(withModifiedFlag = true)
public abstract class CuratedEntity extends StoredEntity {

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** A new entity is created and last changed now; one JPA loads gets its stored times instead. */
    protected CuratedEntity() {
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /** Marks a change of the entity. */
    protected void touch() {
        updatedAt = Instant.now();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
