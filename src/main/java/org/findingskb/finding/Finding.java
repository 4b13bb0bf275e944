package org.findingskb.finding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedAttributeNode;
import jakarta.persistence.NamedEntityGraph;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.envers.RelationTargetAuditMode;

import org.findingskb.concept.Concept;
import org.findingskb.mechanism.Mechanism;
import org.findingskb.source.SourceDocument;
import org.findingskb.study.PartOfStudy;
import org.findingskb.study.Study;
import org.findingskb.shared.CuratedEntity;

import org.findingskb.mechanism.Timescale;

/** One claim of a study, tied to the exact text it came from. */
@Entity
@Table(name = "finding")
@Audited(withModifiedFlag = true)
@NamedEntityGraph(name = Finding.WHOLE, attributeNodes = {@NamedAttributeNode("evidence"),
        @NamedAttributeNode("concepts"), @NamedAttributeNode("mechanisms"), @NamedAttributeNode("outgoing"),
        @NamedAttributeNode("incoming")})
public class Finding extends CuratedEntity implements PartOfStudy {

    /**
     * Everything a finding's representation shows, fetched by joins in the statement that reads the finding:
     * one statement for a finding or a page, where lazy loading took one per association (six in all).
     */
    public static final String WHOLE = "Finding.whole";

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "study_id", nullable = false)
    private Study study;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String statement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FindingKind kind;

    @Enumerated(EnumType.STRING)
    private Timescale timescale;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Certainty certainty;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Origin origin;

    @Column(nullable = false)
    private double confidence;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_status", nullable = false)
    private ReviewStatus reviewStatus;

    @Column(name = "review_note")
    private String reviewNote;

    /** The pipeline was unsure of this finding: it waits in the curators' queue and stays out of summaries. */
    @Column(name = "needs_review", nullable = false)
    private boolean needsReview;

    @Enumerated(EnumType.STRING)
    @Column(name = "reported_by", nullable = false)
    private ReportedBy reportedBy;

    @ElementCollection
    @CollectionTable(name = "finding_evidence", joinColumns = @JoinColumn(name = "finding_id"))
    @OrderColumn(name = "position")
    private List<EvidenceSpan> evidence = new ArrayList<>();

    @ManyToMany
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED, withModifiedFlag = true)
    @JoinTable(name = "finding_concept", joinColumns = @JoinColumn(name = "finding_id"),
            inverseJoinColumns = @JoinColumn(name = "concept_id"))
    @OrderBy("name")
    private Set<Concept> concepts = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "finding_mechanism", joinColumns = @JoinColumn(name = "finding_id"),
            inverseJoinColumns = @JoinColumn(name = "mechanism_id"))
    @OrderBy("id")
    private Set<Mechanism> mechanisms = new LinkedHashSet<>();

    @OneToMany(mappedBy = "finding", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<FindingEffect> effects = new ArrayList<>();

    @OneToMany(mappedBy = "from")
    @NotAudited
    @OrderBy("id")
    private Set<FindingLink> outgoing = new LinkedHashSet<>();

    @OneToMany(mappedBy = "to")
    @NotAudited
    @OrderBy("id")
    private Set<FindingLink> incoming = new LinkedHashSet<>();

    protected Finding() {
    }

    /** A finding a curator entered. */
    public static Finding curated(Study study, int position, String statement, FindingKind kind, Timescale timescale,
            Certainty certainty, double confidence) {
        return new Finding(study, position, statement, kind, timescale, certainty, Origin.CURATED, confidence);
    }

    /** A finding the text pipeline extracted: unreviewed until a curator looks at it. */
    public static Finding extracted(Study study, int position, String statement, FindingKind kind, Timescale timescale,
            Certainty certainty, double confidence) {
        return new Finding(study, position, statement, kind, timescale, certainty, Origin.EXTRACTED, confidence);
    }

    private Finding(Study study, int position, String statement, FindingKind kind, Timescale timescale,
            Certainty certainty, Origin origin, double confidence) {
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("Confidence must lie in [0, 1], was " + confidence);
        }
        this.study = Objects.requireNonNull(study);
        this.position = position;
        this.statement = Objects.requireNonNull(statement);
        this.kind = Objects.requireNonNull(kind);
        this.timescale = timescale;
        this.certainty = Objects.requireNonNull(certainty);
        this.origin = origin;
        this.confidence = confidence;
        this.reviewStatus = ReviewStatus.UNREVIEWED;
        this.reportedBy = ReportedBy.byDefault(kind);
    }

    /** Whose result this finding reports, as the pipeline read it or a curator set it. */
    public void attributeTo(ReportedBy reportedBy) {
        if (this.reportedBy != Objects.requireNonNull(reportedBy)) {
            this.reportedBy = reportedBy;
            touch();
        }
    }

    /** Anchors this finding to {@code [start, end)} of its study's source text. */
    public EvidenceSpan addEvidence(SourceDocument source, int start, int end) {
        EvidenceSpan span = EvidenceSpan.of(source, start, end);
        evidence.add(span);
        touch();
        return span;
    }

    public void tag(Collection<Concept> concepts) {
        this.concepts.addAll(concepts);
    }

    /** The effects the pipeline read in this finding's sentence, replacing any it read before. */
    public void stateEffects(List<FindingEffect.Effect> read) {
        if (!sameEffects(read)) {
            setEffects(read);
            touch();
        }
    }

    /** A curator's effects: the finding is the curator's from now on, if they differ from the current ones. */
    public void replaceEffects(List<FindingEffect.Effect> curated) {
        if (!sameEffects(curated)) {
            setEffects(curated);
            curatedNow();
        }
    }

    private boolean sameEffects(List<FindingEffect.Effect> other) {
        if (other.size() != effects.size()) {
            return false;
        }
        for (int i = 0; i < other.size(); i++) {
            if (!effects.get(i).sameAs(other.get(i))) {
                return false;
            }
        }
        return true;
    }

    private void setEffects(List<FindingEffect.Effect> given) {
        effects.clear();
        for (FindingEffect.Effect e : given) {
            effects.add(new FindingEffect(this, effects.size(), e.subject(), e.direction(), e.object(), e.evidence()));
        }
    }

    /** A curator's edit: the finding is the curator's from now on. */
    public void edit(String statement, FindingKind kind, Timescale timescale, Certainty certainty, double confidence) {
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("Confidence must lie in [0, 1], was " + confidence);
        }
        this.statement = Objects.requireNonNull(statement);
        this.kind = Objects.requireNonNull(kind);
        this.timescale = timescale;
        this.certainty = Objects.requireNonNull(certainty);
        this.confidence = confidence;
        curatedNow();
    }

    public void replaceEvidence(List<EvidenceSpan> spans) {
        if (!evidence.equals(spans)) {
            evidence.clear();
            evidence.addAll(spans);
            curatedNow();
        }
    }

    public void replaceConcepts(Collection<Concept> tags) {
        if (!concepts.equals(new LinkedHashSet<>(tags))) {
            concepts.clear();
            concepts.addAll(tags);
            curatedNow();
        }
    }

    public void replaceMechanisms(Collection<Mechanism> supported) {
        if (!mechanisms.equals(new LinkedHashSet<>(supported))) {
            mechanisms.clear();
            mechanisms.addAll(supported);
            curatedNow();
        }
    }

    /** Puts an extracted finding the pipeline was unsure of in the curators' queue. */
    public void flagForReview() {
        if (origin != Origin.EXTRACTED) {
            throw new IllegalStateException("Only an extracted finding waits for review");
        }
        needsReview = true;
    }

    /** A curator's verdict; rejecting or retracting needs a reason. It takes the finding out of the queue. */
    public void review(ReviewStatus status, String note) {
        if (status == ReviewStatus.UNREVIEWED) {
            throw new IllegalArgumentException("A review gives a verdict");
        }
        if ((status == ReviewStatus.REJECTED || status == ReviewStatus.RETRACTED) && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("Rejecting or retracting a finding needs a note saying why");
        }
        this.reviewStatus = status;
        this.reviewNote = note == null || note.isBlank() ? null : note.strip();
        this.needsReview = false;
        touch();
    }

    FindingLink linkTo(Finding target, LinkType type, String createdBy) {
        FindingLink link = new FindingLink(this, target, type, createdBy);
        outgoing.add(link);
        target.incoming.add(link);
        return link;
    }

    /** A curator's edit: the curator has looked at the finding, so it leaves the queue. */
    private void curatedNow() {
        origin = Origin.CURATED;
        needsReview = false;
        touch();
    }

    public void supports(Mechanism mechanism) {
        mechanisms.add(mechanism);
    }

    public void withdrawSupport(Mechanism mechanism) {
        mechanisms.remove(mechanism);
    }

    public Study getStudy() {
        return study;
    }

    /** The study's id; a finding never changes study. */
    @Override
    public Long getStudyId() {
        return study.getId();
    }

    public int getPosition() {
        return position;
    }

    public String getStatement() {
        return statement;
    }

    public FindingKind getKind() {
        return kind;
    }

    public Timescale getTimescale() {
        return timescale;
    }

    public Certainty getCertainty() {
        return certainty;
    }

    public Origin getOrigin() {
        return origin;
    }

    public double getConfidence() {
        return confidence;
    }

    public ReviewStatus getReviewStatus() {
        return reviewStatus;
    }

    public String getReviewNote() {
        return reviewNote;
    }

    public boolean isNeedsReview() {
        return needsReview;
    }

    public ReportedBy getReportedBy() {
        return reportedBy;
    }

    public List<EvidenceSpan> getEvidence() {
        return List.copyOf(evidence);
    }

    public List<Concept> getConcepts() {
        return List.copyOf(concepts);
    }

    public List<FindingEffect> getEffects() {
        return List.copyOf(effects);
    }

    public List<Mechanism> getMechanisms() {
        return List.copyOf(mechanisms);
    }

    public List<FindingLink> getOutgoingLinks() {
        return List.copyOf(outgoing);
    }

    public List<FindingLink> getIncomingLinks() {
        return List.copyOf(incoming);
    }
}
