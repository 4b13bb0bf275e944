package org.findingskb.summary;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import org.findingskb.shared.InvalidParameter;
import org.findingskb.shared.MediaTypes;

@RestController
@Tag(name = "Studies")
class SummaryController {

    private static final MediaType MARKDOWN = MediaType.parseMediaType(MediaTypes.MARKDOWN + ";charset=UTF-8");
    private static final String EXPAND_FINDINGS = "findings";

    private final SummaryService summaries;

    SummaryController(SummaryService summaries) {
        this.summaries = summaries;
    }

    @GetMapping(path = "/api/studies/{idOrSlug}/summary",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaTypes.JSON_LD, MediaTypes.MARKDOWN})
    @Operation(summary = "The study in brief, for frontends",
            description = "Every sentence carries the findings it rests on (references, or whole findings with"
                    + " ?expand=findings); caveats carry a code and the findings that say so. Also as JSON-LD and as"
                    + " Markdown with its citation (Accept: text/markdown, or ?format=md for browsers and curl).")
    ResponseEntity<SummaryResponse> summary(@PathVariable String idOrSlug,
            @Parameter(description = "md for Markdown, for browsers and curl") @RequestParam(required = false) String format,
            @Parameter(description = "findings: embed whole findings instead of references")
            @RequestParam(required = false) String expand) {
        if (expand != null && !expand.isBlank() && !EXPAND_FINDINGS.equalsIgnoreCase(expand.strip())) {
            throw InvalidParameter.of("expand", "must be '" + EXPAND_FINDINGS + "'");
        }
        SummaryResponse summary = summaries.summarize(idOrSlug, expand != null && !expand.isBlank())
                .linkedFrom(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        // ?format=md stands for Accept: text/markdown; the Markdown converter renders it.
        return "md".equals(format) ? ResponseEntity.ok().contentType(MARKDOWN).body(summary) : ResponseEntity.ok(summary);
    }
}
