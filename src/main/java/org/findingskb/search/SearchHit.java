package org.findingskb.search;

import io.swagger.v3.oas.annotations.media.Schema;

import org.findingskb.finding.Certainty;
import org.findingskb.finding.FindingKind;
import org.findingskb.mechanism.Timescale;

/**
 * One hit of a search across the knowledge base, built from the index alone. {@code snippet} is the matched text,
 * HTML-escaped, with the matched words in {@code <mark>}. A finding also carries its {@code kind},
 * {@code timescale} and {@code certainty} (a mechanism its {@code timescale}); every hit that belongs to a study
 * carries it as {@code study} (its id also as {@code studyId}): a finding's or mechanism's study, a study itself,
 * the study a source reports. A source hit is a passage of the source's text: {@code start} and {@code end} are its
 * offsets in the stored text ({@code text.substring(start, end)} is the snippet without its marks), so that a page
 * can highlight it.
 */
public record SearchHit(
        @Schema(description = "finding, study, mechanism, concept or source", example = "finding") String type,
        Long id, String title, String snippet, float score, Long studyId,
        FindingKind kind, Timescale timescale, Certainty certainty, StudyRef study,
        @Schema(description = "where a source passage starts in the source's text") Integer start,
        @Schema(description = "where a source passage ends in the source's text (exclusive)") Integer end) {

    /** A study as a hit names it. */
    public record StudyRef(long id, String slug, String title) {
    }
}
