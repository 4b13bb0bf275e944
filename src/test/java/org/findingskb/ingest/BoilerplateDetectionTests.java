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

    private final ArticleAnalysis analysis = TestArticles.analyzeByRules(ARTICLE);

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
        ArticleAnalysis other = TestArticles.analyzeByRules("Title\n\nMice slept longer, the team found.\n\n© Harbour Press 2021");
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
        ArticleAnalysis bare = TestArticles.analyzeByRules("A headline\n\nSome people like tea.");
        assertThat(bare.metadata().journal()).isNull();
        assertThat(bare.metadata().publisher()).isNull();
        assertThat(bare.metadata().publishedYear()).isNull();
        assertThat(bare.metadata().population()).isNull();
        assertThat(bare.metadata().doi()).isNull();
        assertThat(bare.warnings()).contains("no journal line found", "no researchers found", "population not stated");
    }

    @Test
    void findsADoiWhereOneAppears() {
        ArticleAnalysis withDoi = TestArticles.analyzeByRules("Title\n\nRats ran faster, the team found.\n\nDOI: 10.1038/s41467-019-11111-1");
        assertThat(withDoi.metadata().doi()).isEqualTo("10.1038/s41467-019-11111-1");
    }

    private static final String WIRE_ARTICLE = """
            Goats sleep less in summer, herd study shows

            by Eastfield Veterinary College

            14 July 2021

            Goats kept outdoors slept 30 percent less in summer than in winter, according to a study of 240 goats.

            The team reported that the loss of sleep was largest on the hottest nights of the year.

            Peer-Reviewed Publication

            Explore further

            Cows that graze at night give more milk, farm survey finds

            More information: Lena Ostrova et al. Seasonal sleep loss in outdoor goats, Journal of Farm Animal Behaviour (2021). DOI: 10.1234/jfab.2021.0042

            Provided by Eastfield Veterinary College

            Citation: Goats sleep less in summer (2021, July 14) retrieved 20 July 2021 from https://example.org/news/goats.html

            This story is protected by copyright. No part of this story may be reproduced without prior written permission.
            """;

    private final ArticleAnalysis wire = TestArticles.analyzeByRules(WIRE_ARTICLE);

    @Test
    void neverTurnsDateLinesHeadlinesOrClosingFurnitureIntoFindings() {
        assertThat(wire.findings()).extracting(ExtractedFinding::statement)
                .containsExactly("Goats kept outdoors slept 30 percent less in summer than in winter, according to a study of 240 goats.",
                        "The team reported that the loss of sleep was largest on the hottest nights of the year.");
    }

    @Test
    void takesTheYearFromTheDateLineWhenThereIsNoCopyrightLine() {
        assertThat(wire.metadata().publisher()).isNull();
        assertThat(wire.metadata().publishedYear()).isEqualTo(2021);
    }

    @Test
    void readsTheJournalFromAReferenceLine() {
        assertThat(wire.metadata().journal()).isEqualTo("Journal of Farm Animal Behaviour");
        assertThat(wire.metadata().doi()).isEqualTo("10.1234/jfab.2021.0042");
    }

    @Test
    void readsTheInstitutionFromAProvidedByLine() {
        assertThat(wire.metadata().institution()).isEqualTo("Eastfield Veterinary College");
    }

    @Test
    void readsAReferenceBlockUnderItsOwnLabel() {
        ArticleAnalysis aggregator = TestArticles.analyzeByRules("""
                Owls hunt better after a full moon

                Date: March 3, 2020
                Source: Hillcrest University

                Owls caught 20 percent more prey after a full moon than after a new moon, the researchers found.

                Story Source:

                Materials provided by Hillcrest University. Note: The text may have been edited.

                Journal Reference:

                Maya Fenn et al. Lunar light and owl hunting. Avian Ecology Letters, 2020; DOI: 10.5555/ael.2020.7

                Cite This Page:

                Hillcrest University. "Owls hunt better after a full moon." Science Roundup Daily, 3 March 2020.
                """);
        assertThat(aggregator.findings()).extracting(ExtractedFinding::statement).containsExactly(
                "Owls caught 20 percent more prey after a full moon than after a new moon, the researchers found.");
        assertThat(aggregator.metadata().journal()).isEqualTo("Avian Ecology Letters");
        assertThat(aggregator.metadata().publishedYear()).isEqualTo(2020);
        assertThat(aggregator.metadata().institution()).isEqualTo("Hillcrest University");
    }

    @Test
    void readsTheEndOfAPressReleaseAsFurniture() {
        ArticleAnalysis release = TestArticles.analyzeByRules("""
                Cold water swimming lifts mood, pilot study suggests

                NEWS RELEASE 5-MAR-2018

                Swimmers reported better mood after eight weeks of cold water swimming than before, researchers at Northgate University found.

                ###

                Journal: Open Mood Research

                Media contact

                Sam Rivers
                Press Office
                sam.rivers@example.edu
                """);
        assertThat(release.findings()).hasSize(1);
        assertThat(release.metadata().publishedYear()).isEqualTo(2018);
        assertThat(release.metadata().journal()).isEqualTo("Open Mood Research");
    }

    @Test
    void takesThePublisherFromARepublicationNote() {
        ArticleAnalysis repost = TestArticles.analyzeByRules("""
                Bees learn faster in groups

                June 2, 2017 | Insects

                Bees trained in groups learned a colour task faster than bees trained alone, the team found.

                This story was originally published on Pollen Post.

                Sign up for the Pollen Post newsletter to get every story.
                """);
        assertThat(repost.metadata().publisher()).isEqualTo("Pollen Post");
        assertThat(repost.metadata().publishedYear()).isEqualTo(2017);
        assertThat(repost.findings()).hasSize(1);
    }

    @Test
    void resumesProseAfterAMidArticleListOfRelatedStories() {
        ArticleAnalysis sidebar = TestArticles.analyzeByRules("""
                Frogs call louder near roads

                Frogs living near busy roads called 15 percent louder than frogs in quiet ponds, the team found.

                Related stories

                Toads cross roads at dusk, survey finds

                The researchers also found that the calls near roads were pitched higher, which may help them carry over traffic noise.
                """);
        assertThat(sidebar.findings()).extracting(ExtractedFinding::statement)
                .anyMatch(s -> s.startsWith("The researchers also found"))
                .noneMatch(s -> s.startsWith("Toads"));
    }

    @Test
    void readsALineEndingInAPhotoCreditAsACaption() {
        ArticleAnalysis captioned = TestArticles.analyzeByRules("""
                Octopuses change colour while asleep

                Octopuses flashed colour patterns during active sleep, a team at the Coastal Marine Institute reports.

                A resting octopus in a tank. Its skin patterns flicker during sleep. Photo by Rui Costa

                An octopus in active sleep (Photo: Coastal Marine Institute)
                """);
        assertThat(captioned.findings()).extracting(ExtractedFinding::statement).containsExactly(
                "Octopuses flashed colour patterns during active sleep, a team at the Coastal Marine Institute reports.");
    }

    @Test
    void readsANewsletterGreetingSignOffAndLabelledLinesAsFurniture() {
        ArticleAnalysis newsletter = TestArticles.analyzeByRules("""
                Crows remember faces for years

                The Corvid Letter · Issue 9 · 2 May 2021

                Hi there, bird fans.

                This issue: crows that hold grudges.

                Crows that had been caught by a masked person scolded that mask for up to five years, a team at Pinecrest University reports.

                The study is in Animal Memory.

                Publication: Long-term face memory in wild crows.

                That's it for now. Reply to this note with your sightings.

                (Reporting by Ida Lund; Editing by Ben Aro)

                This story was corrected on Monday to fix a date.
                """);
        assertThat(newsletter.findings()).extracting(ExtractedFinding::statement).containsExactly(
                "Crows that had been caught by a masked person scolded that mask for up to five years, a team at Pinecrest University reports.");
        assertThat(newsletter.metadata().journal()).isEqualTo("Animal Memory");
    }

    @Test
    void takesThePublisherFromAWireDateline() {
        ArticleAnalysis wire = TestArticles.analyzeByRules("""
                Bats avoid wind farms at night, survey finds

                OSLO, June 3 (Fjord Wire) - Bats flew 60 percent less often near turning turbines than near still ones, researchers said.
                """);
        assertThat(wire.metadata().publisher()).isEqualTo("Fjord Wire");
        assertThat(wire.findings()).hasSize(1);
    }

    @Test
    void doesNotTakeASentenceOpeningWithByForAByline() {
        ArticleAnalysis article = TestArticles.analyzeByRules("""
                Owls sleep less in spring

                A new study from Larkfield University tracked barn owls.

                By contrast the young owls slept longer than their parents.
                """);
        assertThat(article.findings()).extracting(ExtractedFinding::statement)
                .contains("By contrast the young owls slept longer than their parents.");
    }
}
