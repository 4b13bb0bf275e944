package org.findingskb.summary;

/** What a summary's caveat warns of; labels and descriptions are in the vocabulary ({@code GET /api/vocabulary}). */
public enum CaveatCode {
    NEWS_REPORT,
    ANIMAL_STUDY,
    CELL_STUDY,
    OBSERVATIONAL,
    SMALL_SAMPLE,
    STATED_LIMITATION,
    STATED_HARM,
    NOT_STATED_POPULATION,
    NOT_STATED_JOURNAL,
    NOT_STATED_DOI,
    HEDGED,
    UNREVIEWED
}
