package org.findingskb.finding;

import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.findingskb.concept.ConceptType;
import org.findingskb.web.PageQuery;
import org.findingskb.web.ResultPage;

@RestController
@RequestMapping("/api/findings")
@Tag(name = "Findings", description = "What studies found, each tied to the exact text it came from")
class FindingController {

    private final FindingService findings;

    FindingController(FindingService findings) {
        this.findings = findings;
    }

    @GetMapping
    @Operation(summary = "A page of findings", description = "Filters combine with AND. Sortable by id, kind and timescale; "
            + "by default findings come in the order their sources state them.")
    ResultPage<FindingResponse> list(
            @Parameter(description = "words the statement contains (case-insensitive)") @RequestParam(required = false) String q,
            @Parameter(description = "only findings of this study") @RequestParam(required = false) Long studyId,
            @Parameter(description = "RESULT, MECHANISM, PRIOR_WORK, IMPLICATION or CONTEXT (any case)") @RequestParam(required = false) FindingKind kind,
            @Parameter(description = "RAPID or SUSTAINED (any case)") @RequestParam(required = false) Timescale timescale,
            @Parameter(description = "REPORTED or SUGGESTED (any case)") @RequestParam(required = false) Certainty certainty,
            @Parameter(description = "a concept id, name or synonym the finding mentions") @RequestParam(required = false) String concept,
            @Parameter(description = "findings that mention a concept of this type") @RequestParam(required = false) ConceptType conceptType,
            @Parameter(description = "review states to include, comma-separated; default: all but REJECTED and RETRACTED")
            @RequestParam(required = false) Set<ReviewStatus> reviewStatus,
            @Parameter(description = "the cursor of the previous page, to page on past the first 10,000 results")
            @RequestParam(required = false) String cursor,
            @ParameterObject PageQuery page) {
        return findings.find(new FindingFilter(q, studyId, kind, timescale, certainty, concept, conceptType,
                reviewStatus), page, cursor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One finding")
    FindingResponse get(@PathVariable long id) {
        return findings.get(id);
    }
}
