package org.findingskb.source;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.findingskb.shared.Versioned;

/**
 * One source as lists show it, with its text and where each finding's evidence stands in it. Its ETag names the
 * version, for corrections, and a digest of the whole, so that it changes with the annotations too.
 */
public record SourceDetailResponse(
        @JsonUnwrapped SourceResponse source,
        String text,
        List<Annotation> annotations,
        long version) implements Versioned {

    @Override
    public Long id() {
        return source.id();
    }

    public record Annotation(Long findingId, int start, int end) {
    }
}
