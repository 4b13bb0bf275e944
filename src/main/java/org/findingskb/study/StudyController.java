package org.findingskb.study;

import java.util.List;
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
import org.findingskb.finding.Certainty;
import org.findingskb.finding.FindingFilter;
import org.findingskb.finding.FindingKind;
import org.findingskb.finding.FindingResponse;
import org.findingskb.finding.FindingService;
import org.findingskb.finding.ReviewStatus;
import org.findingskb.finding.Timescale;
import org.findingskb.mechanism.MechanismResponse;
import org.findingskb.mechanism.MechanismService;
import org.findingskb.web.PageQuery;
import org.findingskb.web.ResultPage;

@RestController
@RequestMapping("/api/studies")
@Tag(name = "Studies", description = "Studies as their sources report them, with findings, mechanisms and a summary")
class StudyController {

    private final StudyService studies;
    private final SummaryService summaries;
    private final FindingService findings;
    private final MechanismService mechanisms;

    StudyController(StudyService studies, SummaryService summaries, FindingService findings,
            MechanismService mechanisms) {
        this.studies = studies;
        this.summaries = summaries;
        this.findings = findings;
        this.mechanisms = mechanisms;
    }

    @GetMapping
    @Operation(summary = "A page of studies", description = "With q, by relevance; sortable by id and title.")
    ResultPage<StudyResponse> list(
            @Parameter(description = "words in the title or institution") @RequestParam(required = false) String q,
            @Parameter(description = "a concept id, name or synonym the study involves") @RequestParam(required = false) String concept,
            @Parameter(description = "the journal's name, any case") @RequestParam(required = false) String journal,
            @Parameter(description = "the cursor of the previous page, to page on past the first 10,000 results")
            @RequestParam(required = false) String cursor,
            @ParameterObject PageQuery page) {
        return studies.find(q, concept, journal, page, cursor);
    }

    @GetMapping("/{idOrSlug}")
    @Operation(summary = "One study, by id or slug")
    StudyResponse get(@PathVariable String idOrSlug) {
        return studies.get(idOrSlug);
    }

    @GetMapping("/{idOrSlug}/findings")
    @Operation(summary = "The study's findings", description = "Same filters and sorting as /api/findings.")
    ResultPage<FindingResponse> findings(@PathVariable String idOrSlug,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) FindingKind kind,
            @RequestParam(required = false) Timescale timescale,
            @RequestParam(required = false) Certainty certainty,
            @RequestParam(required = false) String concept,
            @RequestParam(required = false) ConceptType conceptType,
            @RequestParam(required = false) Set<ReviewStatus> reviewStatus,
            @Parameter(description = "the cursor of the previous page, to page on past the first 10,000 results")
            @RequestParam(required = false) String cursor,
            @ParameterObject PageQuery page) {
        long studyId = studies.idOf(idOrSlug);
        return findings.find(new FindingFilter(q, studyId, kind, timescale, certainty, concept, conceptType,
                reviewStatus), page, cursor);
    }

    @GetMapping("/{idOrSlug}/mechanisms")
    @Operation(summary = "The study's mechanisms")
    List<MechanismResponse> mechanisms(@PathVariable String idOrSlug) {
        return mechanisms.ofStudy(studies.idOf(idOrSlug));
    }

    @GetMapping("/{idOrSlug}/summary")
    @Operation(summary = "The study in brief, for frontends",
            description = "Every sentence carries the ids of the findings it rests on; caveats say what the source leaves out.")
    SummaryResponse summary(@PathVariable String idOrSlug) {
        return summaries.summarize(idOrSlug);
    }
}
