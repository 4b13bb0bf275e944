package org.findingskb.history;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.hibernate.Hibernate;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.shared.ResourceNotFound;
import org.findingskb.shared.ShownInHistory;
import org.findingskb.shared.StoredEntity;

/**
 * Reads the history Envers keeps of studies, findings and mechanisms: each update also with the old and new value
 * of every field it changed, from the snapshots before and after it.
 */
@Service
@Transactional(readOnly = true)
public class HistoryService {

    /** Properties that every change touches, and the API names of properties named otherwise in the model. */
    private static final Set<String> BOOKKEEPING = Set.of("createdAt", "updatedAt");
    private static final Map<String, String> API_NAMES = Map.of("study", "studyId", "source", "sourceId",
            "concepts", "conceptIds", "mechanisms", "mechanismIds");
    private static final Map<RevisionType, String> CHANGE_TYPES = Map.of(RevisionType.ADD, "CREATED",
            RevisionType.MOD, "UPDATED", RevisionType.DEL, "DELETED");

    /** Bounds on a value as the history shows it: a revision of a long list or text stays readable and small. */
    private static final int MAX_LISTED = 50;
    private static final int MAX_CHARACTERS = 1000;

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
        List<RevisionResponse> revisions = new ArrayList<>();
        Object previous = null;
        for (Object[] row : rows) {
            Revision revision = (Revision) row[1];
            RevisionType change = (RevisionType) row[2];
            @SuppressWarnings("unchecked")
            List<String> changed = ((Set<String>) row[3]).stream().filter(p -> !BOOKKEEPING.contains(p)).sorted().toList();
            Object before = previous;
            Object after = row[0];
            List<RevisionResponse.Change> changes = change == RevisionType.MOD && before != null
                    ? changed.stream().map(p -> new RevisionResponse.Change(apiName(p), shown(read(before, p)),
                            shown(read(after, p)))).toList()
                    : List.of();
            revisions.add(new RevisionResponse(revision.getId(), revision.getChangedAt(), revision.getKeyName(),
                    CHANGE_TYPES.get(change), changed.stream().map(HistoryService::apiName).sorted().toList(), changes));
            previous = after;
        }
        return revisions;
    }

    private static String apiName(String property) {
        return API_NAMES.getOrDefault(property, property);
    }

    /** A property of an audited snapshot, read from its field (snapshots have the entity's fields, not its API). */
    private static @Nullable Object read(Object snapshot, String property) {
        Object entity = Hibernate.unproxy(snapshot);
        for (Class<?> type = entity.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(property);
                field.setAccessible(true);
                return field.get(entity);
            } catch (NoSuchFieldException e) {
                // Declared further up.
            } catch (IllegalAccessException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * A value as the history shows it: a quote or an effect in words, another resource by its id, a list joined,
     * long text cut.
     */
    private static @Nullable String shown(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        String text;
        if (value instanceof ShownInHistory named) {
            text = named.historyText();
        } else if (value instanceof StoredEntity entity) {
            text = String.valueOf(entity.getId());
        } else if (value instanceof Collection<?> values) {
            text = values.stream().map(HistoryService::shown).filter(Objects::nonNull).limit(MAX_LISTED)
                    .collect(Collectors.joining(", ")) + (values.size() > MAX_LISTED ? ", … (" + values.size() + " in all)" : "");
        } else if (value instanceof Enum<?> constant) {
            text = constant.name();
        } else {
            text = value.toString();
        }
        return text.length() > MAX_CHARACTERS ? text.substring(0, MAX_CHARACTERS) + "…" : text;
    }
}
