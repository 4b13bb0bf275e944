package org.findingskb.study;

public enum ResearcherRole {
    /** Led the study, lead researcher, first author. */
    LEAD,
    /** Lab head, senior author. */
    SENIOR,
    AUTHOR,
    /** Quoted, not an author. */
    QUOTED
}
