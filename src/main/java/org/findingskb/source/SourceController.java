package org.findingskb.source;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import org.findingskb.history.HistoryService;
import org.findingskb.history.RevisionResponse;
import org.findingskb.shared.IfMatch;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.RequestBodies;
import org.findingskb.shared.ResultPage;

/** Sources are created by ingesting them (see the ingest module); here they are read, corrected and deleted. */
@RestController
@RequestMapping("/api/sources")
@Tag(name = "Sources", description = "The articles the knowledge base was built from")
class SourceController {

    private final SourceService sources;
    private final SourceCurationService curation;
    private final RequestBodies bodies;
    private final HistoryService history;

    SourceController(SourceService sources, SourceCurationService curation, RequestBodies bodies, HistoryService history) {
        this.sources = sources;
        this.curation = curation;
        this.bodies = bodies;
        this.history = history;
    }

    @GetMapping
    @Operation(summary = "A page of sources, without their text", description = "Sortable by id, title and publishedYear.")
    ResultPage<SourceResponse> list(@ParameterObject PageQuery page) {
        return sources.find(page);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One source with its text and the spans its findings stand on")
    SourceDetailResponse get(@PathVariable long id) {
        // Annotations change with the findings; the validator is a digest of the whole, so it covers them too.
        return sources.get(id);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Correct a source's metadata (curator)",
            description = "A JSON Merge Patch of title, publisher, url and publishedYear; the text never changes."
                    + " Needs If-Match: 428 without it, 412 when stale.")
    SourceDetailResponse patch(@PathVariable long id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = SourceRequest.class))) @RequestBody JsonNode patch,
            @RequestHeader(HttpHeaders.IF_MATCH) IfMatch ifMatch) {
        return curation.correct(id, ifMatch, bodies.patch(curation.current(id), patch, SourceRequest.class));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a source with its studies and the findings that quote it (admin)",
            description = "Needs If-Match. The history of all of them stays readable under their /revisions.")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestHeader(HttpHeaders.IF_MATCH) IfMatch ifMatch) {
        curation.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/revisions")
    @Operation(summary = "The source's history", description = "Every revision: when, which API key, what changed;"
            + " also of a deleted source.")
    List<RevisionResponse> revisions(@PathVariable long id) {
        return history.revisions(SourceDocument.class, "source", id);
    }
}
