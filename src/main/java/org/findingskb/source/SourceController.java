package org.findingskb.source;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.findingskb.shared.PageQuery;
import org.findingskb.shared.ResultPage;

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
    SourceDetailResponse get(@PathVariable long id) {
        // Annotations change with the findings; the validator is a digest of the whole, so it covers them too.
        return sources.get(id);
    }
}
