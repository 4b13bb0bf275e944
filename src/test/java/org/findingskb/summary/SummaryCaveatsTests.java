package org.findingskb.summary;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.findingskb.concept.Concept;
import org.findingskb.concept.ConceptType;
import org.findingskb.finding.Certainty;
import org.findingskb.finding.Finding;
import org.findingskb.finding.FindingKind;
import org.findingskb.finding.ReportedBy;
import org.findingskb.mechanism.Timescale;
import org.findingskb.source.SourceDocument;
import org.findingskb.study.Study;
import org.findingskb.summary.SummaryResponse.Caveat;
import org.findingskb.summary.SummaryResponse.FindingRef;
import org.findingskb.summary.SummaryResponse.Ref;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A summary's caveats never misinform: one saying the source leaves something out appears only when the study has
 * no such value and nothing in the text states it; the others rest on the findings that say so. Sentences are
 * invented for these tests.
 */
class SummaryCaveatsTests {

    private static final CaveatCues CUES = CaveatCues.load();
    private static final Caveats CAVEATS = new Caveats(CUES);
    private static final Function<Finding, FindingRef> REF =
            f -> new Ref(f.getId(), f.getStatement(), f.getKind(), f.getTimescale(), f.getCertainty());
    /** A text that states no population, journal or DOI. */
    private static final String SILENT_TEXT = "A new sleep aid shortened the time it took to fall asleep. "
            + "The team at a northern university ran the tests over two winters.";

    private static Study study(String text, String journal, String doi, String population) {
        Study study = new Study("sleep-aid", "A sleep aid works fast", new SourceDocument(text, "Sleep aid", "Campus News", null, 2026));
        study.describe("Northern University", journal, 2026, doi, population);
        study.replaceConditions(List.of(new Concept("insomnia", ConceptType.CONDITION, null, List.of())));
        return study;
    }

    private static Finding finding(Study study, String statement, FindingKind kind) {
        return Finding.curated(study, 0, statement, kind, null, Certainty.REPORTED, 1.0);
    }

    private static List<CaveatCode> codes(Study study, Finding... findings) {
        return CAVEATS.of(study, List.of(findings), REF).stream().map(Caveat::code).toList();
    }

    private static Caveat caveat(Study study, CaveatCode code, Finding... findings) {
        return CAVEATS.of(study, List.of(findings), REF).stream().filter(c -> c.code() == code).findFirst().orElseThrow();
    }

    @Test
    void aNotStatedCaveatNeverClaimsAnAbsentFieldThatTheStudyHas() {
        assertThat(codes(study(SILENT_TEXT, null, null, null)))
                .contains(CaveatCode.NOT_STATED_JOURNAL, CaveatCode.NOT_STATED_DOI, CaveatCode.NOT_STATED_POPULATION);
        assertThat(codes(study(SILENT_TEXT, "Sleep Science Letters", "10.1234/sleep.5678", "older adults")))
                .doesNotContain(CaveatCode.NOT_STATED_JOURNAL, CaveatCode.NOT_STATED_DOI, CaveatCode.NOT_STATED_POPULATION);
    }

    @Test
    void aNotStatedCaveatNeverClaimsAnOmissionTheTextDoesNotMake() {
        String stating = SILENT_TEXT + " The work, published online in a sleep journal, followed 80 volunteers;"
                + " the paper is at doi.org/10.1234/sleep.5678.";
        assertThat(codes(study(stating, null, null, null)))
                .doesNotContain(CaveatCode.NOT_STATED_JOURNAL, CaveatCode.NOT_STATED_DOI, CaveatCode.NOT_STATED_POPULATION);
    }

