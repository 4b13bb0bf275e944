package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.findingskb.finding.Certainty;
import org.findingskb.finding.FindingKind;
import org.junit.jupiter.api.Test;

/**
 * Sentences without a reporting verb that still carry a finding (measured quantities, comparisons, changes, stated
 * limits, knowledge gaps, ways of working), and sentences that look like findings but are not (signposts, asides,
 * analogies, procedure steps, remarks about the study itself). All sentences are invented.
 */
class MeasuredResultTests {

    private static final String INTRO = "A headline\n\nA new study from Westbrook University looked at hamsters.\n\n";

    private static Optional<ExtractedFinding> findingFor(String sentence) {
        return findingAfter(INTRO, sentence);
    }

    private static Optional<ExtractedFinding> findingAfter(String before, String sentence) {
        ArticleAnalysis analysis = TestArticles.analyzeByRules(before + sentence);
        return analysis.findings().stream().filter(f -> f.statement().equals(sentence)).findFirst();
    }

    private static ExtractedFinding requireFinding(String sentence) {
        return findingFor(sentence).orElseThrow(() -> new AssertionError("not a finding: " + sentence));
    }

    private static FindingKind kindOf(String sentence) {
        return requireFinding(sentence).kind();
    }

    @Test
    void readsBareComparativesAndComparativeAmountsAsResults() {
        assertThat(kindOf("On the cold nights, the hamsters took about twenty minutes longer to settle.")).isEqualTo(FindingKind.RESULT);
        assertThat(kindOf("By morning the animals seemed groggier and ate their breakfast slowly.")).isEqualTo(FindingKind.RESULT);
        assertThat(kindOf("The older animals also spent less time on the running wheel.")).isEqualTo(FindingKind.RESULT);
    }

    @Test
    void readsChangesByAnAmountAsResults() {
        assertThat(kindOf("Their blood levels of leptin were cut by roughly a third.")).isEqualTo(FindingKind.RESULT);
        assertThat(kindOf("Body temperature in the group kept indoors shifted by two degrees.")).isEqualTo(FindingKind.RESULT);
    }

    @Test
    void readsPercentagesRatiosAndPairedNumbersAsResults() {
        assertThat(kindOf("Nearly 40 percent of the treated animals kept their fur through the winter.")).isEqualTo(FindingKind.RESULT);
        assertThat(kindOf("In the untreated colony, only one hamster in ten reached the top of the ramp.")).isEqualTo(FindingKind.RESULT);
        assertThat(kindOf("That came to roughly 12 grams on the extract versus 3 grams on plain chow.")).isEqualTo(FindingKind.RESULT);
        assertThat(kindOf("Cataracts were diagnosed in 7 hamsters from the sunny room and in 31 hamsters from the dark room."))
                .isEqualTo(FindingKind.RESULT);
    }

    @Test
    void readsCorrelativeComparisonsAndSignificanceAsResults() {
        assertThat(kindOf("The colder the room, the bigger the stores of seed.")).isEqualTo(FindingKind.RESULT);
        assertThat(kindOf("On the weight scale, the gap between the two groups at the end of winter was not statistically significant."))
                .isEqualTo(FindingKind.RESULT);
    }

    @Test
    void readsAnObservedEventNamingARegionAsAResult() {
        assertThat(kindOf("When the hamsters smelled a predator, noradrenaline was released in the amygdala."))
                .isEqualTo(FindingKind.RESULT);
    }

    @Test
    void keepsAMeasuredFactInThePresentTenseAsBackground() {
        Optional<ExtractedFinding> prevalence = findingFor(
                "Obesity affects roughly one in four pet hamsters and is tied to diabetes.");
        assertThat(prevalence).map(ExtractedFinding::kind).hasValue(FindingKind.CONTEXT);
    }

    @Test
    void doesNotTakeACountOfThingsInAGroupForARatio() {
        assertThat(findingFor("The team compared the three diets in 80 adult hamsters from two breeders.")).isEmpty();
    }

    @Test
    void readsEarlierWorkAndWorkElsewhereAsPriorWork() {
        assertThat(kindOf("Earlier hamster diets had typically produced gains of a few grams.")).isEqualTo(FindingKind.PRIOR_WORK);
        assertThat(kindOf("Field surveys had already shown that wild hamsters hoard more in dry years."))
                .isEqualTo(FindingKind.PRIOR_WORK);
        assertThat(kindOf("In other research, short days were tied to weight gain in rodents."))
                .isEqualTo(FindingKind.PRIOR_WORK);
    }

