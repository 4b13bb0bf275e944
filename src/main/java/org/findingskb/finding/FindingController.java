package org.findingskb.finding;

import java.util.List;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.findingskb.concept.ConceptType;
import org.findingskb.history.HistoryService;
import org.findingskb.history.RevisionResponse;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.RequestBodies;
import org.findingskb.shared.CurationEndpoints;
import org.findingskb.shared.IfMatch;
import org.findingskb.shared.MediaTypes;
import org.findingskb.shared.ResultPage;

import org.findingskb.mechanism.Timescale;

@RestController
@RequestMapping("/api/findings")
@Tag(name = "Findings", description = "What studies found, each tied to the exact text it came from")
class FindingController extends CurationEndpoints<Long, FindingRequest, FindingResponse> {

    private final FindingService findings;
    private final FindingCurationService curation;
    private final HistoryService history;

    FindingController(FindingService findings, FindingCurationService curation, RequestBodies bodies,
            HistoryService history) {
        super(bodies, FindingRequest.class, curation);
        this.findings = findings;
        this.curation = curation;
        this.history = history;
    }

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, MediaTypes.CSV})
    @Operation(summary = "A page of findings", description = "Filters combine with AND. Sortable by id, kind and timescale; "
            + "by default findings come in the order their sources state them. Also as text/csv.")
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
            @Parameter(description = "true: only findings the pipeline was unsure of, waiting for review (the curators' queue)")
            @RequestParam(required = false) Boolean needsReview,
            @Parameter(description = "the cursor of the previous page, to page on past the first 10,000 results")
            @RequestParam(required = false) String cursor,
            @ParameterObject PageQuery page) {
        return findings.find(new FindingFilter(q, studyId, kind, timescale, certainty, concept, conceptType, reviewStatus,
                needsReview), page, cursor);
    }

    @GetMapping(path = "/{id}", produces = {MediaType.APPLICATION_JSON_VALUE, MediaTypes.JSON_LD})
    @Operation(summary = "One finding", description = "Carries an ETag; If-None-Match answers 304. As JSON-LD: a"
            + " schema.org Claim, its evidence as W3C Web Annotations.")
    FindingResponse get(@PathVariable long id) {
        return findings.get(id);
    }

    @PostMapping(path = "/{id}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Review a finding (curator)",
            description = "ACCEPTED, REJECTED or RETRACTED; the last two need a note. Needs If-Match.")
    FindingResponse review(@PathVariable long id, @Valid @RequestBody ReviewRequest body,
            @RequestHeader(HttpHeaders.IF_MATCH) IfMatch ifMatch) {
        return curation.review(id, ifMatch, body);
    }

    @PostMapping(path = "/{id}/links", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Link a finding to another (curator)",
            description = "This finding SUPPORTS, CONTRADICTS or EXTENDS another one, of any study.")
    ResponseEntity<FindingResponse> link(@PathVariable long id, @Valid @RequestBody LinkRequest body) {
        FindingResponse finding = curation.link(id, body);
        long linkId = finding.links().stream().filter(l -> l.findingId().equals(body.findingId())
                && l.type() == body.type() && l.direction().equals("OUTGOING")).findFirst().orElseThrow().id();
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{linkId}")
                .buildAndExpand(linkId).toUri()).body(finding);
    }

    @DeleteMapping("/{id}/links/{linkId}")
    @Operation(summary = "Remove a link between findings (admin)")
    ResponseEntity<Void> unlink(@PathVariable long id, @PathVariable long linkId) {
        curation.unlink(id, linkId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/revisions")
    @Operation(summary = "The finding's history", description = "Every revision: when, which API key, what changed.")
    List<RevisionResponse> revisions(@PathVariable long id) {
        return history.revisions(Finding.class, id);
    }
}
