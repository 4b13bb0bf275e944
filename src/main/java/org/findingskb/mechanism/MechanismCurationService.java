package org.findingskb.mechanism;

import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.concept.ConceptService;
import org.findingskb.study.Study;
import org.findingskb.study.StudyRepository;
import org.findingskb.shared.Curation;
import org.findingskb.shared.Texts;
import org.findingskb.shared.IfMatch;

/** What curators do to mechanisms: create, edit and delete them. Each call is one transaction. */
@Service
@Transactional
public class MechanismCurationService implements Curation<Long, MechanismRequest, MechanismResponse> {

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

    @Override
    public MechanismResponse create(MechanismRequest request) {
        Study study = studies.owner(request.studyId(), "mechanism");
        Mechanism mechanism = new Mechanism(study, request.name().strip(), request.timescale(),
                Texts.blankToNull(request.onset()), Texts.blankToNull(request.description()));
        mechanisms.save(mechanism);
        apply(mechanism, request);
        return response(mechanisms.saveAndFlush(mechanism));
    }

    @Override
    public MechanismResponse replace(Long id, IfMatch ifMatch, MechanismRequest request) {
        Mechanism mechanism = load(id, ifMatch);
        mechanism.keepStudy(request.studyId(), "mechanism");
        mechanism.edit(request.name().strip(), request.timescale(), Texts.blankToNull(request.onset()),
                Texts.blankToNull(request.description()));
        apply(mechanism, request);
        return response(mechanisms.saveAndFlush(mechanism));
    }

    @Override
    @Transactional(readOnly = true)
    public MechanismRequest current(Long id) {
        Mechanism mechanism = mechanisms.load(id);
        return MechanismRequest.of(mechanism, support.findingIds(List.of(id)).getOrDefault(id, List.of()));
    }

    private MechanismResponse response(Mechanism mechanism) {
        return MechanismResponse.from(mechanism, support.findingIds(List.of(mechanism.getId()))
                .getOrDefault(mechanism.getId(), List.of()));
    }

    @Override
    public void delete(Long id, IfMatch ifMatch) {
        Mechanism mechanism = load(id, ifMatch);
        support.replace(mechanism, List.of());
        mechanisms.delete(mechanism);
    }

    private Mechanism load(long id, IfMatch ifMatch) {
        return ifMatch.check("mechanism", mechanisms.load(id));
    }

    private void apply(Mechanism mechanism, MechanismRequest request) {
        mechanism.replaceConcepts(concepts.existing("brainRegionIds", request.brainRegionIds()),
                concepts.existing("pathwayIds", request.pathwayIds()), concepts.existing("cellTypeIds", request.cellTypeIds()),
                concepts.existing("interventionIds", request.interventionIds()));
        support.replace(mechanism, Objects.requireNonNullElse(request.findingIds(), List.<Long>of()));
    }

}
