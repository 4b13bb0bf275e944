package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.List;

/** What ingesting one article did: {@code created} is false when the same text was already stored. */
public record IngestOutcome(boolean created, long sourceId, Long studyId, int findings, int mechanisms,
        List<String> warnings, String title) {

    public IngestOutcome {
        warnings = List.copyOf(warnings);
    }

    /** This outcome with {@code first} said before its own warnings. */
    IngestOutcome warnedFirst(List<String> first) {
        List<String> all = new ArrayList<>(first);
        all.addAll(warnings);
        return new IngestOutcome(created, sourceId, studyId, findings, mechanisms, all, title);
    }
}
