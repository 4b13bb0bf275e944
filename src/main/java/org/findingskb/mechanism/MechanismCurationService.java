package org.findingskb.mechanism;

import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.concept.ConceptService;
import org.findingskb.study.Study;
import org.findingskb.study.StudyRepository;
import org.findingskb.shared.InvalidField;
import org.findingskb.shared.Texts;
import org.findingskb.shared.UnprocessableReference;
import org.findingskb.shared.IfMatch;

/** What curators do to mechanisms: create, edit and delete them. Each call is one transaction. */
@Service
@Transactional
public class MechanismCurationService {

    private final MechanismRepository mechanisms;
    private final StudyRepository studies;
    private final ConceptService concepts;
    private final MechanismSupport support;

    MechanismCurationService(MechanismRepository mechanisms, StudyRepository studies, ConceptService concepts,
            MechanismSupport support) {
        this.mechanisms = mechanisms;
        this.studies = studies;
        this.concepts = concepts;
        this.support = support;
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
        return response(mechanisms.saveAndFlush(mechanism));
    }

    public MechanismResponse replace(long id, IfMatch ifMatch, MechanismRequest request) {
        Mechanism mechanism = load(id, ifMatch);
        if (request.studyId() != null && !request.studyId().equals(mechanism.getStudyId())) {
            throw UnprocessableReference.of("studyId", "cannot change: a mechanism stays with its study");
        }
        mechanism.edit(request.name().strip(), request.timescale(), Texts.blankToNull(request.onset()),
                Texts.blankToNull(request.description()));
        apply(mechanism, request);
        return response(mechanisms.saveAndFlush(mechanism));
    }

    @Transactional(readOnly = true)
    public MechanismRequest current(long id) {
        Mechanism mechanism = mechanisms.findById(id).orElseThrow(() -> MechanismNotFound.withId(id));
        return MechanismRequest.of(mechanism, support.findingIds(List.of(id)).getOrDefault(id, List.of()));
    }

    private MechanismResponse response(Mechanism mechanism) {
        return MechanismResponse.from(mechanism, support.findingIds(List.of(mechanism.getId()))
                .getOrDefault(mechanism.getId(), List.of()));
    }

    public void delete(long id, IfMatch ifMatch) {
        Mechanism mechanism = load(id, ifMatch);
        support.replace(mechanism, List.of());
        mechanisms.delete(mechanism);
    }

    private Mechanism load(long id, IfMatch ifMatch) {
        return ifMatch.check("mechanism", id, mechanisms.findById(id).orElseThrow(() -> MechanismNotFound.withId(id)),
                Mechanism::getVersion);
    }

    private void apply(Mechanism mechanism, MechanismRequest request) {
        mechanism.replaceConcepts(concepts.existing("brainRegionIds", request.brainRegionIds()),
                concepts.existing("pathwayIds", request.pathwayIds()), concepts.existing("cellTypeIds", request.cellTypeIds()),
                concepts.existing("interventionIds", request.interventionIds()));
        support.replace(mechanism, Objects.requireNonNullElse(request.findingIds(), List.<Long>of()));
    }

}
