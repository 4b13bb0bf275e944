package org.findingskb.ingest;

import java.util.List;

import org.findingskb.finding.FindingResponse;
import org.findingskb.mechanism.MechanismResponse;
import org.findingskb.source.SourceResponse;

/** What an ingest stored (or found stored already): the source, its study, findings and mechanisms. */
public record IngestResponse(
        SourceResponse source,
        Long studyId,
        List<FindingResponse> findings,
        List<MechanismResponse> mechanisms,
        List<String> warnings) {
}
