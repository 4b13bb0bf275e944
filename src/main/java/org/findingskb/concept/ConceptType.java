package org.findingskb.concept;

public enum ConceptType {
    DRUG,
    DRUG_CLASS,
    CONDITION,
    BRAIN_REGION,
    CELL_TYPE,
    PATHWAY,
    PROCESS,
    ORGANISM,
    ORGANIZATION
}
