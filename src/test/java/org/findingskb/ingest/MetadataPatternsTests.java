package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.findingskb.study.ResearcherRole;
import org.junit.jupiter.api.Test;

/**
 * The metadata patterns of issue 11 on sentences invented for these tests: authors apart from quoted experts, roles
 * from their phrases, names with titles and degrees, outlets that are no people, the authors' institution, journals
 * as news stories name them, and publishers from bylines and datelines.
 */
class MetadataPatternsTests {

    private static ArticleMetadata read(String article) {
        return TestArticles.rules().read(TextNormalizer.normalize(article)).metadata();
    }

    private static ArticleMetadata body(String body) {
        return read("Otters sleep longer in cold water\n\n" + body);
    }

    @Test
    void rolesComeFromTheirPhrases() {
        assertThat(body("\"The otters slept for hours,\" said Dr. Lena Varro, the study's lead author. "
                + "Professor Piet Oosting, the senior author, said the effect held in every pool. "
                + "Co-author Mira Castell said the pools were kept at 8 degrees.").researchers())
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(tuple("Lena Varro", ResearcherRole.LEAD), tuple("Piet Oosting", ResearcherRole.SENIOR),
                        tuple("Mira Castell", ResearcherRole.AUTHOR));
        assertThat(body("Dr. Hana Bertel, the first author, said the otters slept more.").researchers())
                .extracting(ExtractedResearcher::role).containsExactly(ResearcherRole.LEAD);
        assertThat(body("Dr. Hana Bertel, the lead researcher, said the otters slept more.").researchers())
                .extracting(ExtractedResearcher::role).containsExactly(ResearcherRole.LEAD);
        assertThat(body("Dr. Hana Bertel, one of the first authors, said the otters slept more.").researchers())
                .extracting(ExtractedResearcher::role).containsExactly(ResearcherRole.LEAD);
    }

    @Test
    void anExpertNotInvolvedIsQuotedAndKeepsTheirInstitutionToThemselves() {
        ArticleMetadata m = body("The study was led by Dr. Lena Varro of Talmere University. "
                + "\"It is a careful piece of work,\" said Dr. Otto Brisk, a zoologist at the Osterby Institute "
                + "who was not involved in the study.");
        assertThat(m.researchers()).extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(tuple("Lena Varro", ResearcherRole.LEAD), tuple("Otto Brisk", ResearcherRole.QUOTED));
        assertThat(m.institution()).isEqualTo("Talmere University");
        assertThat(body("\"It is a careful piece of work,\" said Dr. Otto Brisk, a zoologist at the Osterby Institute "
                + "who was not involved in the study.").institution()).isNull();
    }

    @Test
    void degreesAfterANameLeaveItsDescriptionAndRole() {
        assertThat(body("\"The otters slept longer,\" said Lena Varro, PhD, a professor of zoology at Talmere "
                + "University and the study's first author.").researchers())
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(tuple("Lena Varro", ResearcherRole.LEAD));
        assertThat(body("\"The otters slept longer,\" said Dr. Carl B. Danvers Jr., a zoologist at Talmere "
                + "University and the study's senior author.").researchers())
                .extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(tuple("Carl B. Danvers Jr.", ResearcherRole.SENIOR));
    }

    @Test
    void anOutletOrADegreeIsNoPerson() {
        assertThat(body("\"The otters slept longer,\" Harbor Wire Service reported. \"We were surprised,\" said "
                + "Heathmoor Airport, which owns the pools.").researchers()).isEmpty();
    }

    @Test
    void theInstitutionIsTheLeadAuthorsNotTheirDepartment() {
        assertThat(body("\"The otters slept longer,\" said Lena Varro, a zoologist in the Department of Zoology at "
                + "Talmere University and the study's lead author.").institution()).isEqualTo("Talmere University");
        assertThat(body("The study was led by Dr. Lena Varro of Brenn and Ashcombe Hospital in Norby.").institution())
                .isEqualTo("Brenn and Ashcombe Hospital");
    }

    @Test
    void journalsAsStoriesNameThem() {
        assertThat(body("The findings appear in the March 16 issue of Nature.").journal()).isEqualTo("Nature");
        assertThat(body("The work is described in the August issue of Science Advances.").journal())
                .isEqualTo("Science Advances");
        assertThat(body("The study was published online in January in the Proceedings of the National Academy of "
                + "Sciences (PNAS).").journal()).isEqualTo("Proceedings of the National Academy of Sciences");
        assertThat(body("A study published Tuesday in JAMA followed the otters.").journal()).isEqualTo("JAMA");
        assertThat(body("The team reported the result in the journal Otter Biology Letters.").journal())
                .isEqualTo("Otter Biology Letters");
        assertThat(body("The results were published in Nature in May.").journal()).isEqualTo("Nature");
    }

    @Test
    void aMonthIsNoJournal() {
        assertThat(body("The findings appear in the December issue of a zoology journal.").journal()).isNull();
    }

