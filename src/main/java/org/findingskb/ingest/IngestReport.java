package org.findingskb.ingest;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.finding.ReviewStatus;
import org.findingskb.finding.FindingRepository;
import org.findingskb.finding.FindingResponse;
import org.findingskb.mechanism.MechanismService;
import org.findingskb.source.SourceService;

/** Describes what an ingest stored, read back after it committed. */
@Component
@Transactional(readOnly = true)
class IngestReport {

    private final SourceService sources;
    private final FindingRepository findings;
    private final MechanismService mechanisms;

    IngestReport(SourceService sources, FindingRepository findings, MechanismService mechanisms) {
        this.sources = sources;
        this.findings = findings;
        this.mechanisms = mechanisms;
    }

    IngestResponse of(IngestOutcome outcome) {
        Long studyId = outcome.studyId();
        return new IngestResponse(sources.summary(outcome.sourceId()), studyId,
                studyId == null ? List.of() : findings.findByStudy(studyId, ReviewStatus.VISIBLE).stream()
                        .map(FindingResponse::from).toList(),
                studyId == null ? List.of() : mechanisms.ofStudy(studyId), outcome.warnings());
    }
}