    @Test
    void aPopulationIsStatedByCountedSubjectsOrSubjectsInASentenceAboutTheStudy() {
        assertThat(codes(study(SILENT_TEXT + " The trial enrolled nearly 1,500 adults in three cities.", null, null, null)))
                .doesNotContain(CaveatCode.NOT_STATED_POPULATION);
        assertThat(codes(study(SILENT_TEXT + " The pill was tested in older women.", null, null, null)))
                .doesNotContain(CaveatCode.NOT_STATED_POPULATION);
        assertThat(codes(study(SILENT_TEXT + " Drone images covered 2,300 lakes.", null, null, null)))
                .doesNotContain(CaveatCode.NOT_STATED_POPULATION);
        assertThat(codes(study(SILENT_TEXT + " It took 20 minutes in 2025.", null, null, null)))
                .contains(CaveatCode.NOT_STATED_POPULATION);
        // Words about who might benefit do not say who was studied.
        assertThat(codes(study(SILENT_TEXT + " It could one day help people who sleep badly.", null, null, null)))
                .contains(CaveatCode.NOT_STATED_POPULATION);
    }

    @Test
    void aStudyOfNoLivingThingIsNeverSaidToOmitItsPopulation() {
        Study planets = new Study("planets", "Seven planets", new SourceDocument(SILENT_TEXT, "Planets", null, null, 2026));
        assertThat(codes(planets)).doesNotContain(CaveatCode.NOT_STATED_POPULATION);
    }

    @Test
    void aJournalNamedByItsTitleAloneIsStated() {
        assertThat(codes(study(SILENT_TEXT + " Details are in this week's Nature.", null, null, null)))
                .doesNotContain(CaveatCode.NOT_STATED_JOURNAL);
        assertThat(codes(study(SILENT_TEXT + " The nature of sleep is still a puzzle.", null, null, null)))
                .contains(CaveatCode.NOT_STATED_JOURNAL);
    }

    @Test
    void anAnimalStudyCaveatRestsOnTheStudysOwnFindingsThatSaySo() {
        Study study = study(SILENT_TEXT, null, null, null);
        Finding inMice = finding(study, "Mice given the compound fell asleep twice as fast.", FindingKind.RESULT);
        Finding earlierInRats = finding(study, "An earlier study in rats found the same.", FindingKind.PRIOR_WORK);
        Caveat animal = caveat(study, CaveatCode.ANIMAL_STUDY, inMice, earlierInRats);
        assertThat(animal.findings()).extracting(f -> ((Ref) f).statement()).containsExactly(inMice.getStatement());
        assertThat(codes(study, earlierInRats)).doesNotContain(CaveatCode.ANIMAL_STUDY);
    }

    @Test
    void cellStudyAssociationSmallSampleAndLimitationComeFromFindingsThatSaySo() {
        Study study = study(SILENT_TEXT, null, null, null);
        Finding dish = finding(study, "In cultured neurons, the compound quietened firing.", FindingKind.MECHANISM);
        Finding linked = finding(study, "Longer naps were associated with better recall.", FindingKind.RESULT);
        Finding few = finding(study, "Among 14 volunteers, sleep came 20 minutes sooner.", FindingKind.RESULT);
        Finding limit = finding(study, "The authors note that the trial cannot prove the aid is safe for children.",
                FindingKind.CONTEXT);
        assertThat(caveat(study, CaveatCode.CELL_STUDY, dish, linked, few, limit).findings()).hasSize(1);
        assertThat(caveat(study, CaveatCode.OBSERVATIONAL, dish, linked, few, limit).findings()).hasSize(1);
        assertThat(caveat(study, CaveatCode.SMALL_SAMPLE, dish, linked, few, limit).findings()).hasSize(1);
        assertThat(caveat(study, CaveatCode.STATED_LIMITATION, dish, linked, few, limit).findings()).hasSize(1);
        assertThat(codes(study, finding(study, "Across 1,480 adults, sleep came sooner.", FindingKind.RESULT)))
                .doesNotContain(CaveatCode.SMALL_SAMPLE, CaveatCode.OBSERVATIONAL);
    }

    @Test
    void anOutsideExpertsWarningIsALimitationButNotTheStudysOwnKind() {
        Study study = study(SILENT_TEXT, null, null, null);
        Finding expert = finding(study, "The result is preliminary and was seen only in mice, said a sleep doctor.",
                FindingKind.CONTEXT);
        expert.attributeTo(ReportedBy.EXPERT);
        assertThat(codes(study, expert)).contains(CaveatCode.STATED_LIMITATION).doesNotContain(CaveatCode.ANIMAL_STUDY);
    }

