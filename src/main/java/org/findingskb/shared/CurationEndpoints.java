package org.findingskb.shared;

import java.util.function.Function;

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
 * controller extends this under its own path and hands over how its service does each ({@link Writes}).
 *
 * @param <I> the type of the id in the path
 * @param <Q> the request a curator sends
 * @param <R> the representation the API answers with
 */
public abstract class CurationEndpoints<I, Q, R extends Versioned> {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    /** A write to an existing resource, at the version {@code If-Match} names. */
    public interface Replace<I, Q, R> {
        R apply(I id, IfMatch ifMatch, Q request);
    }

    /** A deletion, at the version {@code If-Match} names. */
    public interface Delete<I> {
        void apply(I id, IfMatch ifMatch);
    }

    /**
     * How a resource's service does each write.
     *
     * @param current the resource as a request: what a merge patch applies to
     */
    public record Writes<I, Q, R>(Function<Q, R> create, Function<R, Object> idOf, Replace<I, Q, R> replace,
            Function<I, Q> current, Delete<I> delete) {
    }

    private final RequestBodies bodies;
    private final Class<Q> requestType;
    private final Writes<I, Q, R> writes;

    protected CurationEndpoints(RequestBodies bodies, Class<Q> requestType, Writes<I, Q, R> writes) {
        this.bodies = bodies;
        this.requestType = requestType;
        this.writes = writes;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add one (curator)", description = "201 with Location; references and evidence are checked (else 422).")
    public ResponseEntity<R> create(@Valid @RequestBody Q body) {
        R resource = writes.create().apply(body);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(writes.idOf().apply(resource)).toUri()).body(resource);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace one (curator)", description = "Needs If-Match: 428 without it, 412 when stale.")
    public R replace(@PathVariable I id, @Valid @RequestBody Q body, @RequestHeader(HttpHeaders.IF_MATCH) IfMatch ifMatch) {
        return writes.replace().apply(id, ifMatch, body);
    }

    @PatchMapping(path = "/{id}", consumes = {MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Change some fields of one (curator)",
            description = "A JSON Merge Patch over the fields of the PUT body, checked as a PUT body is. Needs If-Match.")
    public R patch(@PathVariable I id, @RequestBody JsonNode patch, @RequestHeader(HttpHeaders.IF_MATCH) IfMatch ifMatch) {
        return writes.replace().apply(id, ifMatch, bodies.patch(writes.current().apply(id), patch, requestType));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete one (admin)", description = "Needs If-Match.")
    public ResponseEntity<Void> delete(@PathVariable I id, @RequestHeader(HttpHeaders.IF_MATCH) IfMatch ifMatch) {
        writes.delete().apply(id, ifMatch);
        return ResponseEntity.noContent().build();
    }
}
