package org.findingskb.ingest;

/** Facts the caller gives about a source; each one given wins over what the pipeline reads from the text. */
public record SourceOverrides(String title, String publisher, String url, Integer publishedYear) {

    public static SourceOverrides none() {
        return new SourceOverrides(null, null, null, null);
    }
}
