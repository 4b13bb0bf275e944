package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.findingskb.finding.Certainty;
import org.findingskb.finding.FindingKind;
import org.findingskb.mechanism.Timescale;
import org.junit.jupiter.api.Test;

/** Kind, certainty and timescale of single sentences placed after a study introduction. */
class FindingClassificationTests {

    private static final String INTRO = "A headline\n\nA new study from Westbrook University looked at hamsters.\n\n";

    private static Optional<ExtractedFinding> findingFor(String sentence) {
        ArticleAnalysis analysis = TestArticles.analyzeByRules(INTRO + sentence);
        return analysis.findings().stream().filter(f -> f.statement().equals(sentence)).findFirst();
    }

    private static ExtractedFinding requireFinding(String sentence) {
        return findingFor(sentence).orElseThrow(() -> new AssertionError("not a finding: " + sentence));
    }

    @Test
    void marksHedgedStatementsAsSuggestedImplications() {
        ExtractedFinding f = requireFinding("The compound could one day help people with chronic pain.");
        assertThat(f.kind()).isEqualTo(FindingKind.IMPLICATION);
        assertThat(f.certainty()).isEqualTo(Certainty.SUGGESTED);
    }

    @Test
    void keepsAFoundResultReportedEvenWithCan() {
        ExtractedFinding f = requireFinding("The team found that the hamsters can run twice as far after training.");
        assertThat(f.kind()).isEqualTo(FindingKind.RESULT);
        assertThat(f.certainty()).isEqualTo(Certainty.REPORTED);
    }

    @Test
    void doesNotTakeAComparisonOfLikelihoodForAHedge() {
        ExtractedFinding f = requireFinding("Trained hamsters were twice as likely to reach the goal as untrained ones.");
        assertThat(f.certainty()).isEqualTo(Certainty.REPORTED);
    }

    @Test
    void recognisesCitedEarlierResultsAsPriorWork() {
        assertThat(requireFinding("Previous studies had linked running wheels to better sleep in rodents.").kind())
                .isEqualTo(FindingKind.PRIOR_WORK);
        assertThat(requireFinding("Earlier work had shown that cold rooms slow hamster growth.").kind())
                .isEqualTo(FindingKind.PRIOR_WORK);
    }

    @Test
    void readsStatedLimitsAsContext() {
        ExtractedFinding f = requireFinding("The authors cautioned that larger studies are needed to confirm the effect.");
        assertThat(f.kind()).isEqualTo(FindingKind.CONTEXT);
        assertThat(f.certainty()).isEqualTo(Certainty.REPORTED);
    }

    @Test
    void readsHowItWorksAsAMechanismWhenItNamesACellRegionOrPathway() {
        ExtractedFinding f = requireFinding("The benefit comes from dopamine neurons in the striatum firing more often.");
        assertThat(f.kind()).isEqualTo(FindingKind.MECHANISM);
    }

    @Test
    void skipsMethodSentences() {
        assertThat(findingFor("The researchers recruited 300 hamsters and randomly assigned them to two groups."))
                .isEmpty();
        assertThat(findingFor("To find out, the team tracked each animal for a month.")).isEmpty();
    }

    @Test
    void skipsAnalogiesAndTheirFollowUps() {
        ArticleAnalysis analysis = TestArticles.analyzeByRules(INTRO
                + "Think of the hormone as a thermostat in a cold house. The thermostat clicks on and the rooms warm up.");
        assertThat(analysis.findings()).extracting(ExtractedFinding::statement)
                .noneMatch(s -> s.contains("thermostat"));
    }

    @Test
    void givesRapidForHoursAndSustainedForWeeks() {
        assertThat(requireFinding("The treated hamsters improved within hours of the first dose.").timescale())
                .isEqualTo(Timescale.RAPID);
        assertThat(requireFinding("The treated hamsters improved steadily over the following weeks.").timescale())
                .isEqualTo(Timescale.SUSTAINED);
    }

    @Test
    void givesNoTimescaleWhenBothOrNeitherAreStated() {
        assertThat(requireFinding("The team found one change that acts quickly and one that builds over months.")
                .timescale()).isNull();
        assertThat(requireFinding("The team found that treated hamsters weighed more.").timescale()).isNull();
    }

    @Test
    void ignoresNegatedSpeedWords() {
        ArticleAnalysis analysis = TestArticles.analyzeByRules(INTRO
                + "The slower effect comes from new neurons in the hippocampus. This builds gradually and does not happen right away.");
        ExtractedFinding continuation = analysis.findings().get(analysis.findings().size() - 1);
        assertThat(continuation.statement()).startsWith("This builds gradually");
        assertThat(continuation.timescale()).isEqualTo(Timescale.SUSTAINED);
    }

    @Test
    void carriesTheTimescaleOfTheSentenceAnAnaphorRefersTo() {
        ArticleAnalysis analysis = TestArticles.analyzeByRules(INTRO
                + "The fast effect comes from existing neurons in the amygdala becoming more active. This lifts mood.");
        ExtractedFinding continuation = analysis.findings().get(analysis.findings().size() - 1);
        assertThat(continuation.statement()).isEqualTo("This lifts mood.");
        assertThat(continuation.timescale()).isEqualTo(Timescale.RAPID);
        assertThat(continuation.kind()).isEqualTo(FindingKind.MECHANISM);
    }

