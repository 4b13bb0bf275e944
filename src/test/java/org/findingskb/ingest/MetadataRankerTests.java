package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.findingskb.study.ResearcherRole;
import org.junit.jupiter.api.Test;

/**
 * The metadata ranker's machinery on invented material: candidates read from an invented article, a ranker trained
 * on invented examples choosing by what it learned, and doubting (null) rather than guessing.
 */
class MetadataRankerTests {

    /** An invented press story: an author's institution, an outside expert's, co-authors listed, a byline. */
    private static final String STORY = """
            Walking after dinner steadies morning blood sugar, trial finds

            By Hanna Lowe, The Riverside Courier

            Adults who took a short walk after dinner woke with lower blood sugar, a trial published in the journal \
            Diabetes Care reports.
            Researchers at the University of Westmoor enrolled 240 adults with prediabetes who had never exercised \
            regularly, and followed them for 12 weeks.
            "The effect appeared within days," said Dr. Maria Ortiz, a professor of medicine at the University of \
            Westmoor and the study's lead author.
            Co-authors include Lena Parkes, Omar Haddad and Yuki Satomi.
            Dr. Peter Quill, an endocrinologist at Eastfield Hospital who was not involved in the study, said the \
            trial was careful.
            The walking routes were mapped by Rosa Linden.
            """;

    private static MetadataCandidates.Article candidates() {
        ArticleReading reading = TestArticles.rules().read(TextNormalizer.normalize(STORY));
        return TestArticles.rules().metadataCandidates(reading);
    }

    @Test
    void offersEveryOrganisationTheStoryNamesAsAnInstitution() {
        assertThat(candidates().institutions()).extracting(MetadataCandidates.Candidate::value)
                .contains("University of Westmoor", "Eastfield Hospital");
    }

    @Test
    void marksTheOrganisationOfAnOutsideExpertApartFromTheAuthors() {
        MetadataCandidates.Candidate expert = candidates().institutions().stream()
                .filter(c -> c.value().equals("Eastfield Hospital")).findFirst().orElseThrow();
        MetadataCandidates.Candidate authors = candidates().institutions().stream()
                .filter(c -> c.value().equals("University of Westmoor")).findFirst().orElseThrow();
        assertThat(expert.features()).contains("after=OUTSIDE", "ctx=outside");
        assertThat(authors.features()).contains("after=LEAD", "anchored");
    }

    @Test
    void offersThePopulationAsTheRulesReadItAndToTheEndOfItsClause() {
        assertThat(candidates().populations()).extracting(MetadataCandidates.Candidate::value)
                .contains("240 adults with prediabetes",
                        "240 adults with prediabetes who had never exercised regularly");
    }

    /** An invented field study: counted things that are no people nor animals of the lexicon. */
    private static final String SURVEY = """
            Ponds cool faster than expected, survey shows

            Ecologists at the Lowmarsh Field Station measured 2,318 shallow ponds of the northern lowlands in \
            eleven regions, some of them dry in summer, over three seasons.
            The team also counted 1.4 million reed stems.
            Water in the smallest ponds cooled twice as fast as in the largest ones.
            """;

    private static List<MetadataCandidates.Candidate> surveyPopulations() {
        ArticleReading reading = TestArticles.rules().read(TextNormalizer.normalize(SURVEY));
        return TestArticles.rules().metadataCandidates(reading).populations();
    }

    @Test
    void offersCountedNounPhrasesWhateverTheNounAndEachLongerReadingThatEndsAPhrase() {
        assertThat(surveyPopulations()).extracting(MetadataCandidates.Candidate::value)
                .contains("2,318 shallow ponds", "2,318 shallow ponds of the northern lowlands",
                        "2,318 shallow ponds of the northern lowlands in eleven regions", "1.4 million reed stems")
                // A reading stops at the end of a phrase, never inside one, and never runs on past a clause break.
                .doesNotContain("2,318 shallow", "2,318 shallow ponds of the northern")
                .noneMatch(v -> v.startsWith("three seasons"));
    }

    @Test
    void marksWhatFollowsEachReadingAndWhetherItCountsTimeRatherThanAGroup() {
        MetadataCandidates.Candidate shortest = surveyPopulations().stream()
                .filter(c -> c.value().equals("2,318 shallow ponds")).findFirst().orElseThrow();
        assertThat(shortest.features()).contains("kind=COUNTED_PHRASE", "span=phrase0", "next=of");
        MetadataCandidates.Candidate clause = surveyPopulations().stream()
                .filter(c -> c.value().equals("2,318 shallow ponds of the northern lowlands in eleven regions"))
                .findFirst().orElseThrow();
        assertThat(clause.features()).contains("next=,");
        ArticleReading reading = TestArticles.rules().read(TextNormalizer.normalize(
                "Sleep and mood\n\nThe volunteers slept for 14 nights in a quiet laboratory.\n"));
        assertThat(TestArticles.rules().metadataCandidates(reading).populations())
                .filteredOn(c -> c.value().startsWith("14 nights"))
                .allSatisfy(c -> assertThat(c.features()).contains("notGroup"));
    }

