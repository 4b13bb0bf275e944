package org.findingskb.mechanism;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.concept.Concept;
import org.findingskb.concept.ConceptService;
import org.findingskb.finding.Finding;
import org.findingskb.finding.FindingRepository;
import org.findingskb.study.Study;
import org.findingskb.study.StudyRepository;
import org.findingskb.shared.InvalidField;
import org.findingskb.shared.Texts;
import org.findingskb.shared.UnprocessableReference;
import org.findingskb.shared.Versions;

/** What curators do to mechanisms: create, edit and delete them. Each call is one transaction. */
@Service
@Transactional
public class MechanismCurationService {

    private final MechanismRepository mechanisms;
    private final StudyRepository studies;
    private final ConceptService concepts;
    private final FindingRepository findings;

    MechanismCurationService(MechanismRepository mechanisms, StudyRepository studies, ConceptService concepts,
            FindingRepository findings) {
        this.mechanisms = mechanisms;
        this.studies = studies;
        this.concepts = concepts;
        this.findings = findings;
    }

    public MechanismResponse create(MechanismRequest request) {
        if (request.studyId() == null) {
            throw InvalidField.of("studyId", "is required: the study the mechanism belongs to");
        }
        Study study = studies.findById(request.studyId())
                .orElseThrow(() -> UnprocessableReference.missing("studyId", "study", request.studyId()));
        Mechanism mechanism = new Mechanism(study, request.name().strip(), request.timescale(),
                Texts.blankToNull(request.onset()), Texts.blankToNull(request.description()));
        mechanisms.save(mechanism);
        apply(mechanism, request);
        return MechanismResponse.from(mechanisms.saveAndFlush(mechanism));
    }

    public MechanismResponse replace(long id, long expectedVersion, MechanismRequest request) {
        Mechanism mechanism = load(id, expectedVersion);
        if (request.studyId() != null && !request.studyId().equals(mechanism.getStudyId())) {
            throw UnprocessableReference.of("studyId", "cannot change: a mechanism stays with its study");
        }
        mechanism.edit(request.name().strip(), request.timescale(), Texts.blankToNull(request.onset()),
                Texts.blankToNull(request.description()));
        apply(mechanism, request);
        return MechanismResponse.from(mechanisms.saveAndFlush(mechanism));
    }

    @Transactional(readOnly = true)
    public MechanismRequest current(long id) {
        return MechanismRequest.of(mechanisms.findById(id).orElseThrow(() -> MechanismNotFound.withId(id)));
    }

    public void delete(long id, long expectedVersion) {
        Mechanism mechanism = load(id, expectedVersion);
        mechanism.replaceSupport(List.of());
        mechanisms.delete(mechanism);
    }

    private Mechanism load(long id, long expectedVersion) {
        Mechanism mechanism = mechanisms.findById(id).orElseThrow(() -> MechanismNotFound.withId(id));
        Versions.check(expectedVersion, mechanism.getVersion(), "mechanism", id);
        return mechanism;
    }

    private void apply(Mechanism mechanism, MechanismRequest request) {
        mechanism.replaceConcepts(concepts.existing("brainRegionIds", request.brainRegionIds()),
                concepts.existing("pathwayIds", request.pathwayIds()), concepts.existing("cellTypeIds", request.cellTypeIds()),
                concepts.existing("interventionIds", request.interventionIds()));
        List<Finding> supporting = new ArrayList<>();
        for (Long findingId : new LinkedHashSet<>(Objects.requireNonNullElse(request.findingIds(), List.<Long>of()))) {
            Finding finding = findings.findById(findingId)
                    .orElseThrow(() -> UnprocessableReference.missing("findingIds", "finding", findingId));
            if (!finding.getStudyId().equals(mechanism.getStudyId())) {
                throw UnprocessableReference.of("findingIds", "names finding " + findingId
                        + " of another study; a mechanism rests on findings of its own study");
            }
            supporting.add(finding);
        }
        mechanism.replaceSupport(supporting);
    }

}
