package org.findingskb.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.findingskb.concept.ConceptType;

/** Which subjects count as of one kind when a link is proposed. */
class LinkProposalsTests {

    @Test
    void aDrugAndItsClassAreKindredAndAnUntypedSubjectIsKindredToNothing() {
        assertThat(LinkProposals.kindred(ConceptType.DRUG, ConceptType.DRUG_CLASS)).isTrue();
        assertThat(LinkProposals.kindred(ConceptType.DRUG, null)).isFalse();
        assertThat(LinkProposals.kindred(null, ConceptType.DRUG)).isFalse();
    }
}
