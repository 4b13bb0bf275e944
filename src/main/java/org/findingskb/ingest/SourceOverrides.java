package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.findingskb.source.SourceDocument;

/** Facts the caller gives about a source; each one given wins over what the pipeline reads from the text. */
public record SourceOverrides(String title, String publisher, String url, Integer publishedYear) {

    public static SourceOverrides none() {
        return new SourceOverrides(null, null, null, null);
    }

    /** The API names of the facts given here that {@code source} states otherwise; blank ones count as not given. */
    List<String> differingFrom(SourceDocument source) {
        List<String> differing = new ArrayList<>();
        differs("title", title, source.getTitle(), differing);
        differs("publisher", publisher, source.getPublisher(), differing);
        differs("url", url, source.getUrl(), differing);
        if (publishedYear != null && !publishedYear.equals(source.getPublishedYear())) {
            differing.add("publishedYear");
        }
        return differing;
    }

    private static void differs(String name, String given, String stored, List<String> differing) {
        if (given != null && !given.isBlank() && !Objects.equals(given.strip(), stored)) {
            differing.add(name);
        }
    }
}