    @Test
    void aStatedHarmIsAHarmNeverABenefit() {
        assertThat(CUES.statesHarm("The drug can cause dizziness and raises the risk of falls at night.")).isTrue();
        assertThat(CUES.statesHarm("Such pills are known to be addictive.")).isTrue();
        assertThat(CUES.statesHarm("Taking the aid lowered the risk of death from heart disease.")).isFalse();
        assertThat(CUES.statesHarm("Volunteers reported no serious side effects.")).isFalse();
        assertThat(CUES.statesHarm("The new compound proved harmless in every test.")).isFalse();
        Study study = study(SILENT_TEXT, null, null, null);
        assertThat(codes(study, finding(study, "The aid cut the risk of injury by a third.", FindingKind.RESULT)))
                .doesNotContain(CaveatCode.STATED_HARM);
        assertThat(codes(study, finding(study, "Older sleeping pills carry a risk of dependence.", FindingKind.CONTEXT)))
                .contains(CaveatCode.STATED_HARM);
    }

    @Test
    void hedgedFindingsAreCountedWithTheFindingsThemselves() {
        Study study = study(SILENT_TEXT, null, null, null);
        Finding hedged = Finding.curated(study, 0, "The aid might also ease jet lag.", FindingKind.IMPLICATION, null,
                Certainty.SUGGESTED, 1.0);
        Finding sure = finding(study, "The aid shortened sleep onset.", FindingKind.RESULT);
        Caveat caveat = caveat(study, CaveatCode.HEDGED, hedged, sure);
        assertThat(caveat.text()).startsWith("1 of 2 findings");
        assertThat(caveat.findings()).hasSize(1);
    }

    @Test
    void aNewsReportCaveatNamesThePublisher() {
        assertThat(caveat(study(SILENT_TEXT, null, null, null), CaveatCode.NEWS_REPORT).text()).contains("by Campus News");
    }

    @Test
    void theLeadSentenceIsTheStudysOwnResultNamingItsPopulationAndNeverAnotherStudysOrAnExpertsView() {
        Study study = study(SILENT_TEXT, null, null, "older adults with insomnia");
        Finding prior = finding(study, "A 2019 trial found that warm milk did nothing for sleep.", FindingKind.PRIOR_WORK);
        Finding expert = Finding.curated(study, 1, "This changes everything for insomnia care, said an outside doctor.",
                FindingKind.RESULT, null, Certainty.REPORTED, 1.0);
        expert.attributeTo(ReportedBy.EXPERT);
        Finding plain = Finding.curated(study, 2, "Sleep came sooner on the nights the aid was taken.",
                FindingKind.RESULT, Timescale.RAPID, Certainty.REPORTED, 0.95);
        Finding lead = Finding.curated(study, 3, "Older adults with insomnia fell asleep 20 minutes sooner on the aid.",
                FindingKind.RESULT, null, Certainty.REPORTED, 0.9);
        List<Finding> chosen = new PlainLanguage(study).choose(List.of(prior, expert, plain, lead));
        assertThat(chosen).first().isSameAs(lead);
        assertThat(chosen).doesNotContain(prior, expert).contains(plain);
    }

    @Test
    void aQuotationLosesItsMarksAndSpeakerSoNoFragmentOfItIsLeft() {
        assertThat(PlainLanguage.plain("\u201cThe aid worked within an hour,\u201d said the lead author."))
                .isEqualTo("The aid worked within an hour.");
        assertThat(PlainLanguage.plain("The aid worked within an hour,\u201d she added.")).doesNotContain("\u201d");
        assertThat(PlainLanguage.plain("Volunteers called it \u201ca gentle nudge\u201d toward sleep."))
                .isEqualTo("Volunteers called it \u201ca gentle nudge\u201d toward sleep.");
    }
}
