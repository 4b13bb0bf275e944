package org.findingskb.search;

import io.swagger.v3.oas.annotations.media.Schema;

import org.findingskb.finding.FindingResponse;

/**
 * A finding of another study close in meaning to a given one: the finding, how close, and its study.
 *
 * @param score the cosine similarity of the two findings' embeddings, from -1 to 1 (1: the same meaning)
 */
public record RelatedFinding(FindingResponse finding,
        @Schema(description = "cosine similarity of the two findings' meanings, -1 to 1 (1: the same)") double score,
        SearchHit.StudyRef study) {

    /** The index scores a cosine neighbour {@code (1 + cosine) / 2}; the API shows the cosine, to three places. */
    static double similarity(float score) {
        return Math.round((2.0 * score - 1.0) * 1000) / 1000.0;
    }
}
