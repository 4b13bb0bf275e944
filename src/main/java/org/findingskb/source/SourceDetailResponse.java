package org.findingskb.source;

import java.util.List;

/** One source with its text and where each finding's evidence stands in it. */
public record SourceDetailResponse(
        Long id,
        String title,
        String publisher,
        String url,
        Integer publishedYear,
        String sha256,
        int length,
        List<Long> studyIds,
        String text,
        List<Annotation> annotations,
        long version) {

    public record Annotation(Long findingId, int start, int end) {
    }
}
