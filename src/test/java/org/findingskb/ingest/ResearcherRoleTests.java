package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.findingskb.study.ResearcherRole;
import org.junit.jupiter.api.Test;

class ResearcherRoleTests {

    private static List<ExtractedResearcher> researchersOf(String body) {
        return TestArticles.analyze("A headline\n\n" + body).metadata().researchers();
    }

    @Test
    void readsTheFirstAuthorAsLeadAndDropsTheHonorific() {
        assertThat(researchersOf("Dr. Ada Quill, a physiologist and the first author, said the effect was large."))
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(tuple("Ada Quill", ResearcherRole.LEAD));
    }

    @Test
    void readsWhoLedTheTrialAsLead() {
        assertThat(researchersOf("Prof. Omar Vance, a cardiologist who led the trial, said more work is planned."))
                .extracting(ExtractedResearcher::role).containsExactly(ResearcherRole.LEAD);
    }

    @Test
    void readsLedByAsLead() {
        assertThat(researchersOf("The work was led by Dr. Ines Carvalho, a graduate student."))
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role, ExtractedResearcher::description)
                .containsExactly(tuple("Ines Carvalho", ResearcherRole.LEAD, "a graduate student"));
    }

    @Test
    void readsTheSeniorAuthorAndTheLabHeadAsSenior() {
        assertThat(researchersOf("Dr. Rolf Aske, the senior author, said the data were clear."))
                .extracting(ExtractedResearcher::role).containsExactly(ResearcherRole.SENIOR);
        assertThat(researchersOf("Dr. Mina Oduya worked in Dr. Lorne Petrov's lab. Dr. Petrov said the data were clear."))
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .contains(tuple("Lorne Petrov", ResearcherRole.SENIOR));
    }

    @Test
    void readsAPostdocWhoIsOneOfTheAuthorsAsAuthor() {
        assertThat(researchersOf("Dr. Kai Brenner, a junior postdoctoral fellow and one of the authors, says the mice "
                + "were healthy."))
                .extracting(ExtractedResearcher::role).containsExactly(ResearcherRole.AUTHOR);
    }

    @Test
    void readsAnUninvolvedExpertAsQuoted() {
        assertThat(researchersOf("Dr. Noor Haddad, a neurologist at another clinic who was not involved, said the work was careful."))
                .extracting(ExtractedResearcher::role).containsExactly(ResearcherRole.QUOTED);
    }

    /** What the rules alone read: the metadata ranker's input, which it may overrule where it is sure. */
    private static List<ExtractedResearcher> rulesResearchersOf(String body) {
        ArticleReading reading = TestArticles.rules().read(TextNormalizer.normalize("A headline\n\n" + body));
        return TestArticles.rules().metadataCandidates(reading).rulePeople();
    }

    @Test
    void mergesMentionsOfOnePersonBySurnameKeepingTheStrongestRole() {
        String body = "Dr. Tova Lind, a lead researcher on the project, told reporters the mice slept more. "
                + "Later, Dr. Lind explained the method. The team worked in Dr. Lind's lab.";
        // Both "lead researcher" and "lab" are said of her: the ranker may read either role, but one person.
        assertThat(researchersOf(body)).extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsAnyOf(tuple("Tova Lind", ResearcherRole.SENIOR), tuple("Tova Lind", ResearcherRole.LEAD))
                .hasSize(1);
        assertThat(rulesResearchersOf(body))
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(tuple("Tova Lind", ResearcherRole.SENIOR));
    }

    @Test
    void doesNotTakeInstitutionsOrSentenceOpeningsForPeople() {
        assertThat(researchersOf("Brain scans showed growth. Researchers at the Lakemont Institute said so.")).isEmpty();
    }

    @Test
    void keepsSurnameParticles() {
        assertThat(researchersOf("Marta van der Berg, a biologist who led the study, said the birds adapted."))
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(tuple("Marta van der Berg", ResearcherRole.LEAD));
    }

    @Test
    void readsAPrincipalInvestigatorAsLead() {
        assertThat(researchersOf("Dr. Hugo Lanz, the trial's principal investigator, said recruitment was quick."))
                .extracting(ExtractedResearcher::role).containsExactly(ResearcherRole.LEAD);
    }

    @Test
    void readsTheRoleAfterAnAffiliation() {
        assertThat(researchersOf("Professor Ilse Marquardt of the Brookfield Centre for Sleep Research, the senior author, said more work is planned."))
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(tuple("Ilse Marquardt", ResearcherRole.SENIOR));
    }

    @Test
    void readsASentenceOpeningNameThatAnAppositiveDescribes() {
        assertThat(researchersOf("Mercer Ashdown, an associate professor of biology and senior author of the paper, spoke about the data."))
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(tuple("Mercer Ashdown", ResearcherRole.SENIOR));
    }

    @Test
    void readsWhoDirectedTheStudyAsLead() {
        assertThat(researchersOf("\"The effect surprised us,\" said Nadia Ferreira, who directed the study."))
                .extracting(ExtractedResearcher::role).containsExactly(ResearcherRole.LEAD);
    }

    @Test
    void endsAnAppositiveAtTheNextPersonOrTheVerb() {
        assertThat(researchersOf("Mira Solberg, the first author, and Tobias Renn, the senior author and a chemist at "
                + "the institute, had 40 rats swim every day."))
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role, ExtractedResearcher::description)
                .containsExactly(tuple("Mira Solberg", ResearcherRole.LEAD, "the first author"),
                        tuple("Tobias Renn", ResearcherRole.SENIOR, "the senior author and a chemist at the institute"));
        assertThat(researchersOf("Lena Brandvik, a physicist who headed the project, and her team built a sensor."))
                .extracting(ExtractedResearcher::description).containsExactly("a physicist who headed the project");
    }

    @Test
    void doesNotTakeTheRestOfAnOrganisationNameForAPerson() {
        assertThat(researchersOf("Prof. Ivo Marek, a town planner at the Centre for Quiet Streets, said "
                + "traffic noise matters."))
                .extracting(ExtractedResearcher::name).containsExactly("Ivo Marek");
    }

    @Test
    void readsAnInitialBeforeTheFirstNameAndAnUnfamiliarFirstNameAfterARole() {
        assertThat(rulesResearchersOf("\"It held up,\" said lead author Dr. A. Tomas Kerrigan, a surgeon."))
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(tuple("A. Tomas Kerrigan", ResearcherRole.LEAD));
        // The tagger may read a first name as a preposition ("Per"); only where a clause opens is one.
        assertThat(rulesResearchersOf("A team in Ostby, with first author Per Lindqvist-Oro, ScD, and senior author "
                + "Ana Pires, PhD, counted the birds."))
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(tuple("Per Lindqvist-Oro", ResearcherRole.LEAD),
                        tuple("Ana Pires", ResearcherRole.SENIOR));
    }

    @Test
    void givesNamesListedAfterARoleThatRole() {
        assertThat(rulesResearchersOf("The survey was led by Ivo Marsh and Hans de Wit of Leiden University."))
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(tuple("Ivo Marsh", ResearcherRole.LEAD), tuple("Hans de Wit", ResearcherRole.LEAD));
        assertThat(rulesResearchersOf("Among the co-authors was Mark Bell, MD, DSc, an emeritus surgeon."))
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(tuple("Mark Bell", ResearcherRole.AUTHOR));
        assertThat(rulesResearchersOf("\"We were lucky,\" said co-author Rina Holt."))
                .extracting(ExtractedResearcher::role).containsExactly(ResearcherRole.AUTHOR);
    }

    @Test
    void readsALeadNamedAfterADescriptionAndAHeadOfTheLab() {
        List<ExtractedResearcher> people = rulesResearchersOf("The survey was led by marine ecologist Ana Pell. Tom "
                + "Reh, the head of the lab, said the reefs recovered. Ida Berg, a chemist who ran the laboratory, "
                + "said so too.");
        assertThat(people).extracting(ExtractedResearcher::name).containsExactly("Ana Pell", "Tom Reh", "Ida Berg");
        assertThat(people).extracting(ExtractedResearcher::role)
                .containsExactly(ResearcherRole.LEAD, ResearcherRole.SENIOR, ResearcherRole.SENIOR);
    }

    @Test
    void readsRolesSaidAfterTheNameAndItsAffiliation() {
        assertThat(rulesResearchersOf("Dr. Wim Berg of the Institute of Tropical Health in Lyon, the study's first "
                + "author, noted that it held. Maria Velo of Tamsin University was its senior author."))
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(tuple("Wim Berg", ResearcherRole.LEAD), tuple("Maria Velo", ResearcherRole.SENIOR));
        assertThat(rulesResearchersOf("The cells were grown by Kai Mori, who was the first author of the report. Paul Amis, "
                + "also a Tamsin chemist and the senior author, said so."))
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(tuple("Kai Mori", ResearcherRole.LEAD), tuple("Paul Amis", ResearcherRole.SENIOR));
        // The first author's appositive ends where the senior author is named.
        assertThat(rulesResearchersOf("The study's first author is Rui Costa, a chemist at Tamsin University, and its "
                + "senior author is Eva Lund, a physicist."))
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(tuple("Rui Costa", ResearcherRole.LEAD), tuple("Eva Lund", ResearcherRole.SENIOR));
    }

    @Test
    void leadsOnlyWhereTheStudyWasLedNotAPartOfIt() {
        assertThat(rulesResearchersOf("Co-author Olga Kent, who led the sampling, said it was hard."))
                .extracting(ExtractedResearcher::role).containsExactly(ResearcherRole.AUTHOR);
        assertThat(rulesResearchersOf("Dr. Nora Pike, a nurse who led the Danish arm of the trial, said it was hard."))
                .extracting(ExtractedResearcher::role).containsExactly(ResearcherRole.LEAD);
    }

    @Test
    void takesACommentaryWriterForQuotedAndTheBylineWriterForNoResearcher() {
        assertThat(researchersOf("In a commentary in the same journal, Dr. Lena Okafor of the University of Leeds "
                + "argued that the gain was modest."))
                .extracting(ExtractedResearcher::role).containsExactly(ResearcherRole.QUOTED);
        assertThat(TestArticles.analyze("A headline\n\nBy Jonas Penrose, The Harbour Ledger\n\n\"It worked,\" said "
                + "Dr. Ilse Moor, the study's lead author. Jonas Penrose wrote this report.\n").metadata().researchers())
                .extracting(ExtractedResearcher::name).containsExactly("Ilse Moor");
    }

    @Test
    void readsRolesTheSentenceGoesOnToSayAndDescriptionsBeforeAName() {
        assertThat(rulesResearchersOf("The survey came from a team led by the marine ecologist Rosa Quell. Lina Dahl, "
                + "who works at Tamsin University, is a co-author on the study. Piet Vos is a chemist in Norland and "
                + "the study's lead author. Karl Berg of "
                + "Norland University was not involved in the study."))
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(tuple("Rosa Quell", ResearcherRole.LEAD), tuple("Lina Dahl", ResearcherRole.AUTHOR),
                        tuple("Piet Vos", ResearcherRole.LEAD), tuple("Karl Berg", ResearcherRole.QUOTED));
    }

    @Test
    void keepsAListOfAuthorsGoingPastTheirAffiliations() {
        assertThat(rulesResearchersOf("The study's other authors include Ian Holt, Mia Stone and Ari Roth of Tamsin "
                + "University, and Eva Sand of Norland University."))
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(tuple("Ian Holt", ResearcherRole.AUTHOR), tuple("Mia Stone", ResearcherRole.AUTHOR),
                        tuple("Ari Roth", ResearcherRole.AUTHOR), tuple("Eva Sand", ResearcherRole.AUTHOR));
    }
}
