package org.findingskb.concept;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.findingskb.shared.StoredEntity;

/** A typed thing findings talk about (a drug, a brain region, a pathway...), shared by every study. */
@Entity
@Table(name = "concept")
public class Concept extends StoredEntity {

    /** The longest name or synonym a concept has. */
    public static final int MAX_NAME_LENGTH = 300;

    @Column(nullable = false)
    private String name;

    @Column(name = "name_key", nullable = false)
    private String nameKey;

    @Enumerated(EnumType.STRING)
    private ConceptType type;

    @Column(name = "mesh_id")
    private String meshId;

    @ElementCollection
    @CollectionTable(name = "concept_synonym", joinColumns = @JoinColumn(name = "concept_id"))
    private Set<Synonym> synonyms = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Concept() {
    }

    public Concept(String name, ConceptType type, String meshId, Collection<String> synonyms) {
        rename(name);
        this.type = type;
        this.meshId = meshId;
        synonyms.forEach(this::addSynonym);
        this.createdAt = Instant.now();
    }

    public void rename(String name) {
        this.name = name.strip();
        this.nameKey = Synonym.keyOf(name);
        synonyms.removeIf(s -> s.key().equals(nameKey));
    }

    /** Adds a name this concept is also known by, unless it is its own name, already known, or too long. */
    public void addSynonym(String synonym) {
        Synonym s = Synonym.of(synonym);
        if (!s.key().isEmpty() && s.name().length() <= MAX_NAME_LENGTH && !s.key().equals(nameKey) && synonyms.stream().noneMatch(o -> o.key().equals(s.key()))) {
            synonyms.add(s);
        }
    }

    /** A curator's edit: name, type, MeSH id and synonyms as given. */
    public void edit(String name, ConceptType type, String meshId, Collection<String> synonyms) {
        rename(name);
        this.type = type;
        this.meshId = meshId;
        this.synonyms.clear();
        synonyms.forEach(this::addSynonym);
    }

    /** Fills in what this concept lacks from a better-informed description of it; never overwrites. */
    public void enrich(ConceptType type, String meshId, Collection<String> synonyms) {
        if (this.type == null) {
            this.type = type;
        }
        if (this.meshId == null) {
            this.meshId = meshId;
        }
        synonyms.forEach(this::addSynonym);
    }

    public String getName() {
        return name;
    }

    public String getNameKey() {
        return nameKey;
    }

    public ConceptType getType() {
        return type;
    }

    public String getMeshId() {
        return meshId;
    }

    public List<String> getSynonyms() {
        return synonyms.stream().map(Synonym::name).sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
