package org.findingskb.source;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.findingskb.shared.Revalidated;

/** One source as lists show it, with its text and where each finding's evidence stands in it. */
public record SourceDetailResponse(
        @JsonUnwrapped SourceResponse source,
        String text,
        List<Annotation> annotations,
        long version) implements Revalidated {

    public record Annotation(Long findingId, int start, int end) {
    }
}
