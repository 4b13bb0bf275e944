package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the pipeline against the gold annotations of the seed article, the development corpus, the extra
 * articles written to check generality and the held-out articles written blind to the rules, and prints a
 * per-article and overall table.
 */
class PipelineEvaluationTests {

    record Article(String name, String textResource, String goldResource, String set) {
    }

    static final List<Article> ARTICLES = List.of(
            new Article("seed", "corpus/seed/knowridge-2025-ketamine-fast-and-lasting.txt",
                    "gold/knowridge-2025-ketamine-fast-and-lasting.gold.json", "seed"),
            new Article("dev/newborn-neurons", "corpus/dev/newborn-neurons-activity-2019.txt",
                    "corpus/dev/newborn-neurons-activity-2019.gold.json", "dev"),
            new Article("dev/walking", "corpus/dev/walking-hippocampus-2011.txt",
                    "corpus/dev/walking-hippocampus-2011.gold.json", "dev"),
            new Article("extra/sleep-cohort", "corpus/extra/sleep-midlife-cohort.txt",
                    "corpus/extra/sleep-midlife-cohort.gold.json", "extra"),
            new Article("extra/psilocybin", "corpus/extra/psilocybin-trial.txt",
                    "corpus/extra/psilocybin-trial.gold.json", "extra"),
            new Article("extra/microglia", "corpus/extra/microglia-forgetting-mice.txt",
                    "corpus/extra/microglia-forgetting-mice.gold.json", "extra"),
            extra("oxytocin-loneliness-release"), extra("zebrafish-spinal-newsletter"),
            extra("coffee-arrhythmia-wire"), extra("bilingual-aging-listicle"), extra("gut-vagus-podcast-notes"),
            extra("stroke-robot-release-translated"), extra("gut-chemical-anxiety-mice"),
            holdout("lecanemab-early-alzheimers-2022"), holdout("steps-mortality-older-women-2019"),
            holdout("nitrous-oxide-depression-2014"), holdout("taxi-drivers-hippocampus-2011"),
            holdout("sleep-csf-waves-2019"), holdout("parkinsons-gut-microbes-2016"),
            holdout("irisin-exercise-alzheimers-2019"), holdout("shingles-vaccine-dementia-2025"),
            fresh("semaglutide-weight-loss-2021"), fresh("hpv-vaccine-cervical-cancer-2020"),
            fresh("psilocybin-vs-escitalopram-2021"), fresh("social-media-teen-depression-2019"),
            fresh("ereader-light-sleep-2015"), fresh("optogenetics-amygdala-anxiety-2011"),
            fresh("crispr-ttr-amyloidosis-2021"), fresh("music-dopamine-chills-2011"),
            blind("zuranolone-postpartum-2023"), blind("exercise-vs-sertraline-1999"),
            blind("vitamin-d-depression-vital-2020"), blind("time-restricted-feeding-mice-2012"),
            blind("microplastics-brain-2025"), blind("dbs-depression-press-release-2005"),
            blind("cannabis-psychosis-newspaper-2019"), blind("bilingualism-dementia-magazine-2013"),
            blind("meditation-amygdala-university-2010"), blind("lithium-water-suicide-digest-2009"),
            unseen("aspirin-older-adults-aspree-2018"),
            unseen("dmt-brain-networks-2023"),
            unseen("ebv-multiple-sclerosis-2022"),
            unseen("exercise-ketone-bdnf-mice-2016"),
            unseen("hearing-aids-cognition-achieve-2023"),
            unseen("napping-brain-volume-2023"),
            unseen("ptau217-blood-test-2020"),
            unseen("saint-tms-depression-2022"),
            unseen("smiles-diet-depression-2017"),
            unseen("traffic-dementia-ontario-2017"));

    /** The fourth set written blind to the rules; its first scores were then used to improve them too. */
    private static Article unseen(String name) {
        return heldOut("holdout4", name);
    }

    /** A third set written blind to the rules; its problems were then used to improve them. */
    private static Article blind(String name) {
        return heldOut("holdout3", name);
    }

    /** A probe article invented for this project in a style the other sets do not use. */
    private static Article extra(String name) {
        return new Article("extra/" + name, "corpus/extra/" + name + ".txt", "corpus/extra/" + name + ".gold.json",
                "extra");
    }

    /** A second set written blind to the rules, after the first was used to improve them. */
    private static Article fresh(String name) {
        return heldOut("holdout2", name);
    }

    /** An article written without sight of the pipeline's rules, to estimate how they generalise. */
    private static Article holdout(String name) {
        return heldOut("holdout", name);
    }

    /** An article of a held-out set, named without the year its file name ends in. */
    private static Article heldOut(String set, String name) {
        return new Article(set + "/" + name.replaceAll("-\\d{4}$", ""), "corpus/" + set + "/" + name + ".txt",
                "corpus/" + set + "/" + name + ".gold.json", set);
    }

    static final List<GoldScorer.Score> SCORES = new ArrayList<>();

