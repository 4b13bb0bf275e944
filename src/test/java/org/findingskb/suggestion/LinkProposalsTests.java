package org.findingskb.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.findingskb.concept.ConceptType;

/** Which subjects count as of one kind, where a concept may have no type at all. */
class LinkProposalsTests {

    @Test
    void aDrugAndItsClassAreKindredAndAnUntypedSubjectIsKinToNothing() {
        assertThat(LinkProposals.kindred(ConceptType.DRUG, ConceptType.DRUG_CLASS)).isTrue();
        assertThat(LinkProposals.kindred(ConceptType.CONDITION, ConceptType.CONDITION)).isTrue();
        assertThat(LinkProposals.kindred(ConceptType.DRUG, ConceptType.CONDITION)).isFalse();
        assertThat(LinkProposals.kindred(ConceptType.DRUG, null)).isFalse();
        assertThat(LinkProposals.kindred(null, ConceptType.DRUG)).isFalse();
        assertThat(LinkProposals.kindred(null, null)).isFalse();
    }
}
