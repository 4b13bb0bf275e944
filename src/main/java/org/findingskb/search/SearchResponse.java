package org.findingskb.search;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.findingskb.shared.ResultPage;
import org.findingskb.shared.WeaklyValidated;

/** A page of search hits, with facet counts over all hits (not only this page). */
public record SearchResponse(
        List<SearchHit> content,
        ResultPage.Metadata page,
        @JsonInclude(JsonInclude.Include.NON_NULL) String cursor,
        Facets facets) implements WeaklyValidated {

    /**
     * Counts per value: {@code type} over every hit; {@code kind}, {@code timescale}, {@code certainty},
     * {@code conceptType} and {@code study} over the findings among them.
     */
    public record Facets(Map<String, Long> type, Map<String, Long> kind, Map<String, Long> timescale,
            Map<String, Long> certainty, Map<String, Long> conceptType, List<StudyCount> study) {
    }

    public record StudyCount(Long id, String title, long count) {
    }
}
