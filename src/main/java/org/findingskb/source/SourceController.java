package org.findingskb.source;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import org.findingskb.shared.PageQuery;
import org.findingskb.shared.ResultPage;
import org.findingskb.shared.Versions;

@RestController
@RequestMapping("/api/sources")
@Tag(name = "Sources", description = "The articles the knowledge base was built from")
class SourceController {

    private final SourceService sources;

    SourceController(SourceService sources) {
        this.sources = sources;
    }

    @GetMapping
    @Operation(summary = "A page of sources, without their text", description = "Sortable by id, title and publishedYear.")
    ResultPage<SourceResponse> list(@ParameterObject PageQuery page) {
        return sources.find(page);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One source with its text and the spans its findings stand on")
    ResponseEntity<SourceDetailResponse> get(@PathVariable long id, WebRequest request) {
        SourceDetailResponse source = sources.get(id);
        // Annotations change with the findings, so the validator covers them too.
        return Versions.derived(request, source);
    }
}
