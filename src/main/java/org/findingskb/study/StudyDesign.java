package org.findingskb.study;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * What kind of study it was: each part {@code null} where the source does not say it, and each part that is not
 * {@code null} with the quote of the source it rests on (a quote is {@code null} only where its part is, or where
 * the study has no source).
 */
@Embeddable
public record StudyDesign(
        @Enumerated(EnumType.STRING) @Column(name = "design_type") DesignType type,
        @Column(name = "design_sample_size") Integer sampleSize,
        @Column(name = "design_comparator") String comparator,
        @Column(name = "design_duration") String duration,
        @Column(name = "design_intervention") String intervention,
        @Embedded @AttributeOverrides({
                @AttributeOverride(name = "start", column = @Column(name = "design_type_start")),
                @AttributeOverride(name = "end", column = @Column(name = "design_type_end")),
                @AttributeOverride(name = "exact", column = @Column(name = "design_type_exact"))})
        DesignQuote typeQuote,
        @Embedded @AttributeOverrides({
                @AttributeOverride(name = "start", column = @Column(name = "design_sample_size_start")),
                @AttributeOverride(name = "end", column = @Column(name = "design_sample_size_end")),
                @AttributeOverride(name = "exact", column = @Column(name = "design_sample_size_exact"))})
        DesignQuote sampleSizeQuote,
        @Embedded @AttributeOverrides({
                @AttributeOverride(name = "start", column = @Column(name = "design_comparator_start")),
                @AttributeOverride(name = "end", column = @Column(name = "design_comparator_end")),
                @AttributeOverride(name = "exact", column = @Column(name = "design_comparator_exact"))})
        DesignQuote comparatorQuote,
        @Embedded @AttributeOverrides({
                @AttributeOverride(name = "start", column = @Column(name = "design_duration_start")),
                @AttributeOverride(name = "end", column = @Column(name = "design_duration_end")),
                @AttributeOverride(name = "exact", column = @Column(name = "design_duration_exact"))})
        DesignQuote durationQuote,
        @Embedded @AttributeOverrides({
                @AttributeOverride(name = "start", column = @Column(name = "design_intervention_start")),
                @AttributeOverride(name = "end", column = @Column(name = "design_intervention_end")),
                @AttributeOverride(name = "exact", column = @Column(name = "design_intervention_exact"))})
        DesignQuote interventionQuote) {

    /** The longest comparator, duration or intervention a study holds (its column's width). */
    public static final int MAX_TEXT_LENGTH = 500;

    public StudyDesign {
        // A quote without its value says nothing; a value may stand without one (a study with no source).
        typeQuote = type == null ? null : typeQuote;
        sampleSizeQuote = sampleSize == null ? null : sampleSizeQuote;
        comparatorQuote = comparator == null ? null : comparatorQuote;
        durationQuote = duration == null ? null : durationQuote;
        interventionQuote = intervention == null ? null : interventionQuote;
    }

    /** Whether the source says nothing of the design. */
    public boolean isEmpty() {
        return type == null && sampleSize == null && comparator == null && duration == null && intervention == null;
    }
}
