package org.findingskb.concept;

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

import org.findingskb.finding.FindingFilter;
import org.findingskb.finding.FindingResponse;
import org.findingskb.finding.FindingService;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.RequestBodies;
import org.findingskb.shared.Versions;
import org.findingskb.shared.ResultPage;

@RestController
@RequestMapping("/api/concepts")
@Tag(name = "Concepts", description = "Drugs, conditions, brain regions, pathways... that findings mention")
class ConceptController {

    private final ConceptService concepts;
    private final FindingService findings;
    private final ConceptCurationService curation;
    private final RequestBodies bodies;

    ConceptController(ConceptService concepts, FindingService findings, ConceptCurationService curation,
            RequestBodies bodies) {
        this.concepts = concepts;
        this.findings = findings;
        this.curation = curation;
        this.bodies = bodies;
    }

    @GetMapping
    @Operation(summary = "A page of concepts",
            description = "With q, names that start with it come first (type-ahead). Sortable by id, name and type.")
    ResultPage<ConceptResponse> list(
            @Parameter(description = "DRUG, DRUG_CLASS, CONDITION, BRAIN_REGION, CELL_TYPE, PATHWAY, PROCESS, ORGANISM or ORGANIZATION (any case)")
            @RequestParam(required = false) ConceptType type,
            @Parameter(description = "text in the name or a synonym") @RequestParam(required = false) String q,
            @Parameter(description = "the cursor of the previous page, to page on past the first 10,000 results")
            @RequestParam(required = false) String cursor,
            @ParameterObject PageQuery page) {
        return concepts.find(type, q, page, cursor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One concept", description = "Carries an ETag; If-None-Match answers 304.")
    ResponseEntity<ConceptResponse> get(@PathVariable long id, WebRequest request) {
        ConceptResponse concept = concepts.get(id);
        return Versions.current(request, concept.version(), concept);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a concept (curator)", description = "Its name and synonyms must name no other concept.")
    ResponseEntity<ConceptResponse> create(@Valid @RequestBody ConceptRequest body) {
        ConceptResponse created = curation.create(body);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).eTag(Versions.etag(created.version(), created)).body(created);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a concept (curator)", description = "Needs If-Match: 428 without it, 412 when stale.")
    ResponseEntity<ConceptResponse> replace(@PathVariable long id, @Valid @RequestBody ConceptRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        curation.replace(id, Versions.expected(ifMatch), body);
        return written(concepts.get(id));
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Change some fields of a concept (curator)", description = "A JSON Merge Patch. Needs If-Match.")
    ResponseEntity<ConceptResponse> patch(@PathVariable long id, @RequestBody JsonNode patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long expected = Versions.expected(ifMatch);
        curation.replace(id, expected, bodies.patch(curation.current(id), patch, ConceptRequest.class));
        return written(concepts.get(id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a concept nothing refers to (admin)", description = "Needs If-Match; 409 while in use.")
    ResponseEntity<Void> delete(@PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        curation.delete(id, Versions.expected(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ConceptResponse> written(ConceptResponse concept) {
        return ResponseEntity.ok().eTag(Versions.etag(concept.version(), concept)).body(concept);
    }

    @GetMapping("/{id}/findings")
    @Operation(summary = "The findings that mention a concept")
    ResultPage<FindingResponse> findings(@PathVariable long id,
            @Parameter(description = "the cursor of the previous page, to page on past the first 10,000 results")
            @RequestParam(required = false) String cursor,
            @ParameterObject PageQuery page) {
        concepts.get(id);
        return findings.find(FindingFilter.none().withConcept(Long.toString(id)), page, cursor);
    }
}
