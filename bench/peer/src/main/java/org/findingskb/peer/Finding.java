package org.findingskb.peer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "finding")
public class Finding {

    @Id
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "study_id")
    public Study study;
    public int position;
    public String statement;
    public String kind;
    public String timescale;
    public String certainty;
    public String origin;
    public double confidence;
    @Column(name = "review_status")
    public String reviewStatus;
    @Column(name = "needs_review")
    public boolean needsReview;
    public long version;

    @ElementCollection
    @CollectionTable(name = "finding_evidence", joinColumns = @JoinColumn(name = "finding_id"))
    @OrderColumn(name = "position")
    public List<Evidence> evidence = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "finding_concept", joinColumns = @JoinColumn(name = "finding_id"),
            inverseJoinColumns = @JoinColumn(name = "concept_id"))
    public Set<Concept> concepts = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "finding_mechanism", joinColumns = @JoinColumn(name = "finding_id"),
            inverseJoinColumns = @JoinColumn(name = "mechanism_id"))
    public Set<Mechanism> mechanisms = new LinkedHashSet<>();
}
