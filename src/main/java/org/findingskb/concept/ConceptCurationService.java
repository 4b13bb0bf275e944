package org.findingskb.concept;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.shared.Curation;
import org.findingskb.shared.Texts;
import org.findingskb.shared.UnprocessableReference;
import org.findingskb.shared.IfMatch;

/**
 * What curators do to concepts. A concept's name and synonyms are also indexed with every finding, study and
 * mechanism that mentions it, so a change re-indexes those in the same transaction.
 */
@Service
@Transactional
public class ConceptCurationService implements Curation<Long, ConceptRequest, ConceptResponse> {

    /** The tables and columns that refer to concepts. */
    private static final List<String> REFERENCES = List.of("finding_concept.concept_id",
            "study_intervention.concept_id", "study_condition.concept_id", "mechanism_brain_region.concept_id",
            "mechanism_pathway.concept_id", "mechanism_cell_type.concept_id", "mechanism_intervention.concept_id",
            "finding_effect.subject_id", "finding_effect.object_id");

    private final ConceptRepository concepts;
    private final ConceptMentions mentions;
    private final EntityManager entityManager;

    ConceptCurationService(ConceptRepository concepts, ConceptMentions mentions, EntityManager entityManager) {
        this.concepts = concepts;
        this.mentions = mentions;
        this.entityManager = entityManager;
    }

    @Override
    public ConceptResponse create(ConceptRequest request) {
        checkUnique(request, null);
        Concept concept = new Concept(request.name().strip(), request.type(), Texts.blankToNull(request.meshId()),
                Objects.requireNonNullElse(request.synonyms(), List.of()));
        try {
            return ConceptResponse.from(concepts.saveAndFlush(concept), 0);
        } catch (DataIntegrityViolationException e) {
            // The same name, taken a moment earlier by a concurrent request.
            throw UnprocessableReference.of("name", "'" + concept.getNameKey() + "' already names another concept");
        }
    }

    /** The renamed concept with the count of findings that mention it, which a rename does not change. */
    @Override
    public ConceptResponse replace(Long id, IfMatch ifMatch, ConceptRequest request) {
        Concept concept = load(id, ifMatch);
        checkUnique(request, id);
        concept.edit(request.name().strip(), request.type(), Texts.blankToNull(request.meshId()),
                Objects.requireNonNullElse(request.synonyms(), List.of()));
        try {
            concepts.saveAndFlush(concept);
        } catch (DataIntegrityViolationException e) {
            throw UnprocessableReference.of("name", "'" + concept.getNameKey() + "' already names another concept");
        }
        reindexMentions(id);
        return ConceptResponse.from(concept, mentions.visibleFindingCounts(List.of(id)).getOrDefault(id, 0L));
    }

    @Override
    @Transactional(readOnly = true)
    public ConceptRequest current(Long id) {
        return ConceptRequest.of(concepts.load(id));
    }

    @Override
    public void delete(Long id, IfMatch ifMatch) {
        Concept concept = load(id, ifMatch);
        long references = 0;
        for (String reference : REFERENCES) {
            String[] tableAndColumn = reference.split("\\.");
            references += ((Number) entityManager.createNativeQuery("select count(*) from " + tableAndColumn[0]
                    + " where " + tableAndColumn[1] + " = ?1").setParameter(1, id).getSingleResult())
                    .longValue();
        }
        if (references > 0) {
            throw ConceptInUse.withReferences(id, references);
        }
        concepts.delete(concept);
    }

    private Concept load(long id, IfMatch ifMatch) {
        return ifMatch.check("concept", concepts.load(id));
    }

    /** A concept's name and synonyms name no other concept: lookups by name must stay unambiguous. */
    private void checkUnique(ConceptRequest request, Long self) {
        String nameKey = Synonym.keyOf(request.name());
        List<String> keys = new ArrayList<>();
        keys.add(nameKey);
        Objects.requireNonNullElse(request.synonyms(), List.<String>of()).forEach(s -> keys.add(Synonym.keyOf(s)));
        for (String key : keys) {
            for (Long other : concepts.findIdsByNameOrSynonym(key)) {
                if (!other.equals(self)) {
                    throw UnprocessableReference.of(key.equals(nameKey) ? "name" : "synonyms",
                            "'" + key + "' already names concept " + other);
                }
            }
        }
    }

    /** Re-indexes what mentions the concept, since its name and synonyms are part of their documents. */
    private void reindexMentions(long id) {
        SearchIndexingPlan plan = Search.session(entityManager).indexingPlan();
        for (String entity : List.of("Finding f join f.concepts c", "Study f join f.interventions c",
                "Study f join f.conditions c", "Mechanism f join f.brainRegions c", "Mechanism f join f.pathways c",
                "Mechanism f join f.cellTypes c", "Mechanism f join f.interventions c")) {
            entityManager.createQuery("select f from " + entity + " where c.id = :id", Object.class)
                    .setParameter("id", id).getResultStream().forEach(plan::addOrUpdate);
        }
    }
}