    @Test
    void offersCoAuthorsNothingMarksAsPeopleForTheRankerToJudge() {
        assertThat(candidates().people()).extracting(p -> p.rule().name())
                .contains("Maria Ortiz", "Peter Quill", "Lena Parkes", "Omar Haddad", "Yuki Satomi", "Rosa Linden")
                .doesNotContain("Hanna Lowe");
        // Each name of the co-authors' list shares the role said before it.
        MetadataCandidates.Person listed = candidates().people().stream()
                .filter(p -> p.rule().name().equals("Omar Haddad")).findFirst().orElseThrow();
        assertThat(listed.features()).contains("rule=AUTHOR", "names=3");
        MetadataCandidates.Person unmarked = candidates().people().stream()
                .filter(p -> p.rule().name().equals("Rosa Linden")).findFirst().orElseThrow();
        assertThat(unmarked.features()).contains("rule=none");
    }

    private static MetadataCandidates.Candidate candidate(String value, String... features) {
        return new MetadataCandidates.Candidate(value, features);
    }

    private static MetadataCandidates.Person person(String name, String... features) {
        return new MetadataCandidates.Person(new ExtractedResearcher(name, ResearcherRole.AUTHOR, null), features);
    }

    /** Twenty invented articles: the author's organisation follows the lead author; the expert's is "outside". */
    private static List<MetadataRanker.Example> examples() {
        return java.util.stream.IntStream.range(0, 20).mapToObj(i -> new MetadataRanker.Example(
                new MetadataCandidates.Article(
                        List.of(candidate("Org " + i, "after=LEAD", "anchored"),
                                candidate("Other " + i, "after=OUTSIDE", "ctx=outside")),
                        List.of(candidate(i + " adults", "kind=COUNTED", "ctx=sample"),
                                candidate(i + " cells", "kind=ANIMAL", "hedged")),
                        List.of(person("Ada Lead" + i, "said=LEAD"), person("Bo Expert" + i, "notInvolved"),
                                person("Harbour Gazette" + i, "outletWord")),
                        null, null, List.of()),
                "Org " + i, i + " adults",
                Map.of(("lead" + i), List.of("LEAD"), ("expert" + i), List.of("QUOTED")))).toList();
    }

    @Test
    void choosesWhatItLearnedAndDropsWhatIsNoResearcher() {
        MetadataRanker ranker = MetadataRanker.train(examples(), MetadataRanker.Thresholds.standard());
        MetadataCandidates.Article unseen = new MetadataCandidates.Article(
                List.of(candidate("Expert Clinic", "after=OUTSIDE", "ctx=outside"),
                        candidate("Authors' University", "after=LEAD", "anchored")),
                List.of(candidate("12 cells", "kind=ANIMAL", "hedged"), candidate("90 adults", "kind=COUNTED",
                        "ctx=sample")),
                List.of(person("Cy Expert", "notInvolved"), person("Di Lead", "said=LEAD"),
                        person("Morning Gazette", "outletWord")),
                null, null, List.of());
        ArticleMetadata meta = ranker.apply(empty(), unseen);
        assertThat(meta.institution()).isEqualTo("Authors' University");
        assertThat(meta.population()).isEqualTo("90 adults");
        assertThat(meta.researchers()).extracting(ExtractedResearcher::name, ExtractedResearcher::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Cy Expert", ResearcherRole.QUOTED),
                        org.assertj.core.groups.Tuple.tuple("Di Lead", ResearcherRole.LEAD));
    }

    @Test
    void leavesAFieldNullWhereNoCandidateIsLikelyEnough() {
        MetadataRanker ranker = MetadataRanker.train(examples(), new MetadataRanker.Thresholds(0.99, 0.99, 0.99));
        MetadataCandidates.Article unclear = new MetadataCandidates.Article(
                List.of(candidate("Somewhere", "prev=near")), List.of(candidate("some people", "w=people")),
                List.of(person("Ed Unknown", MetadataCandidates.UNMARKED, "prev=with")), null, null, List.of());
        ArticleMetadata meta = ranker.apply(empty(), unclear);
        assertThat(meta.institution()).isNull();
        assertThat(meta.population()).isNull();
        assertThat(meta.researchers()).isEmpty();
    }

    @Test
    void keepsWhatTheRulesReadWhereTheModelIsUnsureButAgrees() {
        MetadataRanker ranker = MetadataRanker.train(examples(), new MetadataRanker.Thresholds(0.99, 0.99, 0.99));
        MetadataCandidates.Article agreed = new MetadataCandidates.Article(
                List.of(candidate("Rules' Institute", "rule", "prev=near")),
                List.of(candidate("some people", "rule", "w=people")),
                List.of(new MetadataCandidates.Person(new ExtractedResearcher("Flo Marked", ResearcherRole.SENIOR,
                        null), new String[] {"rule=SENIOR", "prev=with"})),
                null, null, List.of());
        ArticleMetadata meta = ranker.apply(empty(), agreed);
        assertThat(meta.institution()).isEqualTo("Rules' Institute");
        assertThat(meta.population()).isEqualTo("some people");
        assertThat(meta.researchers()).extracting(ExtractedResearcher::role).containsExactly(ResearcherRole.SENIOR);
    }

    private static ArticleMetadata empty() {
        return new ArticleMetadata("t", null, null, null, null, null, null, List.of(), List.of(), List.of());
    }
}
