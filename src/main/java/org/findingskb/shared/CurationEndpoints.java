package org.findingskb.shared;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The writes every curated resource takes, the same way for studies, findings, mechanisms and concepts: POST
 * creates (201 with {@code Location}), PUT replaces, PATCH merges a JSON Merge Patch into the current request and
 * replaces with that, DELETE removes; the last three name the version they change in {@code If-Match}. A
 * controller extends this under its own path and hands over the service that does each ({@link Curation}).
 *
 * @param <I> the type of the id in the path
 * @param <Q> the request a curator sends
 * @param <R> the representation the API answers with
 */
public abstract class CurationEndpoints<I, Q, R extends Versioned> {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final RequestBodies bodies;
    private final Class<Q> requestType;
    private final Curation<I, Q, R> curation;

    protected CurationEndpoints(RequestBodies bodies, Class<Q> requestType, Curation<I, Q, R> curation) {
        this.bodies = bodies;
        this.requestType = requestType;
        this.curation = curation;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add one (curator)", description = "201 with Location; references and evidence are checked (else 422).")
    public ResponseEntity<R> create(@Valid @RequestBody Q body) {
        R resource = curation.create(body);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(resource.id()).toUri()).body(resource);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace one (curator)", description = "Needs If-Match: 428 without it, 412 when stale.")
    public R replace(@PathVariable I id, @Valid @RequestBody Q body, @RequestHeader(HttpHeaders.IF_MATCH) IfMatch ifMatch) {
        return curation.replace(id, ifMatch, body);
    }

    @PatchMapping(path = "/{id}", consumes = {MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Change some fields of one (curator)",
            description = "A JSON Merge Patch over the fields of the PUT body, checked as a PUT body is. Needs If-Match.")
    public R patch(@PathVariable I id, @RequestBody JsonNode patch, @RequestHeader(HttpHeaders.IF_MATCH) IfMatch ifMatch) {
        return curation.replace(id, ifMatch, bodies.patch(curation.current(id), patch, requestType));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete one (admin)", description = "Needs If-Match.")
    public ResponseEntity<Void> delete(@PathVariable I id, @RequestHeader(HttpHeaders.IF_MATCH) IfMatch ifMatch) {
        curation.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }
}
