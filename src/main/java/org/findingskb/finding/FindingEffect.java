package org.findingskb.finding;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

import org.findingskb.concept.Concept;
import org.findingskb.shared.ShownInHistory;
import org.findingskb.shared.StoredEntity;

/**
 * One effect a finding states: its subject acts on its object in a direction, with the quote it rests on. Kept
 * as an entity of its own (not an element collection) so that its history is kept with the finding's.
 */
@Entity
@Table(name = "finding_effect")
@Audited
public class FindingEffect extends StoredEntity implements ShownInHistory {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "finding_id", nullable = false)
    private Finding finding;

    @Column(nullable = false)
    private int position;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    @JoinColumn(name = "subject_id", nullable = false)
    private Concept subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EffectDirection direction;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    @JoinColumn(name = "object_id", nullable = false)
    private Concept object;

    @Embedded
    private EvidenceSpan evidence;

    protected FindingEffect() {
    }

    FindingEffect(Finding finding, int position, Concept subject, EffectDirection direction, Concept object,
            EvidenceSpan evidence) {
        this.finding = Objects.requireNonNull(finding);
        this.position = position;
        this.subject = Objects.requireNonNull(subject);
        this.direction = Objects.requireNonNull(direction);
        this.object = Objects.requireNonNull(object);
        this.evidence = Objects.requireNonNull(evidence);
    }

    /** Whether this effect says the same as {@code other}: same concepts, direction and quote. */
    boolean sameAs(Effect other) {
        return subject.getId().equals(other.subject().getId()) && direction == other.direction()
                && object.getId().equals(other.object().getId()) && evidence.equals(other.evidence());
    }

    /** "ketamine DECREASES BMP signalling", as the comparison's agreement lines name an effect. */
    @Override
    public String historyText() {
        return subject.getName() + " " + direction.name() + " " + object.getName();
    }

    public Finding getFinding() {
        return finding;
    }

    public int getPosition() {
        return position;
    }

    public Concept getSubject() {
        return subject;
    }

    public EffectDirection getDirection() {
        return direction;
    }

    public Concept getObject() {
        return object;
    }

    public EvidenceSpan getEvidence() {
        return evidence;
    }

    /** An effect as given to a finding: by the pipeline or by a curator. */
    public record Effect(Concept subject, EffectDirection direction, Concept object, EvidenceSpan evidence) {

        public Effect {
            Objects.requireNonNull(subject);
            Objects.requireNonNull(direction);
            Objects.requireNonNull(object);
            Objects.requireNonNull(evidence);
        }
    }
}
