package org.findingskb.summary;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.findingskb.finding.Certainty;
import org.findingskb.finding.Finding;
import org.findingskb.finding.FindingKind;
import org.findingskb.source.SourceDocument;
import org.findingskb.study.Researcher;
import org.findingskb.study.ResearcherRole;
import org.findingskb.study.Study;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A summary never presents another study's result or an outside expert's view as the study's, even where the
 * sentence model read them as the study's own: an invented article whose most striking sentences are an earlier
 * trial's result and an outside expert's opinion.
 */
class SummaryVoicesTests {

    private static final Voices VOICES = Voices.load();

    private static final String LEAD = "Older adults with insomnia who took the pill fell asleep 20 minutes sooner"
            + " than those on a dummy pill.";
    private static final String AUTHOR_SAYS = "Kowalski said the effect appeared on the very first night.";
    private static final String EARLIER_TRIAL = "An earlier trial in young athletes found that the pill doubled"
            + " deep sleep and cut night-time waking by 80 percent.";
    private static final String OTHER_TEAM = "Researchers at the Harbourside Institute of Sleep showed that the same"
            + " compound made rats sleep twice as long.";
    private static final String PAST_PERFECT = "Surveys of pharmacies had shown that sales of sleeping pills tripled"
            + " in a decade.";
    private static final String EXPERT_NAMED = "Ferri said the pill could end the age of addictive sleeping tablets.";
    private static final String EXPERT_PRONOUN = "It is the biggest change in insomnia care for a generation, he"
            + " said.";
    private static final String SPOKESPERSON = "A spokesperson for a drug makers' association said the pill would"
            + " be cheap to make.";
    private static final String ARTICLE = String.join(" ",
            "A new pill helps older people fall asleep.",
            LEAD,
            "The trial, led by Dr. Hana Kowalski, the study's lead author, at Northgate University, enrolled 412"
                    + " volunteers aged 65 and over.",
            AUTHOR_SAYS,
            EARLIER_TRIAL,
            OTHER_TEAM,
            PAST_PERFECT,
            "Dr. Marco Ferri, a sleep physician at Eastfield Hospital who was not involved in the study, welcomed"
                    + " the work.",
            EXPERT_NAMED,
            EXPERT_PRONOUN,
            SPOKESPERSON);

    private static Study study() {
        Study study = new Study("sleep-pill", "A sleep pill for older adults",
                new SourceDocument(ARTICLE, "Sleep pill", "Campus News", null, 2026));
        study.describe("Northgate University", null, 2026, null, "412 older adults with insomnia");
        study.replaceResearchers(List.of(new Researcher("Hana Kowalski", ResearcherRole.LEAD, null),
                new Researcher("Marco Ferri", ResearcherRole.QUOTED, "a sleep physician at Eastfield Hospital")));
        return study;
    }

    /** Every sentence as the model might misread it: the study's own reported result. */
    private static List<Finding> ownResults(Study study, String... statements) {
        List<Finding> findings = new java.util.ArrayList<>();
        for (String statement : statements) {
            findings.add(Finding.curated(study, findings.size(), statement, FindingKind.RESULT, null,
                    Certainty.REPORTED, 0.95));
        }
        return findings;
    }

    private static List<String> speaking(Study study, List<Finding> findings) {
        return findings.stream().filter(VOICES.speakingFor(study)).map(Finding::getStatement).toList();
    }

    @Test
    void anEarlierStudysResultAndAnOutsidersViewNeverSpeakForTheStudy() {
        Study study = study();
        List<Finding> findings = ownResults(study, EARLIER_TRIAL, EXPERT_NAMED, EXPERT_PRONOUN, OTHER_TEAM,
                PAST_PERFECT, SPOKESPERSON, LEAD, AUTHOR_SAYS);
        assertThat(speaking(study, findings)).containsExactly(LEAD, AUTHOR_SAYS);
    }

    @Test
    void theSummaryLeadsWithTheStudysOwnResultNamingItsPopulation() {
        Study study = study();
        List<Finding> findings = ownResults(study, EARLIER_TRIAL, EXPERT_NAMED, EXPERT_PRONOUN, OTHER_TEAM, LEAD,
                AUTHOR_SAYS);
        List<Finding> speaking = findings.stream().filter(VOICES.speakingFor(study)).toList();
        List<Finding> chosen = new PlainLanguage(study).choose(speaking);
        assertThat(chosen).first().extracting(Finding::getStatement).isEqualTo(LEAD);
        assertThat(chosen).extracting(Finding::getStatement).doesNotContain(EARLIER_TRIAL, EXPERT_NAMED,
                EXPERT_PRONOUN, OTHER_TEAM);
    }

    @Test
    void aPersonTheTextCallsAnAuthorSpeaksForTheStudyWhateverTheirRoleWasReadAs() {
        Study study = study();
        // The metadata read the lead author as only quoted; the text says she led the study.
        study.replaceResearchers(List.of(new Researcher("Hana Kowalski", ResearcherRole.QUOTED, null),
                new Researcher("Marco Ferri", ResearcherRole.QUOTED, null)));
        assertThat(speaking(study, ownResults(study, AUTHOR_SAYS, EXPERT_NAMED))).containsExactly(AUTHOR_SAYS);
    }

    @Test
    void theStudysOwnNewsIsNotMistakenForOtherResearch() {
        Study study = study();
        String lede = "A new study found that older adults fell asleep sooner on the pill.";
        String ownTeam = "Researchers at Northgate University found that the pill worked within a week.";
        String sooner = "Volunteers on the pill fell asleep earlier than those on the dummy pill.";
        String present = "A team at Northgate University has shown that the pill is safe for a year.";
        assertThat(speaking(study, ownResults(study, lede, ownTeam, sooner, present)))
                .containsExactly(lede, ownTeam, sooner, present);
    }

    @Test
    void aSentenceThatReportsEarlierResearchIsKnownByItsWords() {
        assertThat(VOICES.reportsPriorWork("Earlier, a team in another country saw the same drop in sleep time.")).isTrue();
        assertThat(VOICES.reportsPriorWork("Warm baths have previously been tied to deeper sleep.")).isTrue();
        assertThat(VOICES.reportsPriorWork("Other studies have reached the opposite conclusion.")).isTrue();
        assertThat(VOICES.reportsPriorWork("A 2019 survey of nurses found the same pattern.")).isTrue();
        assertThat(VOICES.reportsPriorWork("Previous surveys of shift workers pointed the same way.")).isTrue();
        assertThat(VOICES.reportsPriorWork("Volunteers on the aid fell asleep earlier than those on the dummy pill.")).isFalse();
        assertThat(VOICES.reportsPriorWork("\"No pill had been shown to do this before,\" the lead author said.")).isFalse();
    }
}
