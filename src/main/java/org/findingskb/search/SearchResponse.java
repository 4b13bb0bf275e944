package org.findingskb.search;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import org.findingskb.shared.PageLinks;
import org.findingskb.shared.WeaklyValidated;

/**
 * A page of search hits, with facet counts over all hits (not only this page) unless they were not asked for, the
 * mode that ranked them, and links to this page and the next.
 */
public record SearchResponse(
        List<SearchHit> content,
        Page page,
        @JsonInclude(JsonInclude.Include.NON_NULL) String cursor,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "counts over every hit; absent with facets=false") Facets facets,
        @Schema(description = "how the hits were ranked: keyword (no words, mode=keyword, or meaning search off),"
                + " semantic (mode=semantic, or hybrid where no hit matched the words) or hybrid") SearchMode mode,
        @JsonInclude(JsonInclude.Include.NON_NULL) PageLinks links)
        implements WeaklyValidated, PageLinks.Linked<SearchResponse> {

    /**
     * The page's place, as on every list, and whether {@code totalElements} is exact: without facets the count
     * stops early ({@link SearchService#COUNTED_UP_TO}), and {@code totalElements} is then a lower bound.
     */
    public record Page(int size, long number, long totalElements, long totalPages,
            @Schema(description = "false when totalElements is a lower bound: the count stopped early (facets=false)")
            boolean totalElementsExact) implements PageLinks.Position {

        static Page of(int size, long number, long totalElements, boolean exact) {
            return new Page(size, number, totalElements, size == 0 ? 0 : (totalElements + size - 1) / size, exact);
        }
    }

    /**
     * Counts per value: {@code type} over every hit; {@code kind}, {@code timescale}, {@code certainty},
     * {@code conceptType} and {@code study} over the findings among them.
     */
    public record Facets(Map<String, Long> type, Map<String, Long> kind, Map<String, Long> timescale,
            Map<String, Long> certainty, Map<String, Long> conceptType, List<StudyCount> study) {
    }

    public record StudyCount(Long id, String title, long count) {
    }

    @Override
    public SearchResponse withLinks(PageLinks links) {
        return new SearchResponse(content, page, cursor, facets, mode, links);
    }
}
