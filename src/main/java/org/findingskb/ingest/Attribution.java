package org.findingskb.ingest;

/** Whose result a finding reports: this study's, an earlier study's, or an outside expert's view. */
public enum Attribution {
    STUDY,
    PRIOR,
    EXPERT
}
