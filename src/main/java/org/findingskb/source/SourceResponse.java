package org.findingskb.source;

import java.util.List;

import org.findingskb.source.SourceRepository.SourceRow;

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

    static SourceResponse of(SourceRow row, List<Long> studyIds) {
        return new SourceResponse(row.id(), row.title(), row.publisher(), row.url(), row.publishedYear(), row.sha256(),
                row.length(), studyIds);
    }
}
