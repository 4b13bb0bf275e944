package org.findingskb.mechanism;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

import org.findingskb.concept.Concept;
import org.findingskb.study.PartOfStudy;
import org.findingskb.study.Study;
import org.findingskb.shared.CuratedEntity;

/** How a study's effect comes about: where (brain regions), through what (pathways, cell types), set off by what. */
@Entity
@Table(name = "mechanism")
@Audited(withModifiedFlag = true)
public class Mechanism extends CuratedEntity implements PartOfStudy {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "study_id", nullable = false)
    private Study study;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    private Timescale timescale;

    private String onset;

    private String description;

    @ManyToMany
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED, withModifiedFlag = true)
    @JoinTable(name = "mechanism_brain_region", joinColumns = @JoinColumn(name = "mechanism_id"),
            inverseJoinColumns = @JoinColumn(name = "concept_id"))
    @OrderBy("name")
    private Set<Concept> brainRegions = new LinkedHashSet<>();

    @ManyToMany
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED, withModifiedFlag = true)
    @JoinTable(name = "mechanism_pathway", joinColumns = @JoinColumn(name = "mechanism_id"),
            inverseJoinColumns = @JoinColumn(name = "concept_id"))
    @OrderBy("name")
    private Set<Concept> pathways = new LinkedHashSet<>();

    @ManyToMany
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED, withModifiedFlag = true)
    @JoinTable(name = "mechanism_cell_type", joinColumns = @JoinColumn(name = "mechanism_id"),
            inverseJoinColumns = @JoinColumn(name = "concept_id"))
    @OrderBy("name")
    private Set<Concept> cellTypes = new LinkedHashSet<>();

    @ManyToMany
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED, withModifiedFlag = true)
    @JoinTable(name = "mechanism_intervention", joinColumns = @JoinColumn(name = "mechanism_id"),
            inverseJoinColumns = @JoinColumn(name = "concept_id"))
    @OrderBy("name")
    private Set<Concept> interventions = new LinkedHashSet<>();

    protected Mechanism() {
    }

    public Mechanism(Study study, String name, Timescale timescale, String onset, String description) {
        this.study = Objects.requireNonNull(study);
        this.name = Objects.requireNonNull(name);
        this.timescale = timescale;
        this.onset = onset;
        this.description = description;
    }

    /** A curator's edit of what the mechanism is. */
    public void edit(String name, Timescale timescale, String onset, String description) {
        this.name = Objects.requireNonNull(name);
        this.timescale = timescale;
        this.onset = onset;
        this.description = description;
        touch();
    }

    /** Replaces the concepts the mechanism involves, role by role. */
    public void replaceConcepts(Collection<Concept> brainRegions, Collection<Concept> pathways,
            Collection<Concept> cellTypes, Collection<Concept> interventions) {
        this.brainRegions.clear();
        this.pathways.clear();
        this.cellTypes.clear();
        this.interventions.clear();
        involve(brainRegions, pathways, cellTypes, interventions);
    }

    public void involve(Collection<Concept> brainRegions, Collection<Concept> pathways, Collection<Concept> cellTypes,
            Collection<Concept> interventions) {
        this.brainRegions.addAll(brainRegions);
        this.pathways.addAll(pathways);
        this.cellTypes.addAll(cellTypes);
        this.interventions.addAll(interventions);
        touch();
    }

    public Study getStudy() {
        return study;
    }

    /** The study's id; a mechanism never changes study. */
    @Override
    public Long getStudyId() {
        return study.getId();
    }

    public String getName() {
        return name;
    }

    public Timescale getTimescale() {
        return timescale;
    }

    public String getOnset() {
        return onset;
    }

    public String getDescription() {
        return description;
    }

    public List<Concept> getBrainRegions() {
        return List.copyOf(brainRegions);
    }

    public List<Concept> getPathways() {
        return List.copyOf(pathways);
    }

    public List<Concept> getCellTypes() {
        return List.copyOf(cellTypes);
    }

    public List<Concept> getInterventions() {
        return List.copyOf(interventions);
    }
}
