package org.findingskb.finding;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.util.List;

import org.findingskb.concept.ConceptRef;
import org.findingskb.mechanism.Mechanism;

import org.findingskb.mechanism.Timescale;

import org.findingskb.shared.Versioned;

@NullMarked
public record FindingResponse(
        Long id,
        Long studyId,
        String statement,
        FindingKind kind,
        @Nullable Timescale timescale,
        Certainty certainty,
        List<Evidence> evidence,
        List<ConceptRef> concepts,
        List<Long> mechanismIds,
        Origin origin,
        double confidence,
        boolean needsReview,
        ReviewStatus reviewStatus,
        @Nullable String reviewNote,
        List<Link> links,
        long version,
        ReportedBy reportedBy,
        List<Effect> effects) implements Versioned {

    /** What the finding says its {@code subject} does to its {@code object}, with the quote that says it. */
    public record Effect(ConceptRef subject, EffectDirection direction, ConceptRef object, Evidence evidence) {

        static Effect of(FindingEffect effect) {
            return new Effect(ConceptRef.of(effect.getSubject()), effect.getDirection(),
                    ConceptRef.of(effect.getObject()), Evidence.of(effect.getEvidence()));
        }
    }

    /** A link to another finding: this finding's ({@code OUTGOING}) or the other's ({@code INCOMING}). */
    public record Link(Long id, LinkType type, Long findingId, String direction) {
    }

    /** A W3C Web Annotation TextPosition ({@code start}, {@code end}) and TextQuote ({@code exact} in context). */
    public record Evidence(Long sourceId, int start, int end, String exact, String prefix, String suffix) {

        static Evidence of(EvidenceSpan span) {
            return new Evidence(span.sourceId(), span.start(), span.end(), span.exact(), span.prefix(), span.suffix());
        }
    }

    public static FindingResponse from(Finding finding) {
        return new FindingResponse(finding.getId(), finding.getStudy().getId(), finding.getStatement(),
                finding.getKind(), finding.getTimescale(), finding.getCertainty(),
                finding.getEvidence().stream().map(Evidence::of).toList(),
                ConceptRef.of(finding.getConcepts()),
                finding.getMechanisms().stream().map(Mechanism::getId).toList(),
                finding.getOrigin(), finding.getConfidence(), finding.isNeedsReview(), finding.getReviewStatus(), finding.getReviewNote(),
                links(finding), finding.getVersion(), finding.getReportedBy(),
                finding.getEffects().stream().map(Effect::of).toList());
    }

    private static List<Link> links(Finding finding) {
        List<Link> links = new java.util.ArrayList<>();
        finding.getOutgoingLinks().forEach(l -> links.add(new Link(l.getId(), l.getType(), l.getTo().getId(), "OUTGOING")));
        finding.getIncomingLinks().forEach(l -> links.add(new Link(l.getId(), l.getType(), l.getFrom().getId(), "INCOMING")));
        return links;
    }
}
