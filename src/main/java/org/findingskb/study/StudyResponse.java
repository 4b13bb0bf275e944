package org.findingskb.study;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.util.List;

import org.findingskb.concept.ConceptRef;
import org.findingskb.source.SourceService.SourceRef;

import org.findingskb.shared.Versioned;

@NullMarked
public record StudyResponse(
        Long id,
        String slug,
        String title,
        @Nullable String institution,
        @Nullable String journal,
        @Nullable Integer publishedYear,
        @Nullable String doi,
        @Nullable String population,
        List<Researcher> researchers,
        List<ConceptRef> interventions,
        List<ConceptRef> conditions,
        @Nullable SourceRef source,
        long findingCount,
        long mechanismCount,
        long version,
        DesignResponse design) implements Versioned {

    static StudyResponse from(Study study, SourceRef source, long findingCount, long mechanismCount) {
        return new StudyResponse(study.getId(), study.getSlug(), study.getTitle(), study.getInstitution(),
                study.getJournal(), study.getPublishedYear(), study.getDoi(), study.getPopulation(),
                study.getResearchers(), ConceptRef.of(study.getInterventions()), ConceptRef.of(study.getConditions()),
                source, findingCount, mechanismCount, study.getVersion(),
                DesignResponse.of(study.getDesign(), study.getSource() == null ? null : study.getSource().getId()));
    }
}
