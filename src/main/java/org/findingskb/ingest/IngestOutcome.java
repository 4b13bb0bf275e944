package org.findingskb.ingest;

import java.util.List;

/** What ingesting one article did: {@code created} is false when the same text was already stored. */
public record IngestOutcome(boolean created, long sourceId, Long studyId, int findings, int mechanisms,
        List<String> warnings, String title) {

    public IngestOutcome {
        warnings = List.copyOf(warnings);
    }
}