    @Test
    void readsALongStandingBeliefWithoutStudiesAsBackground() {
        ExtractedFinding f = requireFinding("For decades, breeders have kept hamsters warm, but warmth alone rarely stops hair loss.");
        assertThat(f.kind()).isEqualTo(FindingKind.CONTEXT);
        assertThat(f.timescale()).isNull();
    }

    @Test
    void readsWhatWasNotKnownAsContext() {
        assertThat(kindOf("Until now, there had been no direct evidence that light alone controls hoarding."))
                .isEqualTo(FindingKind.CONTEXT);
    }

    @Test
    void readsStatedLimitsOfManyWordingsAsReportedContext() {
        for (String limit : new String[] {
                "The survey was observational, so other habits of the owners cannot be excluded as a cause.",
                "The study did not show what happens when the lamps are switched off for good.",
                "The owners were mostly white, all from a single town, and handling the animals blind was difficult.",
                "It is also possible that sicker hamsters were kept in the warmer rooms.",
                "All tests were run only in hamsters bred in the lab.",
                "Longer follow-up is needed to check whether the fur stays."}) {
            ExtractedFinding f = requireFinding(limit);
            assertThat(f.kind()).as(limit).isEqualTo(FindingKind.CONTEXT);
            assertThat(f.certainty()).as(limit).isEqualTo(Certainty.REPORTED);
        }
    }

    @Test
    void readsALimitInsideALeadingConditionAsAnImplication() {
        ExtractedFinding f = requireFinding("If confirmed in larger studies, the lamp might become standard in pet shops.");
        assertThat(f.kind()).isEqualTo(FindingKind.IMPLICATION);
        assertThat(f.certainty()).isEqualTo(Certainty.SUGGESTED);
    }

    @Test
    void readsWaysOfWorkingAsMechanismsWithoutANamedRegion() {
        assertThat(kindOf("The chief culprit is probably the flicker of the cheap bulbs.")).isEqualTo(FindingKind.MECHANISM);
        assertThat(kindOf("Cold nights and poor bedding explained much of the link between cage size and hair loss."))
                .isEqualTo(FindingKind.MECHANISM);
        assertThat(kindOf("The compound is taken up by fat tissue and slowly released into the blood."))
                .isEqualTo(FindingKind.MECHANISM);
        assertThat(kindOf("Daylight is sensed in the retina, whose cells signal to the hypothalamus."))
                .isEqualTo(FindingKind.MECHANISM);
    }

    @Test
    void readsAReportBeforeAHedgeAsAResult() {
        ExtractedFinding f = requireFinding("Scans showed thinner fat pads in 20 patients, which suggests the hormone burns fat.");
        assertThat(f.kind()).isEqualTo(FindingKind.RESULT);
        assertThat(f.certainty()).isEqualTo(Certainty.SUGGESTED);
    }

    @Test
    void readsAdviceDrawnFromTheStudyAsAnImplication() {
        assertThat(kindOf("The vet said owners of older hamsters should still keep the cage away from windows."))
                .isEqualTo(FindingKind.IMPLICATION);
    }

    @Test
    void skipsSignpostsAsidesAndRemarksAboutTheStudyItself() {
        assertThat(findingFor("Here is what the team actually found.")).isEmpty();
        assertThat(findingAfter("A headline\n\n", "I must admit that my own hamster sleeps in a shoebox.")).isEmpty();
        assertThat(findingAfter("A headline\n\n", "A modest trial of heated cages has drawn plenty of attention online."))
                .isEmpty();
    }

    @Test
    void skipsProcedureStepsAndPictureAnalogies() {
        assertThat(findingFor("The researchers then dimmed the lamps above half of the cages.")).isEmpty();
        assertThat(findingFor("One way to picture the hormone is as a thermostat dial that winter turns down.")).isEmpty();
    }

    @Test
    void doesNotMistakeARomanNumeralForTheWriter() {
        assertThat(findingFor("The hamsters with type I diabetes gained more weight than the others.")).isPresent();
    }
}
