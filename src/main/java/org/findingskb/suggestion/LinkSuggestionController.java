package org.findingskb.suggestion;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.findingskb.finding.LinkType;
import org.findingskb.history.HistoryService;
import org.findingskb.history.RevisionResponse;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.ResultPage;

@RestController
@RequestMapping("/api/links/suggested")
@Tag(name = "Suggested links", description = "Links between findings of different studies that ingest proposes,"
        + " for curators to accept or dismiss; never shown as links until accepted")
class LinkSuggestionController {

    private final LinkSuggestionService suggestions;
    private final HistoryService history;

    LinkSuggestionController(LinkSuggestionService suggestions, HistoryService history) {
        this.suggestions = suggestions;
        this.history = history;
    }

    @GetMapping
    @Operation(summary = "A page of suggested links",
            description = "The surest first. Each names both findings (id, statement, study), the proposed type, a"
                    + " score from 0 to 1 and the reason. Filters combine with AND.")
    ResultPage<LinkSuggestionResponse> list(
            @Parameter(description = "SUGGESTED (the default), ACCEPTED or DISMISSED")
            @RequestParam(defaultValue = "SUGGESTED") SuggestionStatus status,
            @Parameter(description = "only suggestions from or to this finding") @RequestParam(required = false) Long finding,
            @Parameter(description = "SUPPORTS, CONTRADICTS or EXTENDS") @RequestParam(required = false) LinkType type,
            @ParameterObject PageQuery page) {
        return suggestions.list(status, finding, type, page);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A suggested link")
    LinkSuggestionResponse get(@PathVariable long id) {
        return suggestions.get(id);
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept a suggested link (curator)",
            description = "Links the two findings as the suggestion proposes, as POST /api/findings/{id}/links does,"
                    + " and marks the suggestion ACCEPTED. 409 if it was accepted or dismissed already.")
    LinkSuggestionResponse accept(@PathVariable long id) {
        return suggestions.accept(id);
    }

    @PostMapping("/{id}/dismiss")
    @Operation(summary = "Dismiss a suggested link (curator)",
            description = "Marks the suggestion DISMISSED; no link is made. 409 if it was accepted or dismissed already.")
    LinkSuggestionResponse dismiss(@PathVariable long id) {
        return suggestions.dismiss(id);
    }

    @GetMapping("/{id}/revisions")
    @Operation(summary = "The history of a suggested link", description = "Oldest first: when it was proposed, and"
            + " who accepted or dismissed it, when.")
    List<RevisionResponse> revisions(@PathVariable long id) {
        return history.revisions(LinkSuggestion.class, "link suggestion", id);
    }
}
