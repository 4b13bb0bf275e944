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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.findingskb.shared.PageQuery;
import org.findingskb.shared.RequestBodies;
import org.findingskb.shared.IfMatch;
import org.findingskb.shared.ResultPage;

@RestController
@RequestMapping("/api/concepts")
@Tag(name = "Concepts", description = "Drugs, conditions, brain regions, pathways... that findings mention")
class ConceptController {

    private final ConceptService concepts;
    private final ConceptCurationService curation;
    private final RequestBodies bodies;

    ConceptController(ConceptService concepts, ConceptCurationService curation, RequestBodies bodies) {
        this.concepts = concepts;
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
    ConceptResponse get(@PathVariable long id) {
        return concepts.get(id);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a concept (curator)", description = "Its name and synonyms must name no other concept.")
    ResponseEntity<ConceptResponse> create(@Valid @RequestBody ConceptRequest body) {
        ConceptResponse created = curation.create(body);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a concept (curator)", description = "Needs If-Match: 428 without it, 412 when stale.")
    ConceptResponse replace(@PathVariable long id, @Valid @RequestBody ConceptRequest body,
            @RequestHeader(HttpHeaders.IF_MATCH) IfMatch ifMatch) {
        curation.replace(id, ifMatch, body);
        return concepts.get(id);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Change some fields of a concept (curator)", description = "A JSON Merge Patch. Needs If-Match.")
    ConceptResponse patch(@PathVariable long id, @RequestBody JsonNode patch,
            @RequestHeader(HttpHeaders.IF_MATCH) IfMatch ifMatch) {
        curation.replace(id, ifMatch, bodies.patch(curation.current(id), patch, ConceptRequest.class));
        return concepts.get(id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a concept nothing refers to (admin)", description = "Needs If-Match; 409 while in use.")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestHeader(HttpHeaders.IF_MATCH) IfMatch ifMatch) {
        curation.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }
}
