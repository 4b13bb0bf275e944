package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.findingskb.finding.Certainty;
import org.findingskb.finding.FindingKind;
import org.findingskb.mechanism.Timescale;
import org.junit.jupiter.api.Test;

/** Procedures, comparisons, hedged mechanisms, background facts and verdicts on invented sentences. */
class FindingRulesTests {

    private static final String INTRO = "A headline\n\nA new study from Harrowgate University looked at ferrets.\n\n";

    private static Optional<ExtractedFinding> findingFor(String sentence) {
        return findingFor("", sentence);
    }

    private static Optional<ExtractedFinding> findingFor(String before, String sentence) {
        ArticleAnalysis analysis = TestArticles.analyzeByRules(INTRO + before + sentence);
        return analysis.findings().stream().filter(f -> f.statement().equals(sentence)).findFirst();
    }

    private static ExtractedFinding requireFinding(String sentence) {
        return findingFor(sentence).orElseThrow(() -> new AssertionError("not a finding: " + sentence));
    }

    @Test
    void aScheduleOrTheArmsOfAStudyAreNoFinding() {
        assertThat(findingFor("The swimming groups trained twice a week in sessions that included 20 minutes of "
                + "laps, rowing or treading water.")).isEmpty();
        assertThat(findingFor("One group could drink at any hour, whereas the second had access to its water for "
                + "just six hours a day.")).isEmpty();
        assertThat(findingFor("They froze each sample until the cells split into pieces that could be counted and "
                + "sorted.")).isEmpty();
        assertThat(findingFor("The trial, published this month in the journal Thorax, involved nine patients with "
                + "severe asthma.")).isEmpty();
        assertThat(findingFor("All nine had tried two or more inhalers without any relief.")).isEmpty();
        assertThat(findingFor("None of the ferrets had a heart murmur when the study began, although some had one "
                + "in the past.")).isEmpty();
    }

    @Test
    void aScheduleWithAnOutcomeIsStillAResult() {
        assertThat(requireFinding("Ferrets that swam three times a week lived 20 percent longer than the others.")
                .kind()).isEqualTo(FindingKind.RESULT);
    }

    @Test
    void readsNoExtraBenefitAndSameInBothGroupsAsResults() {
        assertThat(requireFinding("Adding the herb to the diet gave no extra benefit over the diet alone.").kind())
                .isEqualTo(FindingKind.RESULT);
        assertThat(requireFinding("Over two years, infection rates were nearly identical between the groups.")
                .kind()).isEqualTo(FindingKind.RESULT);
        assertThat(requireFinding("Body weight shifted only slightly, and by a similar margin in both groups.").kind())
                .isEqualTo(FindingKind.RESULT);
        assertThat(requireFinding("Most of the dust was cotton fibre, the material of towels and sheets.").kind())
                .isEqualTo(FindingKind.RESULT);
        assertThat(requireFinding("Lung tissue from nine ferrets that had been sick contained even more dust.")
                .kind()).isEqualTo(FindingKind.RESULT);
    }

    @Test
    void aYearComparedWithAnotherIsNotAnEarlierStudy() {
        assertThat(findingFor("Copyright 2024 Pellow Media.\n\n", "Dust levels were about 30 percent higher in 2023 "
                + "than in 2015.").orElseThrow().kind()).isEqualTo(FindingKind.RESULT);
    }

    @Test
    void readsHedgedAccountsOfHowAsSuggestedMechanisms() {
        ExtractedFinding works = requireFinding("The authors suggested that swimming might work partly by giving "
                + "patients a feeling of control over their pain.");
        assertThat(works.kind()).isEqualTo(FindingKind.MECHANISM);
        assertThat(works.certainty()).isEqualTo(Certainty.SUGGESTED);
        assertThat(requireFinding("She said a leaky gut lining could allow more toxins to build up in the blood.")
                .kind()).isEqualTo(FindingKind.MECHANISM);
        assertThat(requireFinding("They believe the spray might rebalance inhibitory signals that are lost after "
                + "an injury.").kind()).isEqualTo(FindingKind.MECHANISM);
    }

