package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.findingskb.study.ResearcherRole;
import org.junit.jupiter.api.Test;

/** Metadata rules on invented sentences: institution names, journals, populations, researchers, mastheads. */
class MetadataRulesTests {

    private static ArticleMetadata metadataOf(String body) {
        return TestArticles.analyze("A headline\n\n" + body).metadata();
    }

    /** Every organisation the ranker may choose as the institution. */
    private static java.util.List<String> institutionCandidates(String body) {
        ArticleReading reading = TestArticles.rules().read("A headline\n\n" + body);
        return TestArticles.rules().metadataCandidates(reading).institutions().stream()
                .map(MetadataCandidates.Candidate::value).toList();
    }

    @Test
    void offersAnInstitutionWithoutACountryBeforeItAndInItsLongerForms() {
        assertThat(institutionCandidates("Dr. Ana Pell of Norland's National Institute for Marine Studies led the "
                + "work. Tom Reh of the University of Halvard at Easton and Ida Berg of the Institute for Soil and Water "
                + "took part."))
                .contains("National Institute for Marine Studies", "University of Halvard at Easton",
                        "Institute for Soil and Water");
    }

    @Test
    void keepsAPossessiveBeforeTheOrganisationWordInTheName() {
        assertThat(institutionCandidates("The team at Imperial College London and King's College London studied "
                + "300 homes.")).contains("Imperial College London").doesNotContain("College London");
    }

    @Test
    void keepsAPossessiveThatBelongsToTheInstitutionName() {
        assertThat(metadataOf("Dr. Ivo Brandt, a chemist at Marlowe's Institute of Marine Sciences in Cork, said the "
                + "shells grew thicker.").institution()).isEqualTo("Marlowe's Institute of Marine Sciences");
    }

    @Test
    void dropsAParentOrganisationBeforeAPossessive() {
        assertThat(metadataOf("A trial led by researchers at Eastvale Health's Corrin Institute for Brain Research "
                + "found that the pill worked.").institution()).isEqualTo("Corrin Institute for Brain Research");
    }

    @Test
    void keepsTheCapitalisedArticleOfAJournalName() {
        assertThat(metadataOf("The work, published in The Lancet Neurology, followed 40 volunteers.").journal())
                .isEqualTo("The Lancet Neurology");
        assertThat(metadataOf("The work was published in the journal Brain Reports last week.").journal())
                .isEqualTo("Brain Reports");
    }

    @Test
    void keepsAnAgeRangeAndAConditionInThePopulation() {
        assertThat(metadataOf("The team recruited 240 women aged 60 and older with chronic insomnia.").population())
                .isEqualTo("240 women aged 60 and older with chronic insomnia");
        assertThat(metadataOf("The survey followed 9,120 children aged 8 to 12 years in four towns.").population())
                .isEqualTo("9,120 children aged 8 to 12 years in four towns");
    }

    @Test
    void readsACaseGroupWithItsComparisonGroup() {
        assertThat(metadataOf("The study compared 310 patients with bipolar disorder and 402 healthy volunteers from "
                + "the same towns.").population()).isEqualTo("310 patients with bipolar disorder and 402 healthy volunteers");
    }

    @Test
    void stopsTheConditionAtAParticipleClause() {
        assertThat(metadataOf("The team reviewed notes on 512 patients with epilepsy seen at two clinics.").population())
                .isEqualTo("512 patients with epilepsy");
    }

    @Test
    void readsAGroupWithSeveralAdjectives() {
        assertThat(metadataOf("The trial enrolled 44 anxious but otherwise healthy students.").population())
                .isEqualTo("44 anxious but otherwise healthy students");
    }

    @Test
    void aYearOfSampleCollectionIsNotAnEarlierStudy() {
        assertThat(metadataOf("Copyright 2024 Pellow Media.\n\nThe researchers examined tissue from 38 deceased "
                + "people whose samples were stored in 2011 or 2023.").population()).isEqualTo("38 deceased people");
    }

    @Test
    void aPlaceAtTheStartOfASentenceIsNotAPerson() {
        assertThat(metadataOf("In Lisbon, the researchers found that 12% of cases were linked to the drug.")
                .researchers()).isEmpty();
    }

    @Test
    void readsACoAuthorNamedBeforeATitle() {
        assertThat(metadataOf("Co-author Dr. Nadia Lorne of Westfield University said the result was robust.")
                .researchers()).extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(tuple("Nadia Lorne", ResearcherRole.AUTHOR));
    }

    @Test
    void readsLeadAndCoAuthorFromAnAuthorSentence() {
        assertThat(metadataOf("The paper's first author is Tomas Ruel, working with co-author Hana Ostrava.")
                .researchers()).extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactlyInAnyOrder(tuple("Tomas Ruel", ResearcherRole.LEAD),
                        tuple("Hana Ostrava", ResearcherRole.AUTHOR));
    }

    @Test
    void dropsAKnighthoodFromTheName() {
        assertThat(metadataOf("Professor Sir Alan Brightwell, a co-author of the trial, said it was careful.")
                .researchers()).extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(tuple("Alan Brightwell", ResearcherRole.AUTHOR));
    }

