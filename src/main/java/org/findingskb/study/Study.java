package org.findingskb.study;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

import org.findingskb.concept.Concept;
import org.findingskb.source.SourceDocument;
import org.findingskb.shared.CuratedEntity;

/** A study as a source reports it; a fact the source does not state is {@code null}. */
@Entity
@Table(name = "study")
@Audited(withModifiedFlag = true)
public class Study extends CuratedEntity {

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String title;

    private String institution;

    private String journal;

    @Column(name = "published_year")
    private Integer publishedYear;

    private String doi;

    private String population;

    /** {@code null} where nothing of the design is known. */
    @Embedded
    private StudyDesign design;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "source_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED, withModifiedFlag = true)
    private SourceDocument source;

    @ElementCollection
    @CollectionTable(name = "study_researcher", joinColumns = @JoinColumn(name = "study_id"))
    @OrderColumn(name = "position")
    private List<Researcher> researchers = new ArrayList<>();

    @ManyToMany
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED, withModifiedFlag = true)
    @JoinTable(name = "study_intervention", joinColumns = @JoinColumn(name = "study_id"),
            inverseJoinColumns = @JoinColumn(name = "concept_id"))
    @OrderBy("name")
    private Set<Concept> interventions = new LinkedHashSet<>();

    @ManyToMany
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED, withModifiedFlag = true)
    @JoinTable(name = "study_condition", joinColumns = @JoinColumn(name = "study_id"),
            inverseJoinColumns = @JoinColumn(name = "concept_id"))
    @OrderBy("name")
    private Set<Concept> conditions = new LinkedHashSet<>();

    protected Study() {
    }

    public Study(String slug, String title, SourceDocument source) {
        this.slug = slug;
        this.title = title;
        this.source = source;
    }

    public void retitle(String title) {
        this.title = title;
        touch();
    }

    /** A design read from another source no longer quotes this one, so it goes with the source it came from. */
    public void attachSource(SourceDocument source) {
        boolean replaced = this.source != null && (source == null || !Objects.equals(this.source.getId(), source.getId()));
        this.source = source;
        if (replaced) {
            this.design = null;
        }
        touch();
    }

    /** Records what kind of study it was; an empty design is stored as none. */
    public void describeDesign(StudyDesign design) {
        this.design = design == null || design.isEmpty() ? null : design;
        touch();
    }

    /** Records the facts the source states about the study; {@code null} where it states none. */
    public void describe(String institution, String journal, Integer publishedYear, String doi, String population) {
        this.institution = institution;
        this.journal = journal;
        this.publishedYear = publishedYear;
        this.doi = doi;
        this.population = population;
        touch();
    }

    public void replaceResearchers(Collection<Researcher> researchers) {
        this.researchers.clear();
        this.researchers.addAll(researchers);
        touch();
    }

    public void replaceInterventions(Collection<Concept> concepts) {
        interventions.clear();
        interventions.addAll(concepts);
        touch();
    }

    public void replaceConditions(Collection<Concept> concepts) {
        conditions.clear();
        conditions.addAll(concepts);
        touch();
    }

    public String getSlug() {
        return slug;
    }

    public String getTitle() {
        return title;
    }

    public String getInstitution() {
        return institution;
    }

    public String getJournal() {
        return journal;
    }

    public Integer getPublishedYear() {
        return publishedYear;
    }

    public String getDoi() {
        return doi;
    }

    public String getPopulation() {
        return population;
    }

    /** The design, {@code null} where the source says nothing of it. */
    public StudyDesign getDesign() {
        return design;
    }

    public SourceDocument getSource() {
        return source;
    }

    public List<Researcher> getResearchers() {
        return List.copyOf(researchers);
    }

    public List<Concept> getInterventions() {
        return List.copyOf(interventions);
    }

    public List<Concept> getConditions() {
        return List.copyOf(conditions);
    }
}
