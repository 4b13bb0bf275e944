package org.findingskb.shared;

/**
 * The representations besides JSON that handlers declare they produce; message converters render them, and
 * content negotiation picks one by {@code Accept}.
 */
public final class MediaTypes {

    /** JSON-LD (schema.org, W3C Web Annotation) of a study, finding or summary. */
    public static final String JSON_LD = "application/ld+json";
    /** A page of findings as CSV. */
    public static final String CSV = "text/csv";
    /** A summary as Markdown. */
    public static final String MARKDOWN = "text/markdown";

    private MediaTypes() {
    }
}
