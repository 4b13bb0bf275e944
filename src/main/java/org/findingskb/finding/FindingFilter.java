package org.findingskb.finding;

import java.util.Set;

import io.swagger.v3.oas.annotations.Parameter;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateOptionsCollector;
import org.hibernate.search.engine.search.predicate.dsl.TypedSearchPredicateFactory;

import org.findingskb.concept.ConceptType;

import org.findingskb.mechanism.Timescale;

/** The filters of a findings query; every one is optional and they combine with AND. */
public record FindingFilter(
        @Parameter(description = "words the statement contains (case-insensitive)") String q,
        @Parameter(description = "only findings of this study") Long studyId,
        @Parameter(description = "RESULT, MECHANISM, PRIOR_WORK, IMPLICATION or CONTEXT (any case)") FindingKind kind,
        @Parameter(description = "RAPID or SUSTAINED (any case)") Timescale timescale,
        @Parameter(description = "REPORTED or SUGGESTED (any case)") Certainty certainty,
        @Parameter(description = "a concept id, name or synonym the finding mentions") String concept,
        @Parameter(description = "findings that mention a concept of this type") ConceptType conceptType,
        @Parameter(description = "review states to include; default: all but REJECTED and RETRACTED") Set<ReviewStatus> reviewStatus,
        @Parameter(description = "true: only findings waiting for review (the curators' queue); false: none of them") Boolean needsReview) {

    /** The filters without the review queue's. */
    public FindingFilter(String q, Long studyId, FindingKind kind, Timescale timescale, Certainty certainty,
            String concept, ConceptType conceptType, Set<ReviewStatus> reviewStatus) {
        this(q, studyId, kind, timescale, certainty, concept, conceptType, reviewStatus, null);
    }

    public static FindingFilter none() {
        return new FindingFilter(null, null, null, null, null, null, null, null, null);
    }

    public FindingFilter withStudy(Long id) {
        return new FindingFilter(q, id, kind, timescale, certainty, concept, conceptType, reviewStatus, needsReview);
    }

    public FindingFilter withConcept(String idOrName) {
        return new FindingFilter(q, studyId, kind, timescale, certainty, idOrName, conceptType, reviewStatus,
                needsReview);
    }

    /** Whether this asks for every visible finding: no filter but the default review states. */
    boolean selectsAllVisible() {
        return (q == null || q.isBlank()) && studyId == null && kind == null && timescale == null && certainty == null
                && (concept == null || concept.isBlank()) && conceptType == null && needsReview == null
                && reviewStatuses().equals(ReviewStatus.VISIBLE);
    }

    /** The review states asked for; empty elements of the list ({@code reviewStatus=ACCEPTED,}) are ignored. */
    Set<ReviewStatus> reviewStatuses() {
        Set<ReviewStatus> asked = reviewStatus == null ? Set.of()
                : reviewStatus.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        return asked.isEmpty() ? ReviewStatus.VISIBLE : asked;
    }

    /**
     * Adds to {@code b} an index filter for each attribute this asks for: study, kind, timescale, certainty and
     * concept type. The findings list and the search across types both filter by these.
     */
    public void filterAttributes(TypedSearchPredicateFactory<?> f, BooleanPredicateOptionsCollector<?, ?> b) {
        if (studyId != null) {
            b.filter(f.match().field("studyId").matching(studyId));
        }
        if (kind != null) {
            b.filter(f.match().field("kind").matching(kind));
        }
        if (timescale != null) {
            b.filter(f.match().field("timescale").matching(timescale));
        }
        if (certainty != null) {
            b.filter(f.match().field("certainty").matching(certainty));
        }
        if (conceptType != null) {
            b.filter(f.match().field("concepts.type").matching(conceptType));
        }
    }
}
