package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.findingskb.concept.ConceptType;
import org.findingskb.finding.EffectDirection;

/** What the bundled effect model makes of invented sentences, read with their part-of-speech tags. */
class EffectModelTests {

    private static final EffectReader READER = EffectReader.fromClasspath();
    private static final TextSegmenter SEGMENTER = new TextSegmenter(NlpModels.fromClasspath(), Cues.fromClasspath());
    private static final ConceptCandidate DRUG = new ConceptCandidate("Zelmitrone", ConceptType.DRUG, null,
            List.of("zelmitrone"));
    private static final ConceptCandidate PLACEBO = new ConceptCandidate("Placebos", ConceptType.DRUG, null,
            List.of("placebo"));

    private static List<ExtractedEffect> read(String text, List<ConceptCandidate> concepts,
            List<ConceptCandidate> interventions) {
        Sentence s = SEGMENTER.segment(text).get(0);
        return READER.read(s.text(), s.start(), s.tokens(), concepts, interventions, null);
    }

    @Test
    void aModelIsBundled() {
        assertThat(EffectModel.fromClasspath()).isPresent();
    }

    @Test
    void anOutcomeTheLexiconDoesNotKnowIsNamedByItsPhrase() {
        List<ExtractedEffect> read = read("Zelmitrone lowered the number of nightly wakings in adults with insomnia.",
                List.of(DRUG), List.of(DRUG));
        assertThat(read).anySatisfy(e -> {
            assertThat(e.subject().name()).isEqualTo("Zelmitrone");
            assertThat(e.direction()).isEqualTo(EffectDirection.DECREASES);
            assertThat(e.object().name()).contains("wakings");
        });
    }

    @Test
    void aSentenceThatNamesNoSubjectSpeaksOfTheStudysIntervention() {
        List<ExtractedEffect> read = read("Patients in the treated group had far fewer nightly wakings over the year.",
                List.of(), List.of(DRUG));
        assertThat(read).anySatisfy(e -> {
            assertThat(e.subject().name()).isEqualTo("Zelmitrone");
            assertThat(e.object().name()).contains("wakings");
        });
    }

    @Test
    void phrasesAreCleanNamesNeverArticlesNumbersOrComparisons() {
        for (String sentence : List.of(
                "Zelmitrone lowered the number of nightly wakings by 40 percent compared with placebo.",
                "After 12 weeks, 31% of the zelmitrone group and 18% of the placebo group slept through the night.",
                "The drug raised levels of a sleep hormone in the blood and reduced daytime fatigue in older adults.")) {
            for (ExtractedEffect e : read(sentence, List.of(DRUG, PLACEBO), List.of(DRUG))) {
                for (ConceptCandidate c : List.of(e.subject(), e.object())) {
                    assertThat(c.name()).as(sentence).matches("\\p{L}.*").doesNotStartWith("the ")
                            .doesNotStartWith("a ").hasSizeLessThanOrEqualTo(80);
                    assertThat(c.name().toLowerCase(java.util.Locale.ROOT)).as(sentence).isNotIn("placebo", "placebos");
                    assertThat(c.name().split("\\s+")).as(sentence).hasSizeLessThanOrEqualTo(13);
                }
            }
        }
    }

    @Test
    void aConditionTheSentenceLeavesUnsaidIsOfferedAsItsObjectAndItsEffectsQuoteTheSentence() {
        ConceptCandidate migraine = new ConceptCandidate("Migraine", ConceptType.CONDITION, null, List.of("migraines"));
        String unsaid = "The risk was 40 percent lower with zelmitrone.";
        Sentence s = SEGMENTER.segment(unsaid).get(0);
        List<EffectModel.Pair> pairs = EffectModel.pairs(READER, s.text(), s.start(), s.tokens(), List.of(DRUG),
                List.of(DRUG), null, List.of(migraine));
        assertThat(pairs).anySatisfy(p -> {
            assertThat(p.object().concept()).isEqualTo(migraine);
            assertThat(p.object().implicit()).isTrue();
        });
        for (ExtractedEffect e : READER.read(s.text(), s.start(), s.tokens(), List.of(DRUG), List.of(DRUG), null,
                List.of(migraine))) {
            assertThat(e.evidence().start()).isGreaterThanOrEqualTo(s.start());
            assertThat(e.evidence().end()).isLessThanOrEqualTo(s.start() + s.text().length())
                    .isGreaterThan(e.evidence().start());
        }
        Sentence said = SEGMENTER.segment("Zelmitrone cut migraines by 40 percent.").get(0);
        assertThat(EffectModel.pairs(READER, said.text(), said.start(), said.tokens(), List.of(DRUG, migraine),
                List.of(DRUG), null, List.of(migraine))).noneMatch(p -> p.object().implicit());
    }

    @Test
    void withoutAModelTheRulesRead() {
        String text = "Zelmitrone did not reduce migraines.";
        ConceptCandidate migraine = new ConceptCandidate("Migraine", ConceptType.CONDITION, null, List.of("migraines"));
        Sentence s = SEGMENTER.segment(text).get(0);
        EffectReader rules = READER.withModel(null);
        assertThat(rules.read(s.text(), s.start(), s.tokens(), List.of(DRUG, migraine), List.of(), null))
                .isEqualTo(rules.read(s.text(), s.start(), List.of(DRUG, migraine), List.of()));
    }
}
