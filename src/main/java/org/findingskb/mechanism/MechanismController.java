package org.findingskb.mechanism;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import java.util.List;

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
import org.findingskb.shared.ResultPage;

@RestController
@RequestMapping("/api/mechanisms")
@Tag(name = "Mechanisms", description = "How effects come about: brain regions, pathways, cell types, interventions")
class MechanismController {

    private final MechanismService mechanisms;
    private final MechanismCurationService curation;
    private final RequestBodies bodies;
    private final HistoryService history;

    MechanismController(MechanismService mechanisms, MechanismCurationService curation, RequestBodies bodies,
            HistoryService history) {
        this.mechanisms = mechanisms;
        this.curation = curation;
        this.bodies = bodies;
        this.history = history;
    }

    @GetMapping
    @Operation(summary = "A page of mechanisms", description = "Sortable by id, name and timescale.")
    ResultPage<MechanismResponse> list(
            @Parameter(description = "only mechanisms of this study") @RequestParam(required = false) Long studyId,
            @Parameter(description = "RAPID or SUSTAINED (any case)") @RequestParam(required = false) Timescale timescale,
            @Parameter(description = "a concept id, name or synonym the mechanism involves") @RequestParam(required = false) String concept,
            @Parameter(description = "words in the name or description, or in the names of its concepts") @RequestParam(required = false) String q,
            @Parameter(description = "the cursor of the previous page, to page on past the first 10,000 results")
            @RequestParam(required = false) String cursor,
            @ParameterObject PageQuery page) {
        return mechanisms.find(studyId, timescale, concept, q, page, cursor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One mechanism", description = "Carries an ETag; If-None-Match answers 304.")
    MechanismResponse get(@PathVariable long id) {
        return mechanisms.get(id);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a mechanism (curator)")
    ResponseEntity<MechanismResponse> create(@Valid @RequestBody MechanismRequest body) {
        MechanismResponse created = curation.create(body);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a mechanism (curator)", description = "Needs If-Match: 428 without it, 412 when stale.")
    MechanismResponse replace(@PathVariable long id, @Valid @RequestBody MechanismRequest body,
            @RequestHeader(HttpHeaders.IF_MATCH) IfMatch ifMatch) {
        return curation.replace(id, ifMatch, body);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Change some fields of a mechanism (curator)", description = "A JSON Merge Patch. Needs If-Match.")
    MechanismResponse patch(@PathVariable long id, @RequestBody JsonNode patch,
            @RequestHeader(HttpHeaders.IF_MATCH) IfMatch ifMatch) {
        return curation.replace(id, ifMatch, bodies.patch(curation.current(id), patch, MechanismRequest.class));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a mechanism (admin)", description = "Needs If-Match.")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestHeader(HttpHeaders.IF_MATCH) IfMatch ifMatch) {
        curation.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/revisions")
    @Operation(summary = "The mechanism's history", description = "Every revision: when, which API key, what changed.")
    List<RevisionResponse> revisions(@PathVariable long id) {
        return history.revisions(Mechanism.class, id);
    }
}
