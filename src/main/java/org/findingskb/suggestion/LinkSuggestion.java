package org.findingskb.suggestion;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;

import org.findingskb.finding.Finding;
import org.findingskb.finding.LinkType;
import org.findingskb.shared.CuratedEntity;

/**
 * A link between findings of two studies that ingest proposes, with how sure it is and why: never a link until a
 * curator accepts it. Audited, so that who accepted or dismissed it, and when, stays in its history.
 */
@Entity
@Table(name = "link_suggestion")
@Audited(withModifiedFlag = true)
public class LinkSuggestion extends CuratedEntity {

    public static final int MAX_REASON_LENGTH = 1000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "from_finding_id", nullable = false)
    private Finding fromFinding;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "to_finding_id", nullable = false)
    private Finding toFinding;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LinkType type;

    @Column(nullable = false)
    private double score;

    @Column(nullable = false, length = MAX_REASON_LENGTH)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SuggestionStatus status;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected LinkSuggestion() {
    }

    LinkSuggestion(Finding fromFinding, Finding toFinding, LinkType type, double score, String reason) {
        if (Objects.equals(fromFinding.getId(), toFinding.getId())) {
            throw new IllegalArgumentException("A finding cannot be linked to itself");
        }
        if (score < 0 || score > 1) {
            throw new IllegalArgumentException("A score lies between 0 and 1, not " + score);
        }
        this.fromFinding = fromFinding;
        this.toFinding = toFinding;
        this.type = Objects.requireNonNull(type);
        this.score = score;
        this.reason = reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 1) + "\u2026";
        this.status = SuggestionStatus.SUGGESTED;
    }

    /** Records a curator's verdict; the caller has checked that none was given yet. */
    void decide(SuggestionStatus verdict, String by) {
        if (status != SuggestionStatus.SUGGESTED || verdict == SuggestionStatus.SUGGESTED) {
            throw new IllegalStateException("Suggestion " + getId() + " is " + status + " already");
        }
        this.status = verdict;
        this.decidedBy = by;
        this.decidedAt = Instant.now();
        touch();
    }

    public Finding getFromFinding() {
        return fromFinding;
    }

    public Finding getToFinding() {
        return toFinding;
    }

    public LinkType getType() {
        return type;
    }

    public double getScore() {
        return score;
    }

    public String getReason() {
        return reason;
    }

    public SuggestionStatus getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
