package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.findingskb.concept.ConceptType;
import org.findingskb.finding.EffectDirection;

/** What the effect reader makes of invented sentences, one rule at a time. */
class EffectReaderTests {

    private static final EffectReader READER = EffectReader.fromClasspath();
    private static final ConceptCandidate DRUG = new ConceptCandidate("Zelmitrone", ConceptType.DRUG, null, List.of("zelmitrone"));
    private static final ConceptCandidate PATHWAY = new ConceptCandidate("Wnt Signaling", ConceptType.PATHWAY, null,
            List.of("Wnt signalling", "Wnt"));
    private static final ConceptCandidate REGION = new ConceptCandidate("Striatum", ConceptType.BRAIN_REGION, null,
            List.of("striatum"));
    private static final ConceptCandidate CONDITION = new ConceptCandidate("Migraine", ConceptType.CONDITION, null,
            List.of("migraines"));
    private static final ConceptCandidate PLACEBO = new ConceptCandidate("Placebos", ConceptType.DRUG, null,
            List.of("placebo"));

    private static List<String> read(String sentence, List<ConceptCandidate> concepts, List<ConceptCandidate> interventions) {
        return READER.read(sentence, 0, concepts, interventions).stream()
                .map(e -> e.subject().name() + " " + e.direction() + " " + e.object().name()).toList();
    }

    @Test
    void aVerbBetweenTwoConceptsIsAnEffectOfTheFirstOnTheSecond() {
        assertThat(read("Zelmitrone lowered Wnt signalling in the striatum.", List.of(DRUG, PATHWAY, REGION), List.of()))
                .containsExactly("Zelmitrone DECREASES Wnt Signaling");
    }

    @Test
    void aNegatedVerbIsNoEffect() {
        assertThat(read("Zelmitrone did not reduce migraines.", List.of(DRUG, CONDITION), List.of()))
                .containsExactly("Zelmitrone NO_EFFECT Migraine");
    }

    @Test
    void aSentenceThatNamesNoSubjectSpeaksOfTheStudysIntervention() {
        assertThat(read("The treated group had fewer migraines over the year.", List.of(CONDITION), List.of(DRUG)))
                .containsExactly("Zelmitrone DECREASES Migraine");
    }

    @Test
    void byAfterTheVerbMakesTheLaterConceptTheSubject() {
        assertThat(read("Wnt signalling was boosted by zelmitrone.", List.of(DRUG, PATHWAY), List.of()))
                .containsExactly("Zelmitrone INCREASES Wnt Signaling");
    }

    @Test
    void aLinkMakesTheDirectionsThatFollowAssociations() {
        assertThat(read("Zelmitrone use was linked with a higher risk of migraines.", List.of(DRUG, CONDITION), List.of()))
                .containsExactly("Zelmitrone ASSOCIATED Migraine");
    }

    @Test
    void aComparisonIsNeverWhatActsOrIsActedOn() {
        assertThat(read("Migraines were less common with zelmitrone than with placebo.", List.of(DRUG, CONDITION, PLACEBO),
                List.of())).noneMatch(e -> e.contains("Placebos"));
    }

    @Test
    void aSentenceWithoutADirectionWordStatesNoEffect() {
        assertThat(read("Zelmitrone was given to mice with migraines.", List.of(DRUG, CONDITION), List.of(DRUG))).isEmpty();
    }

    @Test
    void theQuoteRunsFromTheSubjectToTheObject() {
        String sentence = "In mice, zelmitrone lowered Wnt signalling.";
        ExtractedEffect effect = READER.read(sentence, 100, List.of(DRUG, PATHWAY), List.of()).get(0);
        assertThat(effect.direction()).isEqualTo(EffectDirection.DECREASES);
        assertThat(sentence.substring(effect.evidence().start() - 100, effect.evidence().end() - 100))
                .isEqualTo("zelmitrone lowered Wnt signalling");
    }
}
