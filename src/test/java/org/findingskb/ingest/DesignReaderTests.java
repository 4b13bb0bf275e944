package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.findingskb.study.DesignType;

/** The study design read from invented articles, part by part, each with the span it rests on. */
class DesignReaderTests {

    /** Invented: a trial with every part of its design stated once. */
    static final String TRIAL = """
            Daily pill eases joint pain in older adults, trial finds

            A daily tablet of metformin eased knee pain in older adults, a new study reports.
            The researchers enrolled nearly 1,500 adults aged 60 and older at nine clinics and randomly assigned them \
            to take metformin or a placebo.
            Participants took the tablets every day for 16 weeks, and most walked three times a week.
            Those given metformin reported less pain than those given the dummy tablets, the team found.
            The authors say metformin could become a cheap option for people with painful knees.
            """;

    private static final String MICE = """
            Gut molecule calms anxious mice

            Mice given a molecule made by gut bacteria were less anxious, researchers report.
            The team gave the molecule in drinking water to young mice for four weeks, while control mice drank plain \
            water.
            Compared with the control mice, the treated mice spent more time in the open arms of a maze.
            The molecule also lowered stress hormones in the blood of the mice.
            The researchers now want to learn whether the molecule works the same way in people.
            """;

    private static ExtractedDesign read(String article) {
        return TestArticles.analyze(article).design();
    }

    private static String quote(String article, TextSpan span) {
        return span.of(TextNormalizer.normalize(article));
    }

    @Test
    void readsTheSampleSizeWithTheSpanOfItsNumber() {
        ExtractedDesign d = read(TRIAL);
        assertThat(d.sampleSize()).isEqualTo(1500);
        assertThat(quote(TRIAL, d.sampleSizeSpan())).isEqualTo("1,500");
    }

    @Test
    void readsACountInMillionsAndLeavesPercentagesAlone() {
        ExtractedDesign counted = read("""
                Registry study links night shifts to weaker bones

                The team analysed the health records of 2.4 million women in a national registry.
                About 40 percent of the women had worked night shifts for at least five years.
                Night work was linked with more fractures later in life, the researchers found.
                """);
        assertThat(counted.sampleSize()).isEqualTo(2_400_000);
        ExtractedDesign uncounted = read("""
                Night shifts and weaker bones

                About 40 percent of night workers in the survey reported back pain.
                Night work was linked with more fractures later in life, the researchers found.
                The authors call for more research into shift patterns and bone health.
                """);
        assertThat(uncounted.sampleSize()).isNull();
    }

    @Test
    void readsTheDurationOfTreatmentButNotAFrequency() {
        ExtractedDesign d = read(TRIAL);
        assertThat(d.duration()).isEqualTo("16 weeks");
        assertThat(quote(TRIAL, d.durationSpan())).isEqualTo("16 weeks");
    }

    @Test
    void readsANamedComparator() {
        ExtractedDesign d = read(TRIAL);
        assertThat(d.comparator()).isEqualTo("placebo");
        assertThat(quote(TRIAL, d.comparatorSpan())).isEqualTo("placebo");
    }

    @Test
    void readsTheComparatorAfterCompareWith() {
        ExtractedDesign d = read(MICE);
        assertThat(d.comparator()).isEqualTo("control mice");
        assertThat(quote(MICE, d.comparatorSpan())).isEqualTo("control mice");
    }

    @Test
    void readsTheInterventionAsTheArticleNamesIt() {
        ExtractedDesign d = read(TRIAL);
        assertThat(d.intervention()).isEqualToIgnoringCase("metformin");
        assertThat(quote(TRIAL, d.interventionSpan())).isEqualToIgnoringCase("metformin");
    }

    @Test
    void readsTheDesignTypeWithTheSentenceItRestsOn() {
        ExtractedDesign trial = read(TRIAL);
        assertThat(trial.type()).isEqualTo(DesignType.RANDOMIZED_TRIAL);
        assertThat(quote(TRIAL, trial.typeSpan())).contains("randomly assigned");
        ExtractedDesign mice = read(MICE);
        assertThat(mice.type()).isEqualTo(DesignType.ANIMAL);
        assertThat(quote(MICE, mice.typeSpan())).containsIgnoringCase("mice");
    }

    @Test
    void leavesEveryPartNullWhereTheTextStatesNone() {
        ExtractedDesign d = read("""
                A note on spring

                Spring arrived early this year in the northern valleys.
                The snow melted and the rivers rose with the warm weather.
                Farmers planted their fields and waited for the first rain.
                """);
        assertThat(d.sampleSize()).isNull();
        assertThat(d.comparator()).isNull();
        assertThat(d.duration()).isNull();
        assertThat(d.intervention()).isNull();
    }
}
