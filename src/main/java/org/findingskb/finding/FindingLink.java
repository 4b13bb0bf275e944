package org.findingskb.finding;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.findingskb.shared.KnowledgeBaseChanges;

/** A curator's statement that one finding supports, contradicts or extends another. */
@Entity
@EntityListeners(KnowledgeBaseChanges.class)
@Table(name = "finding_link")
public class FindingLink {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "finding_link_seq")
    @SequenceGenerator(name = "finding_link_seq", sequenceName = "finding_link_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "from_finding_id", nullable = false)
    private Finding from;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "to_finding_id", nullable = false)
    private Finding to;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LinkType type;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected FindingLink() {
    }

    FindingLink(Finding from, Finding to, LinkType type, String createdBy) {
        if (Objects.equals(from.getId(), to.getId())) {
            throw new IllegalArgumentException("A finding cannot be linked to itself");
        }
        this.from = from;
        this.to = to;
        this.type = Objects.requireNonNull(type);
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Finding getFrom() {
        return from;
    }

    public Finding getTo() {
        return to;
    }

    public LinkType getType() {
        return type;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