    @Test
    void readsEstimatesStandardTreatmentsAndApprovalsAsBackground() {
        assertThat(requireFinding("An estimated 5 to 10 percent of people with asthma do not get better with "
                + "inhalers.").kind()).isEqualTo(FindingKind.CONTEXT);
        assertThat(requireFinding("At high doses, zinc is a standard treatment for the condition and is known to "
                + "lower the risk of relapse.").kind()).isEqualTo(FindingKind.CONTEXT);
        ExtractedFinding approval = requireFinding("In May 2021 the FDA approved the inhaler for "
                + "severe asthma.");
        assertThat(approval.kind()).isEqualTo(FindingKind.CONTEXT);
        assertThat(approval.timescale()).isNull();
    }

    @Test
    void readsWhatTheFindingsDoNotSupportAsAReportedImplication() {
        ExtractedFinding f = requireFinding("According to the lead author, these results do not support giving zinc to "
                + "prevent colds.");
        assertThat(f.kind()).isEqualTo(FindingKind.IMPLICATION);
        assertThat(f.certainty()).isEqualTo(Certainty.REPORTED);
    }

    @Test
    void readsLimitsOfRecallAndOfWhatTheStudyCanTell() {
        assertThat(requireFinding("Most ferrets were healthy at the start, so the study does not tell us about "
                + "sick animals.").kind()).isEqualTo(FindingKind.CONTEXT);
    }

    @Test
    void readsPriorWorkInAnimalsAndInOtherStudies() {
        assertThat(requireFinding("Studies in hamsters have shown that cold rooms slow growth.").kind())
                .isEqualTo(FindingKind.PRIOR_WORK);
    }

    @Test
    void timesAfterADoseAreSustainedButDelaysAndStudyLengthsAreNot() {
        assertThat(requireFinding("The benefit was still clear at week 8, a month after treatment stopped.")
                .timescale()).isEqualTo(Timescale.SUSTAINED);
        assertThat(requireFinding("Trained ferrets lost their sight about 2.5 years later than untrained ones.")
                .timescale()).isNull();
        assertThat(requireFinding("Our long-term trial demonstrates that zinc does not lower the risk of colds.")
                .timescale()).isNull();
    }

    @Test
    void aResultInAClauseOfItsOwnOutweighsAMethodVerb() {
        assertThat(requireFinding("The group has now measured these fibres in ferret lungs, and the counts were "
                + "larger than anyone predicted.").kind()).isEqualTo(FindingKind.RESULT);
    }

    @Test
    void readsProbablyAsAHedgeAndNotKnowingAsALimit() {
        assertThat(requireFinding("She says the spray probably works by quieting nerve signals to the gut.")
                .certainty()).isEqualTo(Certainty.SUGGESTED);
        assertThat(requireFinding("All the ferrets were female, and the group does not know whether males react "
                + "alike.").kind()).isEqualTo(FindingKind.CONTEXT);
        assertThat(requireFinding("The trial has some limits: the owners knew which treatment each ferret got.")
                .kind()).isEqualTo(FindingKind.CONTEXT);
    }

    @Test
    void aHostsComparisonAndAnInterviewedMethodAreNoFinding() {
        assertThat(findingFor("The host compares it to a tunnel under a river, and the guest agrees.")).isEmpty();
        assertThat(findingFor("Mara explains that her team fed ferrets a daily pellet containing the herb for six "
                + "weeks, while a second group got plain pellets.")).isEmpty();
    }

    @Test
    void readsAWorldwideCountAsBackground() {
        assertThat(requireFinding("Every year, about 3 million persons in the world break a hip.").kind())
                .isEqualTo(FindingKind.CONTEXT);
    }

    @Test
    void readsBeliefsAboutHowAndWhatCouldExplainHowAsSuggestedMechanisms() {
        ExtractedFinding belief = requireFinding("The authors believe that the herb relaxes the airway muscles and "
                + "frees the lungs to take in more air.");
        assertThat(belief.kind()).isEqualTo(FindingKind.MECHANISM);
        assertThat(belief.certainty()).isEqualTo(Certainty.SUGGESTED);
        assertThat(requireFinding("The group thinks the spray weakens the grip of mucus on the airway wall.").kind())
                .isEqualTo(FindingKind.MECHANISM);
        assertThat(requireFinding("Such a misfire could explain why the ferret immune system turns on its own lungs.")
                .kind()).isEqualTo(FindingKind.MECHANISM);
        assertThat(requireFinding("Dust and smoke may contribute to inflammation in the small airways, the authors "
                + "suggest.").kind()).isEqualTo(FindingKind.MECHANISM);
    }

