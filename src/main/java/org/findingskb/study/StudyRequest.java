package org.findingskb.study;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.findingskb.concept.Concept;

/** A study as a curator writes it; a fact the source does not state is left {@code null}. */
public record StudyRequest(
        @NotBlank(message = "must not be blank") @Size(max = 500, message = "must be at most 500 characters") String title,
        @Size(max = 500, message = "must be at most 500 characters") String institution,
        @Size(max = 500, message = "must be at most 500 characters") String journal,
        @Min(value = 1800, message = "must be 1800 or later") @Max(value = 2200, message = "must be 2200 or earlier")
        Integer publishedYear,
        @Size(max = 255, message = "must be at most 255 characters")
        @Pattern(regexp = "10\\.\\d{4,9}/\\S+", message = "must be a DOI such as 10.1000/xyz123") String doi,
        @Size(max = 500, message = "must be at most 500 characters") String population,
        @Size(max = 50, message = "holds at most 50 researchers") List<@Valid @NotNull(message = "must not be null") Person> researchers,
        @Size(max = 50, message = "holds at most 50 concepts") List<@NotNull(message = "must not be null") Long> interventionIds,
        @Size(max = 50, message = "holds at most 50 concepts") List<@NotNull(message = "must not be null") Long> conditionIds,
        Long sourceId,
        @Valid DesignRequest design) {

    /** A researcher: name, role, and how the source describes them. */
    public record Person(
            @NotBlank(message = "must not be blank") @Size(max = 300, message = "must be at most 300 characters") String name,
            @NotNull(message = "is required: LEAD, SENIOR, AUTHOR or QUOTED") ResearcherRole role,
            @Size(max = 1000, message = "must be at most 1000 characters") String description) {
    }

    static StudyRequest of(Study study) {
        return new StudyRequest(study.getTitle(), study.getInstitution(), study.getJournal(), study.getPublishedYear(),
                study.getDoi(), study.getPopulation(),
                study.getResearchers().stream().map(r -> new Person(r.name(), r.role(), r.description())).toList(),
                study.getInterventions().stream().map(Concept::getId).toList(),
                study.getConditions().stream().map(Concept::getId).toList(),
                study.getSource() == null ? null : study.getSource().getId(),
                DesignRequest.of(study.getDesign()));
    }
}
