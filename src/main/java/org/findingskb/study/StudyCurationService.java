package org.findingskb.study;

import java.util.List;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import org.findingskb.concept.ConceptService;
import org.findingskb.source.SourceDeleting;
import org.findingskb.source.SourceRepository;
import org.findingskb.shared.Curation;
import org.findingskb.shared.Texts;
import org.findingskb.shared.UnprocessableReference;
import org.findingskb.shared.IfMatch;

/** What curators do to studies: create, edit and delete them. Each call is one transaction. */
@Service
@Transactional
public class StudyCurationService implements Curation<String, StudyRequest, StudyResponse> {

    private static final int MAX_ATTEMPTS = 5;

    private final StudyRepository studies;
    private final StudyService reads;
    private final StudySlugs slugs;
    private final ConceptService concepts;
    private final SourceRepository sources;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    StudyCurationService(StudyRepository studies, StudyService reads, StudySlugs slugs, ConceptService concepts,
            SourceRepository sources, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.studies = studies;
        this.reads = reads;
        this.slugs = slugs;
        this.concepts = concepts;
        this.sources = sources;
        this.events = events;
    }

    /**
     * Creates a study under a slug of its own; when a concurrent create takes the same slug first, it tries
     * again with the next one, so every create gets its own.
     */
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public StudyResponse create(StudyRequest request) {
        for (int attempt = 1; ; attempt++) {
            int current = attempt;
            try {
                return transactions.execute(status -> {
                    Study study = new Study(slugs.uniqueFor(request.title(), current), request.title().strip(), null);
                    apply(study, request);
                    return reads.respond(studies.saveAndFlush(study));
                });
            } catch (DataIntegrityViolationException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Replaces the study's facts; its slug stays, so links to it keep working after a retitle. */
    @Override
    public StudyResponse replace(String idOrSlug, IfMatch ifMatch, StudyRequest request) {
        Study study = ifMatch.check("study", reads.load(idOrSlug));
        if (!study.getTitle().equals(request.title().strip())) {
            study.retitle(request.title().strip());
        }
        apply(study, request);
        return reads.respond(studies.saveAndFlush(study));
    }

    @Override
    @Transactional(readOnly = true)
    public StudyRequest current(String idOrSlug) {
        return StudyRequest.of(reads.load(idOrSlug));
    }

    /** Deletes the study with its findings and mechanisms, each through JPA so history and index follow. */
    @Override
    public void delete(String idOrSlug, IfMatch ifMatch) {
        remove(ifMatch.check("study", reads.load(idOrSlug)));
    }

    /** A source's studies go with it, after the findings quoting it. */
    @EventListener
    @Order(2)
    void deleteStudiesOf(SourceDeleting deleting) {
        studies.findBySourceIdOrderById(deleting.sourceId()).forEach(this::remove);
        studies.flush();
    }

    private void remove(Study study) {
        events.publishEvent(new StudyDeleting(study.getId()));
        studies.delete(study);
    }

    private void apply(Study study, StudyRequest request) {
        study.describe(Texts.blankToNull(request.institution()), Texts.blankToNull(request.journal()), request.publishedYear(),
                Texts.blankToNull(request.doi()), Texts.blankToNull(request.population()));
        study.replaceResearchers(Objects.requireNonNullElse(request.researchers(), List.<StudyRequest.Person>of()).stream()
                .map(p -> new Researcher(p.name().strip(), p.role(), Texts.blankToNull(p.description()))).toList());
        study.replaceInterventions(concepts.existing("interventionIds", request.interventionIds()));
        study.replaceConditions(concepts.existing("conditionIds", request.conditionIds()));
        if (request.sourceId() == null) {
            study.attachSource(null);
        } else {
            study.attachSource(sources.findById(request.sourceId())
                    .orElseThrow(() -> UnprocessableReference.missing("sourceId", "source", request.sourceId())));
        }
    }

}