    @BeforeAll
    static void scoreAllArticles() {
        if (!SCORES.isEmpty()) {
            return;
        }
        for (Article article : ARTICLES) {
            String text = TestArticles.text(article.textResource());
            ArticleAnalysis analysis = TestArticles.analyzer().analyze(text);
            SCORES.add(GoldScorer.score(article.name(), GoldAnnotation.load(article.goldResource()), analysis));
        }
        GoldScorer.Score seedAndDev = pooled("seed", "dev").named("overall seed+dev");
        GoldScorer.Score extra = pooled("extra").named("overall extra");
        GoldScorer.Score holdout = pooled("holdout").named("overall holdout");
        GoldScorer.Score holdout2 = pooled("holdout2").named("overall holdout2");
        GoldScorer.Score holdout3 = pooled("holdout3").named("overall holdout3");
        GoldScorer.Score holdout4 = pooled("holdout4").named("overall holdout4");
        GoldScorer.Score all = pooled("seed", "dev", "extra").named("overall seed+dev+extra");
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%n%-34s %7s %9s %6s %9s %9s %8s %6s %8s %5s%n", "article", "recall",
                "precision", "kind", "timescale", "certainty", "metadata", "mech", "concepts", "notF"));
        SCORES.forEach(s -> table.append(row(s)));
        table.append(row(seedAndDev)).append(row(extra)).append(row(holdout)).append(row(holdout2)).append(row(holdout3)).append(row(holdout4)).append(row(all));
        System.out.println(table);
        all.problems().forEach(p -> System.out.println("  - " + p));
        holdout.problems().forEach(p -> System.out.println("  - " + p));
        holdout2.problems().forEach(p -> System.out.println("  - " + p));
        holdout3.problems().forEach(p -> System.out.println("  - " + p));
        holdout4.problems().forEach(p -> System.out.println("  - " + p));
    }

    private static String row(GoldScorer.Score s) {
        return String.format(Locale.ROOT, "%-34s %7.2f %9.2f %6.2f %9.2f %9.2f %8.2f %6s %8s %5d%n", s.article(),
                s.recall(), s.precision(), s.kindAccuracy(), s.timescaleAccuracy(), s.certaintyAccuracy(),
                s.metadataAccuracy(), s.mechanismsFound() + "/" + s.goldMechanisms(),
                s.conceptsFound() + "/" + s.goldConcepts(), s.notFindingViolations());
    }

    static GoldScorer.Score pooled(String... sets) {
        GoldScorer.Score total = null;
        for (int i = 0; i < ARTICLES.size(); i++) {
            if (List.of(sets).contains(ARTICLES.get(i).set())) {
                total = total == null ? SCORES.get(i) : total.plus(SCORES.get(i));
            }
        }
        return total;
    }

    private static GoldScorer.Score scoreOf(String name) {
        for (int i = 0; i < ARTICLES.size(); i++) {
            if (ARTICLES.get(i).name().equals(name)) {
                return SCORES.get(i);
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    void seedArticleIsReadPerfectly() {
        GoldScorer.Score seed = scoreOf("seed");
        assertThat(seed.problems()).isEmpty();
        assertThat(seed.recall()).isEqualTo(1.0);
        assertThat(seed.precision()).isEqualTo(1.0);
        assertThat(seed.kindAccuracy()).isEqualTo(1.0);
        assertThat(seed.timescaleAccuracy()).isEqualTo(1.0);
        assertThat(seed.certaintyAccuracy()).isEqualTo(1.0);
        assertThat(seed.metadataAccuracy()).isEqualTo(1.0);
        assertThat(seed.mechanismsFound()).isEqualTo(seed.goldMechanisms()).isEqualTo(2);
    }

    @Test
    void seedAndDevelopmentCorpusMeetTheOverallThresholds() {
        assertMeetsOverallThresholds(pooled("seed", "dev"));
    }

    @Test
    void extraArticlesFromOtherPublishersMeetTheOverallThresholds() {
        assertMeetsOverallThresholds(pooled("extra"));
    }

    @Test
    void heldOutArticlesWrittenBlindToTheRulesMeetTheOverallThresholds() {
        assertMeetsOverallThresholds(pooled("holdout"));
    }

    /**
     * The second held-out set was written blind to the rules, but the rules were later improved while it was scored,
     * so it now guards against regressions rather than measuring generality.
     */
    @Test
    void secondHeldOutSetMeetsTheOverallThresholds() {
        assertMeetsOverallThresholds(pooled("holdout2"));
    }

    @Test
    void noNotFindingIsEverExtracted() {
        assertThat(pooled("seed", "dev", "extra").notFindingViolations()).isZero();
    }

    @Test
    void everyGoldMechanismIsFound() {
        GoldScorer.Score all = pooled("seed", "dev", "extra");
        assertThat(all.mechanismsFound()).isEqualTo(all.goldMechanisms());
    }

    @Test
    void mostGoldConceptsAreTagged() {
        GoldScorer.Score all = pooled("seed", "dev", "extra");
        assertThat((double) all.conceptsFound() / all.goldConcepts()).isGreaterThanOrEqualTo(0.9);
    }

    private static void assertMeetsOverallThresholds(GoldScorer.Score s) {
        assertThat(s.recall()).as("recall").isGreaterThanOrEqualTo(0.85);
        assertThat(s.precision()).as("precision").isGreaterThanOrEqualTo(0.85);
        assertThat(s.kindAccuracy()).as("kind accuracy").isGreaterThanOrEqualTo(0.8);
        assertThat(s.timescaleAccuracy()).as("timescale accuracy").isGreaterThanOrEqualTo(0.9);
        assertThat(s.certaintyAccuracy()).as("certainty accuracy").isGreaterThanOrEqualTo(0.9);
        assertThat(s.metadataAccuracy()).as("metadata accuracy").isGreaterThanOrEqualTo(0.9);
    }
}
