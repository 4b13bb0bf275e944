package org.findingskb.finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.concept.Concept;
import org.findingskb.concept.ConceptService;
import org.findingskb.mechanism.MechanismRepository;
import org.findingskb.source.SourceDocument;
import org.findingskb.source.SourceRepository;
import org.findingskb.study.Study;
import org.findingskb.study.StudyRepository;
import org.findingskb.shared.Curation;
import org.findingskb.shared.InvalidField;
import org.findingskb.shared.UnprocessableReference;
import org.findingskb.shared.IfMatch;

/** What curators do to findings: create, edit, delete, review and link them. Each call is one transaction. */
@Service
@Transactional
public class FindingCurationService implements Curation<Long, FindingRequest, FindingResponse> {

    private final FindingRepository findings;
    private final FindingLinkRepository links;
    private final StudyRepository studies;
    private final SourceRepository sources;
    private final ConceptService concepts;
    private final MechanismRepository mechanisms;

    FindingCurationService(FindingRepository findings, FindingLinkRepository links, StudyRepository studies,
            SourceRepository sources, ConceptService concepts, MechanismRepository mechanisms) {
        this.findings = findings;
        this.links = links;
        this.studies = studies;
        this.sources = sources;
        this.concepts = concepts;
        this.mechanisms = mechanisms;
    }

    @Override
    public FindingResponse create(FindingRequest request) {
        Study study = studies.owner(request.studyId(), "finding");
        Finding finding = Finding.curated(study, findings.nextPositionIn(study.getId()), request.statement().strip(),
                request.kind(), request.timescale(), request.certainty(), confidenceOf(request));
        if (request.reportedBy() != null) {
            finding.attributeTo(request.reportedBy());
        }
        apply(finding, request);
        return FindingResponse.from(findings.saveAndFlush(finding));
    }

    @Override
    public FindingResponse replace(Long id, IfMatch ifMatch, FindingRequest request) {
        Finding finding = load(id, ifMatch);
        finding.keepStudy(request.studyId(), "finding");
        ReportedBy reportedBy = request.reportedBy() == null ? finding.getReportedBy() : request.reportedBy();
        if (!sameContent(finding, request) || reportedBy != finding.getReportedBy()) {
            finding.edit(request.statement().strip(), request.kind(), request.timescale(), request.certainty(),
                    confidenceOf(request));
            finding.attributeTo(reportedBy);
        }
        apply(finding, request);
        return FindingResponse.from(findings.saveAndFlush(finding));
    }

    @Override
    @Transactional(readOnly = true)
    public FindingRequest current(Long id) {
        return FindingRequest.of(findings.load(id));
    }

    @Override
    public void delete(Long id, IfMatch ifMatch) {
        findings.delete(load(id, ifMatch));
    }

    public FindingResponse review(long id, IfMatch ifMatch, ReviewRequest request) {
        boolean needsNote = request.status() == ReviewStatus.REJECTED || request.status() == ReviewStatus.RETRACTED;
        if (request.status() == ReviewStatus.UNREVIEWED) {
            throw InvalidField.of("status", "must be a verdict: ACCEPTED, REJECTED or RETRACTED");
        }
        if (needsNote && (request.note() == null || request.note().isBlank())) {
            throw InvalidField.of("note", "is required when a finding is " + request.status() + ": say why");
        }
        Finding finding = load(id, ifMatch);
        finding.review(request.status(), request.note());
        return FindingResponse.from(findings.saveAndFlush(finding));
    }

    public FindingResponse link(long id, LinkRequest request) {
        Finding from = findings.load(id);
        Finding to = findings.findById(request.findingId())
                .orElseThrow(() -> UnprocessableReference.missing("findingId", "finding", request.findingId()));
        if (from.getId().equals(to.getId())) {
            throw UnprocessableReference.of("findingId", "is this finding itself: a finding cannot be linked to itself");
        }
        if (links.existsByFromIdAndToIdAndType(from.getId(), to.getId(), request.type())) {
            throw UnprocessableReference.of("findingId", "is already linked to this finding as " + request.type());
        }
        try {
            links.saveAndFlush(from.linkTo(to, request.type(), author()));
        } catch (DataIntegrityViolationException e) {
            // The same link, made a moment earlier by a concurrent request.
            throw UnprocessableReference.of("findingId", "is already linked to this finding as " + request.type());
        }
        return FindingResponse.from(from);
    }

    public void unlink(long id, long linkId) {
        FindingLink link = links.findById(linkId).filter(l -> l.getFrom().getId() == id || l.getTo().getId() == id)
                .orElseThrow(() -> FindingLinkNotFound.withId(id, linkId));
        links.delete(link);
    }

    private Finding load(long id, IfMatch ifMatch) {
        return ifMatch.check("finding", findings.load(id));
    }

    /** Evidence, concepts and mechanisms of {@code request}, each checked against what exists. */
    private void apply(Finding finding, FindingRequest request) {
        List<EvidenceSpan> spans = new ArrayList<>();
        for (int i = 0; i < request.evidence().size(); i++) {
            spans.add(span("evidence[" + i + "]", request.evidence().get(i)));
        }
        finding.replaceEvidence(spans);
        finding.replaceConcepts(concepts.existing("conceptIds", request.conceptIds()));
        finding.replaceMechanisms(finding.ofSameStudy("mechanismIds", "mechanism",
                Objects.requireNonNullElse(request.mechanismIds(), List.of()), mechanisms::findById,
                "a finding supports the mechanisms of its own study"));
        if (request.effects() != null) {
            finding.replaceEffects(effects(request.effects(), spans.get(0)));
        }
    }

    /** The effects of a request, each concept known and each quote matching its source; else 422 naming it. */
    private List<FindingEffect.Effect> effects(List<FindingRequest.Effect> requested, EvidenceSpan firstSpan) {
        List<FindingEffect.Effect> result = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            FindingRequest.Effect effect = requested.get(i);
            String field = "effects[" + i + "]";
            Concept subject = concepts.existing(field + ".subjectId", List.of(effect.subjectId())).get(0);
            Concept object = concepts.existing(field + ".objectId", List.of(effect.objectId())).get(0);
            EvidenceSpan evidence = effect.evidence() == null ? firstSpan : span(field + ".evidence", effect.evidence());
            result.add(new FindingEffect.Effect(subject, effect.direction(), object, evidence));
        }
        return result;
    }

    /** The span, if its quote stands exactly at its position in its source; else 422 naming the span. */
    private EvidenceSpan span(String field, FindingRequest.Evidence evidence) {
        SourceDocument source = sources.findById(evidence.sourceId())
                .orElseThrow(() -> UnprocessableReference.missing(field + ".sourceId", "source", evidence.sourceId()));
        if (evidence.end() <= evidence.start() || !source.holdsAt(evidence.start(), evidence.end(), evidence.exact())) {
            throw UnprocessableReference.of(field, "does not match source " + source.getId() + ": the text at ["
                    + evidence.start() + ", " + evidence.end() + ") is not the quoted 'exact'");
        }
        return EvidenceSpan.of(source, evidence.start(), evidence.end());
    }

    private static boolean sameContent(Finding finding, FindingRequest request) {
        return finding.getStatement().equals(request.statement().strip()) && finding.getKind() == request.kind()
                && finding.getTimescale() == request.timescale() && finding.getCertainty() == request.certainty()
                && finding.getConfidence() == confidenceOf(request);
    }

    /** A curator's finding is as sure as the curator says, and fully so unless they say otherwise. */
    private static double confidenceOf(FindingRequest request) {
        return request.confidence() == null ? 1.0 : request.confidence();
    }

    private static String author() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
