package org.findingskb.search;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.findingskb.finding.FindingKind;

/**
 * The findings of other studies closest in meaning to one finding, most similar first.
 *
 * @param findingId the finding they are related to
 * @param content the related findings
 * @param semantic whether meaning search is on ({@code kb.search.semantic.enabled}); off, the list is empty
 */
public record RelatedFindings(long findingId, List<Related> content, boolean semantic) {

    /**
     * A related finding: its statement, kind and study, and how close its meaning is.
     *
     * @param score the cosine similarity of the two findings' embeddings, from -1 to 1 (1: the same meaning)
     */
    public record Related(long id, String statement,
            @Schema(description = "cosine similarity of the two findings' meanings, -1 to 1 (1: the same)") double score,
            FindingKind kind, SearchHit.StudyRef study) {
    }

    /** The index scores a cosine neighbour {@code (1 + cosine) / 2}; the API shows the cosine, to three places. */
    static double similarity(float score) {
        return Math.round((2.0 * score - 1.0) * 1000) / 1000.0;
    }
}
