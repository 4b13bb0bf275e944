package org.findingskb.study;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
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
import org.findingskb.history.HistoryService;
import org.findingskb.representation.JsonLd;
import org.findingskb.representation.SummaryMarkdown;
import org.findingskb.history.RevisionResponse;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.RequestBodies;
import org.findingskb.shared.Versions;
import org.findingskb.shared.ResultPage;

@RestController
@RequestMapping("/api/studies")
@Tag(name = "Studies", description = "Studies as their sources report them, with findings, mechanisms and a summary")
class StudyController {

    private final StudyService studies;
    private final SummaryService summaries;
    private final FindingService findings;
    private final MechanismService mechanisms;
    private final StudyCurationService curation;
    private final RequestBodies bodies;
    private final HistoryService history;

    StudyController(StudyService studies, SummaryService summaries, FindingService findings,
            MechanismService mechanisms, StudyCurationService curation, RequestBodies bodies, HistoryService history) {
        this.studies = studies;
        this.summaries = summaries;
        this.findings = findings;
        this.mechanisms = mechanisms;
        this.curation = curation;
        this.bodies = bodies;
        this.history = history;
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

    @GetMapping(path = "/{idOrSlug}", produces = JsonLd.MEDIA_TYPE)
    @Operation(summary = "One study as JSON-LD", description = "A schema.org MedicalStudy citing its ScholarlyArticle.")
    ResponseEntity<Map<String, Object>> getLinkedData(@PathVariable String idOrSlug, WebRequest request) {
        StudyResponse study = studies.get(idOrSlug);
        return Versions.current(request, study.version(), JsonLd.study(study, base()));
    }

    @GetMapping(path = "/{idOrSlug}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One study, by id or slug", description = "Carries an ETag; If-None-Match answers 304.")
    ResponseEntity<StudyResponse> get(@PathVariable String idOrSlug, WebRequest request) {
        StudyResponse study = studies.get(idOrSlug);
        return Versions.current(request, study.version(), study);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a study (curator)")
    ResponseEntity<StudyResponse> create(@Valid @RequestBody StudyRequest body) {
        StudyResponse created = curation.create(body);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).eTag(Versions.etag(created.version(), created)).body(created);
    }

    @PutMapping(path = "/{idOrSlug}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a study (curator)", description = "Needs If-Match: 428 without it, 412 when stale.")
    ResponseEntity<StudyResponse> replace(@PathVariable String idOrSlug, @Valid @RequestBody StudyRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        StudyResponse study = curation.replace(idOrSlug, Versions.expected(ifMatch), body);
        return ResponseEntity.ok().eTag(Versions.etag(study.version(), study)).body(study);
    }

    @PatchMapping(path = "/{idOrSlug}", consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Change some fields of a study (curator)", description = "A JSON Merge Patch. Needs If-Match.")
    ResponseEntity<StudyResponse> patch(@PathVariable String idOrSlug, @RequestBody JsonNode patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long expected = Versions.expected(ifMatch);
        StudyResponse study = curation.replace(idOrSlug, expected,
                bodies.patch(curation.current(idOrSlug), patch, StudyRequest.class));
        return ResponseEntity.ok().eTag(Versions.etag(study.version(), study)).body(study);
    }

    @DeleteMapping("/{idOrSlug}")
    @Operation(summary = "Delete a study with its findings and mechanisms (admin)", description = "Needs If-Match.")
    ResponseEntity<Void> delete(@PathVariable String idOrSlug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        curation.delete(idOrSlug, Versions.expected(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }

    @GetMapping("/{idOrSlug}/revisions")
    @Operation(summary = "The study's history", description = "Every revision: when, which API key, what changed.")
    List<RevisionResponse> revisions(@PathVariable String idOrSlug) {
        // A deleted study keeps its history, reachable by id (its slug is gone with it).
        String value = idOrSlug.strip();
        boolean numeric = !value.isEmpty() && value.length() < 19 && value.chars().allMatch(Character::isDigit);
        return history.revisions(Study.class, numeric ? Long.parseLong(value) : studies.idOf(idOrSlug));
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

    @GetMapping(path = "/{idOrSlug}/summary", produces = JsonLd.MEDIA_TYPE)
    @Operation(summary = "The study in brief, as JSON-LD")
    ResponseEntity<Map<String, Object>> summaryLinkedData(@PathVariable String idOrSlug, WebRequest request) {
        SummaryResponse summary = summaries.summarize(idOrSlug);
        return Versions.derived(request, JsonLd.summary(summary, studies.get(idOrSlug), base()));
    }

    @GetMapping(path = "/{idOrSlug}/summary", produces = SummaryMarkdown.MEDIA_TYPE)
    @Operation(summary = "The study in brief, as Markdown with its citation")
    ResponseEntity<String> summaryMarkdown(@PathVariable String idOrSlug, WebRequest request) {
        SummaryResponse summary = summaries.summarize(idOrSlug);
        return Versions.derived(request, SummaryMarkdown.of(summary, base() + "/api/studies/" + idOrSlug));
    }

    @GetMapping(path = "/{idOrSlug}/summary", params = "format=md")
    @Operation(summary = "The study in brief, as Markdown, for browsers and curl (?format=md)")
    ResponseEntity<String> summaryMarkdownByParameter(@PathVariable String idOrSlug, WebRequest request) {
        ResponseEntity<String> markdown = summaryMarkdown(idOrSlug, request);
        return ResponseEntity.status(markdown.getStatusCode()).headers(markdown.getHeaders())
                .contentType(MediaType.parseMediaType(SummaryMarkdown.MEDIA_TYPE)).body(markdown.getBody());
    }

    @GetMapping(path = "/{idOrSlug}/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The study in brief, for frontends",
            description = "Every sentence carries the ids of the findings it rests on; caveats say what the source leaves out.")
    ResponseEntity<SummaryResponse> summary(@PathVariable String idOrSlug, WebRequest request) {
        SummaryResponse summary = summaries.summarize(idOrSlug);
        return Versions.derived(request, summary);
    }
}