    @Test
    void publishersFromBylinesAndDatelines() {
        assertThat(read("Otters sleep longer in cold water\nBy Ruth Amsel | The Norby Courier\nMay 3, 2021\n\n"
                + "Otters slept longer in cold pools, a study found.").publisher()).isEqualTo("The Norby Courier");
        assertThat(read("Otters sleep longer in cold water\nBy Ruth Amsel\nStaff Writer, The Norby Ledger\n\n"
                + "Otters slept longer in cold pools, a study found.").publisher()).isEqualTo("The Norby Ledger");
        assertThat(read("Otters sleep longer in cold water\nBy Ruth Amsel\n\nNORBY, May 3 (Coastline Press Agency) - "
                + "Otters slept longer in cold pools, a study found.").publisher()).isEqualTo("Coastline Press Agency");
        assertThat(read("Otters sleep longer in cold water\n\nNORBY NEWS SERVICE\n\nOtters slept longer in cold pools, "
                + "a study found.").publisher()).isEqualTo("Norby News Service");
    }

    @Test
    void aMastheadNameTheArticleNamesAgainIsThePublisher() {
        assertThat(read("Otters sleep longer in cold water\nTHE QUIET HARBOUR | Explainers\nBy Ruth Amsel\n\n"
                + "Otters slept longer in cold pools, a study found.\nPhoto: an otter in a pool (The Quiet Harbour)")
                .publisher()).isEqualTo("The Quiet Harbour");
        assertThat(read("Otters sleep longer in cold water\nStreamSense Guides\n\nOtters slept longer in cold pools, "
                + "a study found.\nReviewed by the StreamSense editors.").publisher()).isEqualTo("StreamSense");
    }

    @Test
    void aHeadingOrAnOrdinaryWordNamedAgainIsNoPublisher() {
        assertThat(read("Otters sleep longer in cold water\nOTTERS | Explainers\nBy Ruth Amsel\n\n"
                + "Otters slept longer in cold pools, a study found.\nOtters rest more in winter.").publisher()).isNull();
        assertThat(read("Otters sleep longer in cold water\nWhat we know\nTHE COLD POOLS\n\n"
                + "The cold pools were kept at 8 degrees, a study found.").publisher()).isNull();
    }

    @Test
    void aReportersJobOrASectionIsNoPublisher() {
        assertThat(read("Otters sleep longer in cold water\nBy Ruth Amsel, Science Correspondent\nNEWS\n\n"
                + "Otters slept longer in cold pools, a study found.").publisher()).isNull();
    }

    @Test
    void thePopulationAsStatedWithWhereItWasStudied() {
        assertThat(body("The trial enrolled nearly 1,500 adults in Brazil.").population())
                .isEqualTo("nearly 1,500 adults in Brazil");
        assertThat(body("The trial enrolled 2,300 patients at 40 clinics in nine countries.").population())
                .isEqualTo("2,300 patients at 40 clinics in nine countries");
        assertThat(body("The team recruited 310 adults with asthma in Norby.").population())
                .isEqualTo("310 adults with asthma");
    }

    @Test
    void theYearComesFromTheDateLine() {
        assertThat(read("Otters sleep longer in cold water\nBy Ruth Amsel | The Norby Courier\nMay 3, 2021\n\n"
                + "Otters slept longer in cold pools, a study found.").publishedYear()).isEqualTo(2021);
    }

    @Test
    void yearFromADateOnABylineOrAPostingLine() {
        assertThat(read("Otters sleep longer in cold water\nBy Ines Dorrit \u00B7 Reviewed by the editors \u00B7 Last "
                + "updated: 12 March 2015\n\nOtters in cold pools slept for longer, researchers at the University "
                + "of Westmoor found.\n").publishedYear()).isEqualTo(2015);
        assertThat(read("Otters sleep longer in cold water\n\nPosted on April 9, 2014 by Ines Dorrit | Filed under: "
                + "Animals\n\nOtters in cold pools slept for longer, researchers at the University of Westmoor "
                + "found.\n").publishedYear()).isEqualTo(2014);
        assertThat(read("Otters sleep longer in cold water\nA survey of 40 pools finds they nap more when the water is cold "
                + "and the nights are long\n\nBy Ines Dorrit, The Harbour Ledger\nMay 3, 2016 | Updated 9:15 a.m.\n\n"
                + "Otters in cold pools slept for longer, researchers at the University of Westmoor found.\n")
                .publishedYear()).isEqualTo(2016);
    }

    @Test
    void publisherFromANameBeginningWithTheAboveTheStoryOrADatelineSplitAtAnAbbreviation() {
        String story = "\n\nOtters in cold pools slept for longer, researchers at the University of Westmoor found "
                + "when they watched 40 animals over two winters.\n";
        assertThat(read("Otters sleep longer in cold water\n\nThe Harbour Lantern\n" + story).publisher())
                .isEqualTo("The Harbour Lantern");
        assertThat(read("Otters sleep longer in cold water\nBy Ines Dorrit | The Riffle | June 2015" + story).publisher())
                .isEqualTo("The Riffle");
        assertThat(read("Otters sleep longer in cold water\nTHE QUIET OAR | notes for naturalists every Friday" + story)
                .publisher()).isEqualTo("The Quiet Oar");
        assertThat(read("Otters sleep longer in cold water\n\nTAMPA, Fla., May 3 (Gulf Current Service) - Otters in "
                + "cold pools slept for longer, researchers at the University of Westmoor found.\n").publisher())
                .isEqualTo("Gulf Current Service");
    }
}
