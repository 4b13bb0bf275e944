package org.findingskb.search;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.findingskb.concept.ConceptType;
import org.findingskb.finding.Certainty;
import org.findingskb.finding.FindingKind;
import org.findingskb.mechanism.Timescale;
import org.findingskb.shared.InvalidParameter;
import org.findingskb.shared.PageQuery;

@RestController
@Tag(name = "Search", description = "One search across findings, studies, mechanisms and concepts, by words and meaning; findings related by meaning")
class SearchController {

    /** The most related findings one request lists: each is a neighbour the index has to visit. */
    static final int MAX_RELATED = 50;

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/api/search")
    @Operation(summary = "Search the whole knowledge base",
            description = "Words must all match; \"quoted phrases\", -excluded words, prefix* and a | b are understood. "
                    + "Hits come by relevance with a snippet whose matched words are in <mark>; finding hits carry their"
                    + " kind, timescale, certainty and study, source hits the start and end of their passage in the"
                    + " source's text. Without q, browses what the filters let through. Facets count all hits; with"
                    + " facets=false they are left out and the total is counted up to 1,000 (page.totalElementsExact"
                    + " says whether it is exact), which is faster. By default the words and their meaning rank together"
                    + " (mode), so that a question in plain English finds what answers it; the answer's mode says how"
                    + " its hits were ranked.")
    SearchResponse search(
            @Parameter(description = "what to search for; absent or blank: every hit the filters let through")
            @RequestParam(required = false) String q,
            @Parameter(description = "only these types: finding, study, mechanism, concept, source (comma-separated)")
            @RequestParam(required = false) Set<String> type,
            @Parameter(description = "only hits of this study (findings and mechanisms)") @RequestParam(required = false) Long studyId,
            @Parameter(description = "only findings of this kind") @RequestParam(required = false) FindingKind kind,
            @Parameter(description = "only findings of this timescale") @RequestParam(required = false) Timescale timescale,
            @Parameter(description = "only findings of this certainty") @RequestParam(required = false) Certainty certainty,
            @Parameter(description = "only findings that mention a concept of this type") @RequestParam(required = false) ConceptType conceptType,
            @Parameter(description = "the cursor of the previous page, to page on past the first 10,000 results")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "false: leave out the facet counts, for a faster answer")
            @RequestParam(defaultValue = "true") boolean facets,
            @Parameter(description = "hybrid (the default): the hits that match the words, ranked by words and meaning"
                    + " together, or when none does, the hits nearest in meaning; keyword: by the words only;"
                    + " semantic: the hits nearest in meaning (findings, studies and mechanisms)")
            @RequestParam(defaultValue = "hybrid") SearchMode mode,
            @ParameterObject PageQuery page) {
        if (type != null) {
            type.stream().filter(t -> !SearchService.TYPES.containsKey(t.toLowerCase(java.util.Locale.ROOT))).findFirst()
                    .ifPresent(t -> {
                        throw InvalidParameter.of("type", "must be one of " + String.join(", ", SearchService.TYPES.keySet())
                                + ", not '" + t + "'");
                    });
        }
        Set<String> types = type == null ? null
                : type.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        if (!page.sort().isEmpty()) {
            throw InvalidParameter.of("sort", "is not supported here: search hits come by relevance");
        }
        return search.search(q, new SearchService.Filters(types, studyId, kind, timescale, certainty, conceptType), page,
                cursor, facets, mode);
    }

    @GetMapping("/api/findings/{id}/related")
    @Operation(summary = "Findings of other studies related by meaning",
            description = "The findings of other studies whose statement and sentence are closest in meaning to this"
                    + " finding's, most similar first, each with its score (cosine similarity, 1: the same meaning)"
                    + " and its study. Empty when meaning search is off (kb.search.semantic.enabled).")
    List<RelatedFinding> related(@PathVariable long id,
            @Parameter(description = "how many, 1 to 50") @RequestParam(defaultValue = "10") int size) {
        if (size < 1 || size > MAX_RELATED) {
            throw InvalidParameter.of("size", "must be between 1 and " + MAX_RELATED + ", not " + size);
        }
        return search.related(id, size);
    }
}
