package org.findingskb.summary;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;

import org.findingskb.finding.Certainty;
import org.findingskb.finding.FindingKind;
import org.findingskb.finding.FindingResponse;
import org.findingskb.mechanism.Timescale;
import org.findingskb.shared.Revalidated;
import org.findingskb.study.DesignResponse;

/**
 * A study in brief, for frontends (summary v2). Every sentence of {@code plainLanguage}, the effects, the
 * implications and the caveats rests on the findings it carries; a part the findings do not support is
 * {@code null} (an effect) or an empty list, never left out.
 */
@Schema(name = "Summary")
public record SummaryResponse(
        StudyRef study,
        String headline,
        List<Sentence> plainLanguage,
        DesignResponse design,
        Effects effects,
        List<MechanismRef> mechanisms,
        List<Sentence> implications,
        List<Caveat> caveats,
        String citation) implements Revalidated {

    /** This summary with its study's links made absolute under {@code base}. */
    SummaryResponse linkedFrom(String base) {
        Links links = study.links();
        StudyRef linked = new StudyRef(study.id(), study.slug(), study.title(), new Links(base + links.self(),
                base + links.findings(), links.source() == null ? null : base + links.source()));
        return new SummaryResponse(linked, headline, plainLanguage, design, effects, mechanisms, implications, caveats, citation);
    }

    /** The study the summary is about, with the links a frontend follows from it. */
    @Schema(name = "SummaryStudyRef")
    public record StudyRef(Long id, String slug, String title, Links links) {
    }

    @Schema(name = "SummaryStudyLinks")
    public record Links(String self, String findings, String source) {
    }

    /** A sentence and the findings it rests on. */
    @Schema(name = "SummarySentence")
    public record Sentence(String text, List<FindingRef> findings) {
    }

    /** What the study found to come quickly ({@code rapid}) and what builds up and lasts ({@code sustained}). */
    @Schema(name = "SummaryEffects")
    public record Effects(Effect rapid, Effect sustained) {
    }

    @Schema(name = "SummaryEffect")
    public record Effect(String onset, List<Sentence> sentences) {
    }

    @Schema(name = "SummaryMechanismRef")
    public record MechanismRef(Long id, String name, Timescale timescale) {
    }

    /** What a careful reader should know; {@code code} is one of the vocabulary's caveat codes. */
    @Schema(name = "SummaryCaveat")
    public record Caveat(CaveatCode code, String text, List<FindingRef> findings) {
    }

    /**
     * A finding a summary rests on: its reference, or with {@code ?expand=findings} the whole finding (which
     * carries the reference's fields too).
     */
    @Schema(name = "FindingRef", oneOf = {Ref.class, FindingResponse.class})
    public sealed interface FindingRef permits Ref, Whole {

        Long id();
    }

    @Schema(name = "FindingReference")
    public record Ref(Long id, String statement, FindingKind kind, Timescale timescale, Certainty certainty)
            implements FindingRef {
    }

    /** The whole finding, serialized as the finding itself. */
    @Schema(implementation = FindingResponse.class)
    public record Whole(@JsonValue FindingResponse finding) implements FindingRef {

        @Override
        public Long id() {
            return finding.id();
        }
    }
}
