package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.findingskb.finding.Certainty;
import org.findingskb.finding.FindingKind;
import org.findingskb.mechanism.Timescale;
import org.junit.jupiter.api.Test;

/** How the builder groups findings into mechanisms, on findings made by hand (no sentence model involved). */
class MechanismGroupingTests {

    private static final MechanismBuilder BUILDER = new MechanismBuilder(TestArticles.cues(),
            new FindingClassifier(TestArticles.cues()), Lexicon.fromClasspath(NlpModels.fromClasspath(),
                    TestArticles.cues()));

    private final StringBuilder text = new StringBuilder();
    private final List<ExtractedFinding> findings = new ArrayList<>();

    private void finding(String sentence, FindingKind kind, Timescale timescale) {
        if (!text.isEmpty()) {
            text.append(' ');
        }
        int start = text.length();
        text.append(sentence);
        findings.add(new ExtractedFinding(sentence, kind, timescale, Certainty.REPORTED, 0.9,
                new TextSpan(start, text.length()), List.of(), Attribution.STUDY));
    }

    @Test
    void aFindingReadAsLikelyMechanismFormsOneWhateverItsKind() {
        finding("The drug lowered the number of relapses by a third.", FindingKind.RESULT, null);
        finding("It does so by calming the swelling of the nerve sheath.", FindingKind.CONTEXT, null);

        assertThat(BUILDER.build(text.toString(), findings, Set.of(), List.of())).isEmpty();
        List<ExtractedMechanism> read = BUILDER.build(text.toString(), findings, Set.of(1), List.of());
        assertThat(read).singleElement().satisfies(m -> {
            assertThat(m.timescale()).isNull();
            assertThat(m.description()).contains("swelling of the nerve sheath");
        });
    }

    @Test
    void untimedFindingsJoinATimedMechanismOnlyBesideItOrPointingBackAtIt() {
        finding("The quick relief comes from waking up cells that were idle.", FindingKind.MECHANISM, Timescale.RAPID);
        finding("The idle cells then send more signals.", FindingKind.MECHANISM, null);
        finding("This lifts the mood within hours.", FindingKind.MECHANISM, null);
        finding("The trial enrolled two hundred adults.", FindingKind.RESULT, null);
        finding("Separately, the salt binds to a pump in the gut wall.", FindingKind.MECHANISM, null);
        Set<Integer> mechanisms = Set.of(0, 1, 2, 4);

        List<ExtractedMechanism> read = BUILDER.build(text.toString(), findings, mechanisms, List.of());
        assertThat(read).hasSize(2);
        ExtractedMechanism rapid = read.stream().filter(m -> m.timescale() == Timescale.RAPID).findFirst()
                .orElseThrow();
        assertThat(rapid.findingIndexes()).containsExactlyInAnyOrder(0, 1, 2);
        ExtractedMechanism untimed = read.stream().filter(m -> m.timescale() == null).findFirst().orElseThrow();
        assertThat(untimed.findingIndexes()).containsExactly(4);
        assertThat(untimed.description()).contains("pump in the gut wall").doesNotContain("waking");
    }
}
