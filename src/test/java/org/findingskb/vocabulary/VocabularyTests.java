package org.findingskb.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.findingskb.concept.ConceptType;
import org.findingskb.finding.Certainty;
import org.findingskb.finding.EffectDirection;
import org.findingskb.finding.FindingKind;
import org.findingskb.finding.LinkType;
import org.findingskb.finding.Origin;
import org.findingskb.finding.ReportedBy;
import org.findingskb.finding.ReviewStatus;
import org.findingskb.mechanism.Timescale;
import org.findingskb.study.DesignType;
import org.findingskb.study.ResearcherRole;
import org.findingskb.summary.CaveatCode;

import static org.assertj.core.api.Assertions.assertThat;

/** The vocabulary's data file labels every value of every enumeration the API serves, and nothing else. */
class VocabularyTests {

    private static final Map<String, Class<? extends Enum<?>>> ENUMERATIONS = Map.ofEntries(
            Map.entry("kind", FindingKind.class), Map.entry("timescale", Timescale.class),
            Map.entry("certainty", Certainty.class), Map.entry("reportedBy", ReportedBy.class),
            Map.entry("origin", Origin.class), Map.entry("reviewStatus", ReviewStatus.class),
            Map.entry("conceptType", ConceptType.class), Map.entry("role", ResearcherRole.class),
            Map.entry("designType", DesignType.class), Map.entry("linkType", LinkType.class),
            Map.entry("caveat", CaveatCode.class), Map.entry("direction", EffectDirection.class));

    @Test
    void labelsEveryValueOfEveryEnumerationExactlyOnce() {
        Map<String, List<VocabularyResponse.Term>> vocabulary = VocabularyController.load().enumerations();
        assertThat(vocabulary).containsOnlyKeys(ENUMERATIONS.keySet());
        ENUMERATIONS.forEach((field, type) -> assertThat(vocabulary.get(field))
                .as(field).extracting(VocabularyResponse.Term::value)
                .containsExactlyElementsOf(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
    }

    @Test
    void everyTermHasALabelAndAOneLineDescription() {
        VocabularyController.load().enumerations().forEach((field, terms) -> terms.forEach(term -> {
            assertThat(term.label()).as("%s %s", field, term.value()).isNotBlank().doesNotContain("\n");
            assertThat(term.description()).as("%s %s", field, term.value()).isNotBlank().doesNotContain("\n")
                    .endsWith(".");
        }));
    }

    @Test
    void timescalesAreCalledFastAndLasting() {
        assertThat(VocabularyController.load().enumerations().get("timescale"))
                .extracting(VocabularyResponse.Term::label).containsExactly("Fast", "Lasting");
    }
}
