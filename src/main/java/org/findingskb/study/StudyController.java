package org.findingskb.study;

import java.util.List;

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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.findingskb.history.HistoryService;
import org.findingskb.history.RevisionResponse;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.RequestBodies;
import org.findingskb.shared.IfMatch;
import org.findingskb.shared.MediaTypes;
import org.findingskb.shared.ResultPage;

@RestController
@RequestMapping("/api/studies")
@Tag(name = "Studies", description = "Studies as their sources report them, with findings, mechanisms and a summary")
class StudyController {

    private final StudyService studies;
    private final StudyCurationService curation;
    private final RequestBodies bodies;
    private final HistoryService history;

    StudyController(StudyService studies, StudyCurationService curation, RequestBodies bodies, HistoryService history) {
        this.studies = studies;
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

    @GetMapping(path = "/{idOrSlug}", produces = {MediaType.APPLICATION_JSON_VALUE, MediaTypes.JSON_LD})
    @Operation(summary = "One study, by id or slug", description = "Carries an ETag; If-None-Match answers 304. As JSON-LD:"
            + " a schema.org MedicalStudy citing its ScholarlyArticle.")
    StudyResponse get(@PathVariable String idOrSlug) {
        return studies.get(idOrSlug);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a study (curator)")
    ResponseEntity<StudyResponse> create(@Valid @RequestBody StudyRequest body) {
        StudyResponse created = curation.create(body);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @PutMapping(path = "/{idOrSlug}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a study (curator)", description = "Needs If-Match: 428 without it, 412 when stale.")
    StudyResponse replace(@PathVariable String idOrSlug, @Valid @RequestBody StudyRequest body,
            @RequestHeader(HttpHeaders.IF_MATCH) IfMatch ifMatch) {
        return curation.replace(idOrSlug, ifMatch, body);
    }

    @PatchMapping(path = "/{idOrSlug}", consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Change some fields of a study (curator)", description = "A JSON Merge Patch. Needs If-Match.")
    StudyResponse patch(@PathVariable String idOrSlug, @RequestBody JsonNode patch,
            @RequestHeader(HttpHeaders.IF_MATCH) IfMatch ifMatch) {
        return curation.replace(idOrSlug, ifMatch, bodies.patch(curation.current(idOrSlug), patch, StudyRequest.class));
    }

    @DeleteMapping("/{idOrSlug}")
    @Operation(summary = "Delete a study with its findings and mechanisms (admin)", description = "Needs If-Match.")
    ResponseEntity<Void> delete(@PathVariable String idOrSlug, @RequestHeader(HttpHeaders.IF_MATCH) IfMatch ifMatch) {
        curation.delete(idOrSlug, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{idOrSlug}/revisions")
    @Operation(summary = "The study's history", description = "Every revision: when, which API key, what changed.")
    List<RevisionResponse> revisions(@PathVariable String idOrSlug) {
        // A deleted study keeps its history, reachable by id (its slug is gone with it).
        String value = idOrSlug.strip();
        boolean numeric = !value.isEmpty() && value.length() < 19 && value.chars().allMatch(Character::isDigit);
        return history.revisions(Study.class, numeric ? Long.parseLong(value) : studies.idOf(idOrSlug));
    }
}