    @Test
    void aGeneralAccountOfHowInThePresentTenseIsAMechanism() {
        ExtractedFinding f = findingFor("", "Zinc shortens colds by stopping the virus from copying itself, which "
                + "also makes nausea more likely.").orElseThrow();
        assertThat(f.kind()).isEqualTo(FindingKind.MECHANISM);
    }

    @Test
    void negativeResultsEquivalencesAndAbilitiesAreResults() {
        assertThat(requireFinding("The herb did not extend the time ferrets stayed free of coughing.").kind())
                .isEqualTo(FindingKind.RESULT);
        assertThat(requireFinding("The vets did not find any difference in two other lung measures.").kind())
                .isEqualTo(FindingKind.RESULT);
        assertThat(requireFinding("The average gap in lung size between the groups was equivalent to three months "
                + "of growth.").kind()).isEqualTo(FindingKind.RESULT);
        assertThat(requireFinding("Overall, ferrets given the herb had a larger lung capacity.").kind())
                .isEqualTo(FindingKind.RESULT);
        assertThat(requireFinding("The herb made the airways far more open within an hour.").kind())
                .isEqualTo(FindingKind.RESULT);
    }

    @Test
    void statedLimitsAndCaveatsAreBackground() {
        assertThat(requireFinding("The authors noted that two months is too short a period to see any "
                + "change in growth.").kind()).isEqualTo(FindingKind.CONTEXT);
        assertThat(requireFinding("Because this was an observational study, it reveals a link, not proof of harm.").kind())
                .isEqualTo(FindingKind.CONTEXT);
        assertThat(requireFinding("The team had no information on how often the ferrets were fed.").kind())
                .isEqualTo(FindingKind.CONTEXT);
        assertThat(requireFinding("A vet warned that the spray had mostly been tested in young, healthy ferrets.")
                .kind()).isEqualTo(FindingKind.CONTEXT);
        assertThat(requireFinding("Zinc is now being trialled for asthma in two small studies.")
                .kind()).isEqualTo(FindingKind.CONTEXT);
    }

    @Test
    void anExposureDurationIsNoTimescaleOfThisStudy() {
        ExtractedFinding exposure = requireFinding("Earlier studies had linked long-term zinc use to fewer colds.");
        assertThat(exposure.kind()).isEqualTo(FindingKind.PRIOR_WORK);
        assertThat(exposure.timescale()).isNull();
    }

    @Test
    void teasersToolDescriptionsAndBaselineAreNoFinding() {
        assertThat(findingFor("The team combined two lung tests: spirometry, which shows how much air moves, and "
                + "a scan.")).isEmpty();
        assertThat(findingFor("They looked at 40 samples of lung fluid previously shown to carry the virus.")).isEmpty();
        assertThat(findingFor("None of the ferrets had asthma when they entered the study.")).isEmpty();
    }

    @Test
    void anotherPossibleAccountOfHowIsASuggestedMechanismAndAnOnsetIsAResult() {
        ExtractedFinding other = requireFinding("A second explanation, the vets propose, is that the herb coats the "
                + "airway, so that less dust sticks to it.");
        assertThat(other.kind()).isEqualTo(FindingKind.MECHANISM);
        assertThat(other.certainty()).isEqualTo(Certainty.SUGGESTED);
        ExtractedFinding onset = requireFinding("The easier breathing set in within a few days of the first puff.");
        assertThat(onset.kind()).isEqualTo(FindingKind.RESULT);
        assertThat(onset.timescale()).isEqualTo(Timescale.RAPID);
    }

    @Test
    void anImportantPieceTeaserAndALikeningAreNoFinding() {
        assertThat(findingFor("Vets in Harrowgate say they have an important piece of the answer in ferrets."))
                .isEmpty();
        assertThat(findingFor("The lead vet said the herb behaves less like a drug and more like a filter.")).isEmpty();
    }
}
