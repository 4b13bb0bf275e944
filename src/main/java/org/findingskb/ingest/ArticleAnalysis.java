package org.findingskb.ingest;

import java.util.List;

/**
 * What the text pipeline read from one article, and what kind of study it reports ({@code design}). Every offset
 * indexes into {@link #text()}, the normalised text that is stored as the source. {@code bodySentences} counts the
 * sentences of the article itself, without its title, credits and other boilerplate: how much there is to read
 * findings from.
 */
public record ArticleAnalysis(
        String text,
        ArticleMetadata metadata,
        List<ExtractedFinding> findings,
        List<ExtractedMechanism> mechanisms,
        List<String> warnings,
        ExtractedDesign design,
        int bodySentences) {

    public ArticleAnalysis {
        findings = List.copyOf(findings);
        mechanisms = List.copyOf(mechanisms);
        warnings = List.copyOf(warnings);
        design = design == null ? ExtractedDesign.NONE : design;
    }
}
