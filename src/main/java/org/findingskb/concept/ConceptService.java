package org.findingskb.concept;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.finding.ReviewStatus;
import org.findingskb.web.PageQuery;
import org.findingskb.web.LikePatterns;

@Service
@Transactional(readOnly = true)
public class ConceptService {

    /** Findings a reader sees unless they ask for others. */
    public static final Set<ReviewStatus> VISIBLE = Set.of(ReviewStatus.UNREVIEWED, ReviewStatus.ACCEPTED);

    private static final Map<String, String> SORTABLE = Map.of("id", "id", "name", "name", "type", "type");

    private final ConceptRepository concepts;
    private final EntityManager entityManager;

    ConceptService(ConceptRepository concepts, EntityManager entityManager) {
        this.concepts = concepts;
        this.entityManager = entityManager;
    }

    public ConceptResponse get(long id) {
        Concept concept = concepts.findById(id).orElseThrow(() -> ConceptNotFound.withId(id));
        return ConceptResponse.from(concept, findingCounts(List.of(id)).getOrDefault(id, 0L));
    }

    /**
     * Concepts of a type and/or matching {@code q} in name or synonym. With {@code q} and no explicit sort,
     * names that start with it come first, then synonyms that do, then other matches: what type-ahead needs.
     */
    public PagedModel<ConceptResponse> find(ConceptType type, String q, PageQuery pageQuery) {
        Pageable pageable = pageQuery.toPageable(SORTABLE, Sort.by("name").and(Sort.by("id")));
        String query = q == null || q.isBlank() ? null : Synonym.keyOf(q);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (type != null) {
            where.append(" and c.type = :type");
        }
        if (query != null) {
            where.append(" and (c.nameKey like :contains escape '\\'"
                    + " or exists (select 1 from Concept o join o.synonyms s where o = c and s.key like :contains escape '\\'))");
        }
        StringBuilder order = new StringBuilder(" order by ");
        if (query != null && !pageQuery.isSorted()) {
            order.append("case when c.nameKey like :prefix escape '\\' then 0 when exists (select 1 from Concept o"
                    + " join o.synonyms s where o = c and s.key like :prefix escape '\\') then 1 else 2 end, ");
        }
        order.append(String.join(", ", pageable.getSort().stream()
                .map(o -> "c." + o.getProperty() + " " + o.getDirection().name()).toList()));

        TypedQuery<Long> count = entityManager.createQuery("select count(c) from Concept c" + where, Long.class);
        TypedQuery<Concept> select = entityManager.createQuery("select c from Concept c" + where + order, Concept.class);
        if (type != null) {
            count.setParameter("type", type);
            select.setParameter("type", type);
        }
        if (query != null) {
            String contains = "%" + LikePatterns.escape(query) + "%";
            count.setParameter("contains", contains);
            select.setParameter("contains", contains);
            if (!pageQuery.isSorted()) {
                select.setParameter("prefix", LikePatterns.escape(query) + "%");
            }
        }
        List<Concept> content = select.setFirstResult((int) pageable.getOffset())
                .setMaxResults(pageable.getPageSize()).getResultList();
        Map<Long, Long> counts = findingCounts(content.stream().map(Concept::getId).toList());
        List<ConceptResponse> responses = content.stream()
                .map(c -> ConceptResponse.from(c, counts.getOrDefault(c.getId(), 0L))).toList();
        return new PagedModel<>(new PageImpl<>(responses, pageable, count.getSingleResult()));
    }

    /** Ids of the concepts a filter value names: a numeric id, or a name or synonym in any case. */
    public List<Long> idsMatching(String idOrName) {
        String value = idOrName.strip();
        if (value.chars().allMatch(Character::isDigit) && !value.isEmpty() && value.length() < 19) {
            long id = Long.parseLong(value);
            if (concepts.existsById(id)) {
                return List.of(id);
            }
        }
        return concepts.findIdsByNameOrSynonym(Synonym.keyOf(value));
    }

    /** The concept of that name or synonym, created if the knowledge base does not know it yet. */
    @Transactional
    public Concept resolve(String name, ConceptType type, String meshId, Collection<String> synonyms) {
        String key = Synonym.keyOf(name);
        Optional<Concept> known = concepts.findByNameKey(key)
                .or(() -> concepts.findBySynonymKey(key).stream().findFirst());
        if (known.isPresent()) {
            known.get().enrich(type, meshId, synonyms);
            return known.get();
        }
        return concepts.save(new Concept(name, type, meshId, synonyms));
    }

    private Map<Long, Long> findingCounts(Collection<Long> ids) {
        Map<Long, Long> counts = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] row : concepts.countFindings(ids, VISIBLE)) {
                counts.put((Long) row[0], (Long) row[1]);
            }
        }
        return counts;
    }
}