    @Test
    void tagsLexiconConceptsWithMeshIdsAndPlurals() {
        ExtractedFinding f = requireFinding("The team found that hippocampi of treated mice held more astrocytes.");
        assertThat(f.concepts()).extracting(ConceptCandidate::name).contains("Hippocampus", "Mice", "Astrocytes");
        assertThat(f.concepts()).filteredOn(c -> c.name().equals("Hippocampus"))
                .extracting(ConceptCandidate::meshId).containsExactly("D006624");
    }

    @Test
    void typesANamedConceptOutsideTheLexiconFromItsContext() {
        ExtractedFinding f = requireFinding(
                "The team found that blocking a signalling protein called zentrin-4 stopped the growth of neurons.");
        assertThat(f.concepts()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("zentrin-4");
            assertThat(c.type()).isEqualTo(org.findingskb.concept.ConceptType.PATHWAY);
            assertThat(c.meshId()).isNull();
        });
    }

    @Test
    void keepsAHedgedAccountOfHowAMechanism() {
        ExtractedFinding f = requireFinding("The hormone may act on astrocytes, which might then calm nearby neurons.");
        assertThat(f.kind()).isEqualTo(FindingKind.MECHANISM);
        assertThat(f.certainty()).isEqualTo(Certainty.SUGGESTED);
        ExtractedFinding means = requireFinding("The authors suggest that running may lower blood pressure by relaxing the arteries.");
        assertThat(means.kind()).isEqualTo(FindingKind.MECHANISM);
    }

    @Test
    void keepsAHedgedSentenceAboutTreatingPeopleAnImplication() {
        ExtractedFinding f = requireFinding("Drugs that act on dopamine signaling could one day treat hamster-like sleep disorders in patients.");
        assertThat(f.kind()).isEqualTo(FindingKind.IMPLICATION);
    }

    @Test
    void readsAStatedLimitAsReportedContextEvenWithAnOpenQuestion() {
        ExtractedFinding f = requireFinding("The trial ran for only six weeks, so it is not known whether the gains would last.");
        assertThat(f.kind()).isEqualTo(FindingKind.CONTEXT);
        assertThat(f.certainty()).isEqualTo(Certainty.REPORTED);
        ExtractedFinding confound = requireFinding("Diet could have contributed to the difference, the authors noted.");
        assertThat(confound.kind()).isEqualTo(FindingKind.CONTEXT);
        assertThat(confound.certainty()).isEqualTo(Certainty.SUGGESTED);
    }

    @Test
    void readsAStudyFromAnEarlierYearAsPriorWork() {
        ArticleAnalysis analysis = TestArticles.analyzeByRules(INTRO
                + "A 2009 study found that hamsters store more food in autumn.\n\n© 2015 Example Press");
        assertThat(analysis.findings()).extracting(ExtractedFinding::statement, ExtractedFinding::kind)
                .contains(org.assertj.core.groups.Tuple.tuple("A 2009 study found that hamsters store more food in autumn.",
                        FindingKind.PRIOR_WORK));
    }

    @Test
    void readsComparisonsAsResults() {
        assertThat(requireFinding("The effect was stronger in males than in females.").kind()).isEqualTo(FindingKind.RESULT);
        assertThat(requireFinding("Hamsters on the diet had fewer tumours than those on standard chow.").kind())
                .isEqualTo(FindingKind.RESULT);
    }

    @Test
    void readsTheResultAfterAMethodClause() {
        ExtractedFinding f = requireFinding("When the hamsters were fed the extract, their fur grew back and their skin became thicker.");
        assertThat(f.kind()).isEqualTo(FindingKind.RESULT);
        assertThat(findingFor("Next, the team transplanted fur follicles from old hamsters into young ones.")).isEmpty();
    }

    @Test
    void readsTheFollowingMorningAsRapidAndAComparedSpeedAsNoTimescale() {
        assertThat(requireFinding("Treated hamsters still ran farther than controls the following morning.").timescale())
                .isEqualTo(Timescale.RAPID);
        assertThat(requireFinding("Earlier studies had shown that the extract clears toxins more quickly.").timescale())
                .isNull();
    }

    @Test
    void readsSideEffectsWithoutOutcomeWordsAsContext() {
        ExtractedFinding f = requireFinding("Most of the hamsters had no symptoms, but a few developed a rash and fever.");
        assertThat(f.kind()).isEqualTo(FindingKind.CONTEXT);
    }

    @Test
    void takesTheMemberDrugAClassInTheTitleStandsFor() {
        ArticleAnalysis analysis = TestArticles.analyzeByRules("""
                Hamsters on a common antidepressant slept more

                A new study from Westbrook University gave hamsters sertraline. Hamsters on sertraline slept two hours longer.
                """);
        assertThat(analysis.metadata().interventions()).extracting(ConceptCandidate::name).contains("Sertraline");
    }

    @Test
    void listsTheWiderConditionOfAStudiedCondition() {
        ArticleAnalysis analysis = TestArticles.analyzeByRules("""
                Hamsters with a form of major depression

                A new study from Westbrook University looked at major depression in hamsters.
                """);
        assertThat(analysis.metadata().conditions()).extracting(ConceptCandidate::name)
                .contains("Depressive Disorder, Major", "Depression");
    }
}