    @Test
    void readsThePublisherAndYearFromAMastheadLine() {
        ArticleMetadata meta = TestArticles.analyze("A headline\n\nCoastline Health Monthly | Ageing | October 2017\n\n"
                + "The team found that the birds sang less.").metadata();
        assertThat(meta.publisher()).isEqualTo("Coastline Health Monthly");
        assertThat(meta.publishedYear()).isEqualTo(2017);
        ArticleMetadata release = TestArticles.analyze("A headline\n\nFOR IMMEDIATE RELEASE\n"
                + "Distributed by Harrow Newswire | June 2012\n\nThe team found that the birds sang less.").metadata();
        assertThat(release.publisher()).isEqualTo("Harrow Newswire");
        assertThat(release.publishedYear()).isEqualTo(2012);
    }

    @Test
    void aBylineOrADateOnTheMastheadNamesNoPublisher() {
        assertThat(metadataOf("By Ola Brenn | 3 May 2019\n\nThe team found that the birds sang less.").publisher())
                .isNull();
        assertThat(metadataOf("May 3, 2019 | Ecology\n\nThe team found that the birds sang less.").publisher())
                .isNull();
    }

    @Test
    void readsAPressReleaseMastheadWithDashesAndACityDateline() {
        ArticleAnalysis analysis = TestArticles.analyze("A headline\n\nPress information - Ostrava Heart Centre - "
                + "9 May 2018\n\nBrenna, 9 May 2018. The team found that the pump lowered blood pressure by 9 percent.");
        assertThat(analysis.metadata().publisher()).isEqualTo("Ostrava Heart Centre");
        assertThat(analysis.findings()).noneMatch(f -> f.statement().startsWith("Brenna"));
    }

    @Test
    void readsTheJournalOfACitationAfterEtAl() {
        assertThat(metadataOf("The team found that the birds sang less.\n\nPaper: Orsk P et al., Avian Song "
                + "Letters, 2021.").journal()).isEqualTo("Avian Song Letters");
    }

    @Test
    void readsAProfessionWithoutAnArticleAndTheAuthorOfTheWork() {
        assertThat(metadataOf("\"It works,\" explains Prof. Ilse Varga, cardiologist and research group leader. "
                + "The paper's first author is Dr. Piet Ruys, nurse and researcher at the centre.").researchers())
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactlyInAnyOrder(tuple("Ilse Varga", ResearcherRole.SENIOR),
                        tuple("Piet Ruys", ResearcherRole.LEAD));
    }

    @Test
    void aCentreOrDepartmentOfAUniversityResolvesToTheUniversity() {
        assertThat(metadataOf("Researchers at Fenwick University's Centre for Tidal Studies found that the shells "
                + "grew thicker.").institution()).isEqualTo("Fenwick University");
        assertThat(metadataOf("To test this, vets at Brannock College's Department of Zoology set up a trial.")
                .institution()).isEqualTo("Brannock College");
    }

    @Test
    void initialsInsideAnInstitutionNameNeitherEndTheSentenceNorTheName() {
        ArticleMetadata m = metadataOf("A group led by researchers at the Ormond J.K. Lyle School of Marine Health "
                + "tracked 400 seals.");
        assertThat(m.institution()).isEqualTo("Ormond J.K. Lyle School of Marine Health");
    }

    @Test
    void readsTheJournalOfSeveralPapersAndAMagazineIssueLine() {
        assertThat(metadataOf("The shells grew thicker.\n\nThe results were reported in two papers in the Journal "
                + "of Shell Science.").journal()).isEqualTo("Journal of Shell Science");
        ArticleMetadata issue = metadataOf("The shells grew thicker, the team found.\n\nThis story appears in the "
                + "Autumn 2019 issue of Coastal Living Review.");
        assertThat(issue.publisher()).isEqualTo("Coastal Living Review");
        assertThat(issue.publishedYear()).isEqualTo(2019);
    }

    @Test
    void readsAPressReleaseHeaderWithDashesAndAShoutedMasthead() {
        assertThat(TestArticles.analyze("Seals dive deeper\n\nNews release \u2014 Fenwick University \u2014 3 May "
                + "2021\n\nSeals dove deeper in warm years, a new study found.").metadata().publisher())
                .isEqualTo("Fenwick University");
        assertThat(TestArticles.analyze("Seals dive deeper\n\nCOASTAL SCIENCE DIGEST | Issue 12 | May 3, 2021\n\n"
                + "Seals dove deeper in warm years, a new study found.").metadata().publisher())
                .isEqualTo("Coastal Science Digest");
    }

    @Test
    void aPlaceOrACampusAfterAtIsNoResearcher() {
        ArticleMetadata m = metadataOf("Dr. Ana Ruiz, who headed the trial and runs a lab at Fenwick Bay, said the "
                + "seals dove deeper. Dr. Tom Hale, now based at the University of Norland, East Harbor, said "
                + "the work was careful.");
        assertThat(m.researchers()).extracting(ExtractedResearcher::name).containsExactly("Ana Ruiz", "Tom Hale");
    }
}
