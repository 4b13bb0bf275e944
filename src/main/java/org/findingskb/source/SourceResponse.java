package org.findingskb.source;

import java.util.List;

/** A source as lists show it: everything but its text. */
public record SourceResponse(
        Long id,
        String title,
        String publisher,
        String url,
        Integer publishedYear,
        String sha256,
        int length,
        List<Long> studyIds) {
}
