package org.findingskb.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A mechanism is named by what its sentence says, not by a list of concept names. Sentences are invented. */
class MechanismNamesTests {

    private static final MechanismNames NAMES = MechanismNames.load();

    @Test
    void theReportingFrameGoesAndTheClauseNamesTheMechanism() {
        assertThat(NAMES.fromSentence("The team found that lower BMP signalling lets more young neurons mature."))
                .isEqualTo("Lower BMP signalling lets more young neurons mature");
        assertThat(NAMES.fromSentence("These results suggest that the compound quietens overactive glial cells."))
                .isEqualTo("The compound quietens overactive glial cells");
    }

    @Test
    void anOpeningSceneAndTheSideClausesAfterTheMechanismGo() {
        assertThat(NAMES.fromSentence("Within two hours, the drug blocks a receptor on inhibitory cells, which frees"
                + " the excitatory ones to fire.")).isEqualTo("The drug blocks a receptor on inhibitory cells");
        assertThat(NAMES.fromSentence("In zebrafish, a stress hormone shuts down fin regrowth; the effect faded with"
                + " time.")).isEqualTo("A stress hormone shuts down fin regrowth");
        assertThat(NAMES.fromSentence("\u201cThe hormone rewires the gut lining,\u201d said the senior author."))
                .isEqualTo("The hormone rewires the gut lining");
    }

    @Test
    void aLongSentenceIsCutAtAWordAndTooShortARemainderNamesNothing() {
        String name = NAMES.fromSentence("Repeated doses slowly thicken the protective coating around long nerve fibres"
                + " in the spinal cord and the brainstem and the optic nerve and several smaller cranial nerves too.");
        assertThat(name).hasSizeLessThanOrEqualTo(91).endsWith("\u2026").doesNotContain("  ");
        assertThat(NAMES.fromSentence("It works.")).isNull();
    }
}
