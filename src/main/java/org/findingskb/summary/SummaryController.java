package org.findingskb.summary;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import org.findingskb.shared.MediaTypes;

@RestController
@Tag(name = "Studies")
class SummaryController {

    private final SummaryService summaries;

    SummaryController(SummaryService summaries) {
        this.summaries = summaries;
    }

    @GetMapping(path = "/api/studies/{idOrSlug}/summary",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaTypes.JSON_LD, MediaTypes.MARKDOWN})
    @Operation(summary = "The study in brief, for frontends",
            description = "Every sentence carries the ids of the findings it rests on; caveats say what the source leaves"
                    + " out. Also as JSON-LD and as Markdown with its citation.")
    SummaryResponse summary(@PathVariable String idOrSlug) {
        return summaries.summarize(idOrSlug);
    }

    @GetMapping(path = "/api/studies/{idOrSlug}/summary", params = "format=md")
    @Operation(summary = "The study in brief, as Markdown, for browsers and curl (?format=md)")
    ResponseEntity<SummaryResponse> summaryAsMarkdown(@PathVariable String idOrSlug) {
        // The parameter stands for Accept: text/markdown; the Markdown converter renders it.
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(MediaTypes.MARKDOWN + ";charset=UTF-8"))
                .body(summaries.summarize(idOrSlug));
    }
}
