package org.findingskb.source;

import java.util.List;

import org.findingskb.shared.Revalidated;

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
        long version) implements Revalidated {

    public record Annotation(Long findingId, int start, int end) {
    }
}
