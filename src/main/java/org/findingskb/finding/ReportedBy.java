package org.findingskb.finding;

/**
 * Whose result a finding reports: this study's ({@code STUDY}), an earlier study's that the source cites
 * ({@code PRIOR}), or the view of someone outside the study ({@code EXPERT}). A summary presents only the first
 * as what the study found.
 */
public enum ReportedBy {
    STUDY,
    PRIOR,
    EXPERT;

    /** What a finding of this kind reports when nobody said otherwise: prior work is a prior study's. */
    public static ReportedBy byDefault(FindingKind kind) {
        return kind == FindingKind.PRIOR_WORK ? PRIOR : STUDY;
    }
}
