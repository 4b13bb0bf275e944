package org.findingskb.finding;

/** What a finding says about its study. */
public enum FindingKind {
    /** What this study found. */
    RESULT,
    /** How it works: pathway, region, cell type. */
    MECHANISM,
    /** An earlier study's result that the source cites. */
    PRIOR_WORK,
    /** What it could mean, e.g. for treatment. */
    IMPLICATION,
    /** Background the source states, e.g. a drug's known side effects. */
    CONTEXT
}
