package org.findingskb.history;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.shared.ResourceNotFound;

/** Reads the history Envers keeps of studies, findings and mechanisms. */
@Service
@Transactional(readOnly = true)
public class HistoryService {

    /** Properties that every change touches, and the API names of properties named otherwise in the model. */
    private static final Set<String> BOOKKEEPING = Set.of("createdAt", "updatedAt");
    private static final Map<String, String> API_NAMES = Map.of("study", "studyId", "source", "sourceId",
            "concepts", "conceptIds", "mechanisms", "mechanismIds");
    private static final Map<RevisionType, String> CHANGE_TYPES = Map.of(RevisionType.ADD, "CREATED",
            RevisionType.MOD, "UPDATED", RevisionType.DEL, "DELETED");

    private final EntityManager entityManager;

    HistoryService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Every revision of the {@code type} with this id, oldest first; 404 if it never existed. */
    public List<RevisionResponse> revisions(Class<?> type, long id) {
        return revisions(type, type.getSimpleName().toLowerCase(Locale.ROOT), id);
    }

    /** As {@link #revisions(Class, long)}, for a {@code type} the API calls {@code resource}. */
    public List<RevisionResponse> revisions(Class<?> type, String resource, long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = AuditReaderFactory.get(entityManager).createQuery()
                .forRevisionsOfEntityWithChanges(type, true)
                .add(AuditEntity.id().eq(id))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        if (rows.isEmpty() && entityManager.find(type, id) == null) {
            throw ResourceNotFound.of(resource, id);
        }
        return rows.stream().map(row -> {
            Revision revision = (Revision) row[1];
            @SuppressWarnings("unchecked")
            Set<String> changed = (Set<String>) row[3];
            return new RevisionResponse(revision.getId(), revision.getChangedAt(), revision.getKeyName(),
                    CHANGE_TYPES.get((RevisionType) row[2]), changed.stream().filter(p -> !BOOKKEEPING.contains(p))
                            .map(p -> API_NAMES.getOrDefault(p, p)).sorted().toList());
        }).toList();
    }
}
