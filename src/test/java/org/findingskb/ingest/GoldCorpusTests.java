package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.findingskb.finding.Certainty;
import org.findingskb.finding.FindingKind;
import org.findingskb.mechanism.Timescale;
import org.findingskb.study.ResearcherRole;

/** Every gold file keeps the annotation guide's rules, so that a slip in one cannot skew the scores. */
class GoldCorpusTests {

    private static final Set<String> DESIGNS = Set.of("RANDOMIZED_TRIAL", "CONTROLLED_TRIAL", "COHORT", "CASE_CONTROL",
            "CROSS_SECTIONAL", "META_ANALYSIS", "ANIMAL", "CELL_OR_LAB", "MODELLING", "FIELD_OBSERVATION", "OTHER");
    private static final Set<String> DIRECTIONS = Set.of("INCREASES", "DECREASES", "NO_EFFECT", "ASSOCIATED");
    private static final Set<String> BY = Set.of("STUDY", "PRIOR", "EXPERT");

    static List<Named<GoldCorpus.Article>> articles() {
        return GoldCorpus.bundled().stream().map(a -> Named.of(a.label(), a)).toList();
    }

    @Test
    void theCorpusHoldsEverySet() {
        assertThat(GoldCorpus.bundled()).extracting(GoldCorpus.Article::set)
                .contains("seed", "dev", "extra", "holdout", "holdout2", "holdout3", "holdout4");
    }

    @ParameterizedTest
    @MethodSource("articles")
    void everyQuoteIsInItsArticle(GoldCorpus.Article article) {
        String text = article.text();
        GoldAnnotation gold = article.gold();
        List<String> quotes = new ArrayList<>();
        gold.findings().forEach(f -> quotes.add(f.quote()));
        quotes.addAll(gold.optional());
        quotes.addAll(gold.expertViews());
        quotes.addAll(gold.notFindings());
        assertThat(quotes).allSatisfy(q -> assertThat(text).as("quote").contains(TextNormalizer.normalize(q)));
        assertThat(gold.findings()).extracting(GoldAnnotation.Finding::quote).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("articles")
    void everyLabelIsOneTheApiKnows(GoldCorpus.Article article) {
        GoldAnnotation gold = article.gold();
        List<String> kinds = Stream.of(FindingKind.values()).map(Enum::name).toList();
        List<String> timescales = Stream.of(Timescale.values()).map(Enum::name).toList();
        List<String> certainties = Stream.of(Certainty.values()).map(Enum::name).toList();
        assertThat(gold.findings()).allSatisfy(f -> {
            assertThat(kinds).as("kinds of %s", f.quote()).containsAll(f.kinds());
            assertThat(f.timescales()).as("timescales of %s", f.quote()).allMatch(t -> t == null || timescales.contains(t));
            assertThat(certainties).as("certainty of %s", f.quote()).contains(f.certainty());
            assertThat(BY).as("by of %s", f.quote()).contains(f.by());
            assertThat(f.effects()).allSatisfy(e -> {
                assertThat(DIRECTIONS).contains(e.direction());
                assertThat(e.subject()).isNotBlank();
                assertThat(e.object()).isNotBlank();
            });
        });
        List<String> roles = Stream.of(ResearcherRole.values()).map(Enum::name).toList();
        assertThat(gold.researchers()).allSatisfy(r -> assertThat(roles).containsAll(r.roles()));
    }

    @ParameterizedTest
    @MethodSource("articles")
    void everyArticleStatesItsDesignAndAQuestionItAnswers(GoldCorpus.Article article) {
        GoldAnnotation gold = article.gold();
        assertThat(gold.design()).as("design").isNotNull();
        assertThat(DESIGNS).contains(gold.design().type());
        List<String> findingQuotes = gold.findings().stream().map(GoldAnnotation.Finding::quote).toList();
        assertThat(gold.questions()).isNotEmpty().allSatisfy(q -> {
            assertThat(q.question()).isNotBlank();
            assertThat(q.answers()).isNotEmpty().allMatch(findingQuotes::contains);
        });
        assertThat(gold.title()).isEqualTo(Objects.requireNonNull(article.raw().lines().findFirst().orElse(null)).strip());
    }
}
