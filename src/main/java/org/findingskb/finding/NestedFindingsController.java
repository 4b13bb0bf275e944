package org.findingskb.finding;

import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.findingskb.concept.ConceptService;
import org.findingskb.concept.ConceptType;
import org.findingskb.mechanism.Timescale;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.ResultPage;
import org.findingskb.study.StudyService;

/** The findings of a study and those that mention a concept: served here, where findings live, under their paths. */
@RestController
@Tag(name = "Findings")
class NestedFindingsController {

    private final FindingService findings;
    private final StudyService studies;
    private final ConceptService concepts;

    NestedFindingsController(FindingService findings, StudyService studies, ConceptService concepts) {
        this.findings = findings;
        this.studies = studies;
        this.concepts = concepts;
    }

    @GetMapping("/api/studies/{idOrSlug}/findings")
    @Operation(summary = "The study's findings", description = "Same filters and sorting as /api/findings.")
    ResultPage<FindingResponse> ofStudy(@PathVariable String idOrSlug,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) FindingKind kind,
            @RequestParam(required = false) Timescale timescale,
            @RequestParam(required = false) Certainty certainty,
            @RequestParam(required = false) String concept,
            @RequestParam(required = false) ConceptType conceptType,
            @RequestParam(required = false) Set<ReviewStatus> reviewStatus,
            @Parameter(description = "true: only findings the pipeline was unsure of, waiting for review")
            @RequestParam(required = false) Boolean needsReview,
            @Parameter(description = "the cursor of the previous page, to page on past the first 10,000 results")
            @RequestParam(required = false) String cursor,
            @ParameterObject PageQuery page) {
        long studyId = studies.idOf(idOrSlug);
        return findings.find(new FindingFilter(q, studyId, kind, timescale, certainty, concept, conceptType,
                reviewStatus, needsReview), page, cursor);
    }

    @GetMapping("/api/concepts/{id}/findings")
    @Operation(summary = "The findings that mention a concept")
    ResultPage<FindingResponse> mentioning(@PathVariable long id,
            @Parameter(description = "the cursor of the previous page, to page on past the first 10,000 results")
            @RequestParam(required = false) String cursor,
            @ParameterObject PageQuery page) {
        concepts.get(id);
        return findings.find(FindingFilter.none().withConcept(Long.toString(id)), page, cursor);
    }
}
