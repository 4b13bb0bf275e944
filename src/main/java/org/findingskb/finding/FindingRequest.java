package org.findingskb.finding;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.findingskb.mechanism.Mechanism;

import org.findingskb.mechanism.Timescale;

/**
 * A finding as a curator writes it. Evidence spans must quote their source exactly; the server fills in the
 * context ({@code prefix}, {@code suffix}). {@code studyId} is fixed once the finding exists.
 */
@Schema(name = "FindingRequest")
public record FindingRequest(
        Long studyId,
        @NotBlank(message = "must not be blank") @Size(max = 4000, message = "must be at most 4000 characters") String statement,
        @NotNull(message = "is required") FindingKind kind,
        Timescale timescale,
        @NotNull(message = "is required") Certainty certainty,
        @DecimalMin(value = "0.0", message = "must be between 0 and 1")
        @DecimalMax(value = "1.0", message = "must be between 0 and 1") Double confidence,
        @NotEmpty(message = "must hold at least one span of the source") @Size(max = 20, message = "holds at most 20 spans")
        List<@Valid @NotNull(message = "must not be null") Evidence> evidence,
        @Size(max = 100, message = "holds at most 100 concepts") List<@NotNull(message = "must not be null") Long> conceptIds,
        @Size(max = 50, message = "holds at most 50 mechanisms") List<@NotNull(message = "must not be null") Long> mechanismIds,
        @Schema(description = "Whose result the finding reports; when left out, a new finding of kind PRIOR_WORK"
                + " reports a prior study's (PRIOR), any other this study's (STUDY), and an edit keeps the current value")
        ReportedBy reportedBy,
        @Schema(description = "What the finding says one concept does to another; when left out, an edit keeps the"
                + " current effects and a new finding has none")
        @Size(max = 20, message = "holds at most 20 effects") List<@Valid @NotNull(message = "must not be null") Effect> effects) {

    /**
     * An effect: {@code subjectId} acts on {@code objectId} in {@code direction}; {@code evidence} is the quote it
     * rests on, by default the finding's first evidence span.
     */
    public record Effect(
            @NotNull(message = "is required") Long subjectId,
            @NotNull(message = "is required") EffectDirection direction,
            @NotNull(message = "is required") Long objectId,
            @Valid Evidence evidence) {
    }

    /** A span of a source: TextPosition ({@code start}, {@code end}) and the TextQuote {@code exact} found there. */
    public record Evidence(
            @NotNull(message = "is required") Long sourceId,
            @NotNull(message = "is required") @PositiveOrZero(message = "must be 0 or more") Integer start,
            @NotNull(message = "is required") @PositiveOrZero(message = "must be 0 or more") Integer end,
            @NotNull(message = "is required") String exact) {
    }

    /** The finding as it stands, in the shape a PUT takes: what a PATCH is applied to. */
    static FindingRequest of(Finding finding) {
        return new FindingRequest(finding.getStudyId(), finding.getStatement(), finding.getKind(), finding.getTimescale(),
                finding.getCertainty(), finding.getConfidence(),
                finding.getEvidence().stream().map(e -> new Evidence(e.sourceId(), e.start(), e.end(), e.exact())).toList(),
                finding.getConcepts().stream().map(c -> c.getId()).toList(),
                finding.getMechanisms().stream().map(Mechanism::getId).toList(), finding.getReportedBy(),
                finding.getEffects().stream().map(e -> new Effect(e.getSubject().getId(), e.getDirection(),
                        e.getObject().getId(), new Evidence(e.getEvidence().sourceId(), e.getEvidence().start(),
                                e.getEvidence().end(), e.getEvidence().exact()))).toList());
    }
}
