package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PopulationTests {

    private static String populationOf(String body) {
        return TestArticles.analyze("A headline\n\n" + body).metadata().population();
    }

    @Test
    void readsACountedGroupWithItsAdjectives() {
        assertThat(populationOf("The team followed 2,350 middle-aged women who worked night shifts.")).isEqualTo("2,350 middle-aged women");
    }

    @Test
    void readsACountedGroupWithItsCondition() {
        assertThat(populationOf("The trial enrolled 88 patients with migraine from three clinics."))
                .isEqualTo("88 patients with migraine");
    }

    @Test
    void readsAnAnimalModelAsTheAnimal() {
        assertThat(populationOf("The drug restored balance in elderly rats, the team found.")).isEqualTo("rats");
    }

    @Test
    void readsAGroupWithAConditionNamedAfterIn() {
        assertThat(populationOf("The effect was strongest in adults with asthma, the team found."))
                .isEqualTo("adults with asthma");
    }

    @Test
    void isNullWhenTheArticleDoesNotSay() {
        assertThat(populationOf("The new drug could help people with asthma breathe more easily.")).isNull();
        assertThat(populationOf("About 1 in 5 adults snore, and the team found a cause.")).isNull();
    }

    @Test
    void keepsAQuantifierBeforeTheCount() {
        assertThat(populationOf("The team used records of nearly 5,000 retired nurses from two regions."))
                .isEqualTo("nearly 5,000 retired nurses");
    }

    @Test
    void keepsACapitalisedConditionAfterWith() {
        assertThat(populationOf("The trial enrolled 64 adults with Crohn's disease in four countries."))
                .isEqualTo("64 adults with Crohn's disease");
    }

    @Test
    void readsOccupationalGroups() {
        assertThat(populationOf("The researchers followed 120 bus drivers for a year.")).isEqualTo("120 bus drivers");
    }

    @Test
    void ignoresThePopulationOfAnEarlierStudy() {
        assertThat(populationOf("Previous studies in rats had shown the effect. The team found it in 40 volunteers."))
                .isEqualTo("40 volunteers");
        assertThat(populationOf("An earlier study found the same in rats. The new drug could help adults with asthma."))
                .isNull();
    }

    @Test
    void doesNotTakeAPrevalenceEstimateForTheSample() {
        assertThat(populationOf("Worldwide, 50 million people live with epilepsy. The team found the gene in mice and in rats."))
                .isEqualTo("mice");
    }

    @Test
    void readsACountInWordsAndAConditionJoinedByOr() {
        assertThat(populationOf("The clinic treated nine children with asthma or eczema at two sites."))
                .isEqualTo("nine children with asthma or eczema");
        assertThat(populationOf("The registry held 88 adults with gout and then lost track of some."))
                .isEqualTo("88 adults with gout");
    }

    @Test
    void readsMillionsAndTwoGroupNounsJoinedByAnd() {
        assertThat(populationOf("The team linked tax records and followed 2.4 million boys and men for a decade."))
                .isEqualTo("2.4 million boys and men");
    }

    @Test
    void prefersTheBodyToTheHeadlineAndSkipsAPrevalenceEstimate() {
        assertThat(TestArticles.analyze("Study of 3 million nurses finds late shifts harm sleep\n\n"
                + "Insomnia is a disorder that affects 40 million adults in the country. "
                + "The researchers tracked 3,105 nurses who worked nights.").metadata().population())
                .isEqualTo("3,105 nurses");
    }

    @Test
    void doesNotTakeASpanOfTimeOrAShareForTheSample() {
        assertThat(populationOf("Healing took about three weeks in young rats, the team found.")).isEqualTo("rats");
        assertThat(populationOf("About 4.1 percent of people in the town carry the gene, the team found.")).isNull();
    }

    @Test
    void keepsASeverityRangeAndWhereTheGroupLivesOrServes() {
        assertThat(populationOf("The clinic enrolled 54 adults with mild to moderate eczema, most of whom used "
                + "creams.")).isEqualTo("54 adults with mild to moderate eczema");
        assertThat(populationOf("The team used records from about 2 million recruits serving in the Norland navy, who "
                + "are tested yearly.")).isEqualTo("about 2 million recruits serving in the Norland navy");
        assertThat(populationOf("Rashes were rarer, according to a study of 3.1 million residents of Norland, "
                + "Eastmark.")).isEqualTo("3.1 million residents of Norland, Eastmark");
    }

    @Test
    void aRatioInWordsIsNoPopulation() {
        assertThat(populationOf("About one in four people with eczema do not respond to creams. The trial enrolled "
                + "31 people with severe eczema.")).isEqualTo("31 people with severe eczema");
    }
}
