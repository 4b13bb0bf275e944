package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoilerplateDetectionTests {

    private static final String ARTICLE = """
            Tiny worms live longer on a cold diet

            Photo credit: Lab archive

            Worms kept at low temperature lived 40 percent longer than worms kept warm, the team found.

            Read more: Ten facts about worms

            If you are interested in ageing, please read our series on lifespan.

            The results are published in the journal Worm Biology Letters.

            The findings, published in Worm Biology Letters, show that cold slowed ageing in the animals.

            Source: Riverside College

            Copyright © 2022 Greenleaf Media Group. All rights reserved.
            """;

    private final ArticleAnalysis analysis = TestArticles.analyze(ARTICLE);

    @Test
    void neverTurnsCreditsLinksPublicationOrCopyrightLinesIntoFindings() {
        assertThat(analysis.findings()).extracting(ExtractedFinding::statement)
                .noneMatch(s -> s.contains("credit") || s.contains("Read more") || s.contains("please read")
                        || s.startsWith("The results are published") || s.contains("Source:") || s.contains("©"));
    }

    @Test
    void stillReadsFindingsFromALongSentenceThatNamesTheJournal() {
        assertThat(analysis.findings()).extracting(ExtractedFinding::statement)
                .anyMatch(s -> s.startsWith("The findings, published in"));
    }

    @Test
    void takesTheJournalFromThePublicationLine() {
        assertThat(analysis.metadata().journal()).isEqualTo("Worm Biology Letters");
    }

    @Test
    void takesPublisherAndYearFromTheCopyrightLine() {
        assertThat(analysis.metadata().publisher()).isEqualTo("Greenleaf Media Group");
        assertThat(analysis.metadata().publishedYear()).isEqualTo(2022);
    }

    @Test
    void readsACopyrightLineThatPutsTheYearLast() {
        ArticleAnalysis other = TestArticles.analyze("Title\n\nMice slept longer, the team found.\n\n© Harbour Press 2021");
        assertThat(other.metadata().publisher()).isEqualTo("Harbour Press");
        assertThat(other.metadata().publishedYear()).isEqualTo(2021);
    }

    @Test
    void fallsBackToTheSourceLineForTheInstitution() {
        assertThat(analysis.metadata().institution()).isEqualTo("Riverside College");
    }

    @Test
    void takesTheFirstLineAsTitle() {
        assertThat(analysis.metadata().title()).isEqualTo("Tiny worms live longer on a cold diet");
    }

    @Test
    void leavesFactsThatAreNotStatedNullAndWarnsAboutThem() {
        ArticleAnalysis bare = TestArticles.analyze("A headline\n\nSome people like tea.");
        assertThat(bare.metadata().journal()).isNull();
        assertThat(bare.metadata().publisher()).isNull();
        assertThat(bare.metadata().publishedYear()).isNull();
        assertThat(bare.metadata().population()).isNull();
        assertThat(bare.metadata().doi()).isNull();
        assertThat(bare.warnings()).contains("no journal line found", "no researchers found", "population not stated");
    }

    @Test
    void findsADoiWhereOneAppears() {
        ArticleAnalysis withDoi = TestArticles.analyze("Title\n\nRats ran faster, the team found.\n\nDOI: 10.1038/s41467-019-11111-1");
        assertThat(withDoi.metadata().doi()).isEqualTo("10.1038/s41467-019-11111-1");
    }
}
