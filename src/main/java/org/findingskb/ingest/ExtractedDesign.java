package org.findingskb.ingest;

import org.findingskb.study.DesignQuote;
import org.findingskb.study.DesignType;
import org.findingskb.study.StudyDesign;

/**
 * What kind of study the article reports, each part with the span of the text it was read from; a part the
 * article does not state (or the pipeline is unsure of) is {@code null}, and so is its span.
 */
public record ExtractedDesign(
        DesignType type, TextSpan typeSpan,
        Integer sampleSize, TextSpan sampleSizeSpan,
        String comparator, TextSpan comparatorSpan,
        String duration, TextSpan durationSpan,
        String intervention, TextSpan interventionSpan) {

    static final ExtractedDesign NONE = new ExtractedDesign(null, null, null, null, null, null, null, null, null, null);

    /** The design as a study stores it, its quotes taken from {@code text} (the text every span indexes). */
    public StudyDesign toStudyDesign(String text) {
        return new StudyDesign(type, sampleSize, comparator, duration, intervention, quote(text, typeSpan),
                quote(text, sampleSizeSpan), quote(text, comparatorSpan), quote(text, durationSpan),
                quote(text, interventionSpan));
    }

    private static DesignQuote quote(String text, TextSpan span) {
        return span == null ? null : DesignQuote.of(text, span.start(), span.end());
    }
}
