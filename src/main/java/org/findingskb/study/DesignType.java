package org.findingskb.study;

/** What kind of study it was, as systematic-review tools sort studies. */
public enum DesignType {
    /** People or animals randomly assigned to arms. */
    RANDOMIZED_TRIAL,
    /** A trial with a control group, not said to be randomised. */
    CONTROLLED_TRIAL,
    /** A group followed over time, prospective or retrospective. */
    COHORT,
    CASE_CONTROL,
    /** A survey or measurement at one time. */
    CROSS_SECTIONAL,
    /** Also systematic reviews and pooled analyses. */
    META_ANALYSIS,
    /** Experiments on animals. */
    ANIMAL,
    /** Cells, tissue, organoids, bench experiments, materials and devices. */
    CELL_OR_LAB,
    /** Simulations, models, forecasts. */
    MODELLING,
    /** Observation or measurement in nature. */
    FIELD_OBSERVATION,
    OTHER
}
