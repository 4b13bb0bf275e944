package org.findingskb.concept;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.shared.KbProperties;
import org.findingskb.shared.Cursor;
import org.findingskb.shared.IndexPager;
import org.findingskb.shared.IndexPager.SortKey;
import org.findingskb.shared.UserQuery;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.UnprocessableReference;
import org.findingskb.shared.ResultPage;
import org.findingskb.shared.ReadCaching;

@Service
@Transactional(readOnly = true)
public class ConceptService {

    /** API sort fields and the index fields they sort on. */
    private static final Map<String, String> SORTABLE = Map.of("id", "id_ref", "name", "name_sort", "type", "type");

    /** The time budget of one index query ({@code kb.search.timeout}). */
    private final long queryMillis;
    private final ConceptRepository concepts;
    private final EntityManager entityManager;
    private final ConceptMentions mentions;

    ConceptService(ConceptRepository concepts, EntityManager entityManager, ConceptMentions mentions,
            KbProperties properties) {
        this.queryMillis = properties.search().timeout().toMillis();
        this.concepts = concepts;
        this.entityManager = entityManager;
        this.mentions = mentions;
    }

    @Cacheable(cacheNames = ReadCaching.CACHE, keyGenerator = ReadCaching.KEYS)
    public ConceptResponse get(long id) {
        Concept concept = concepts.load(id);
        return ConceptResponse.from(concept, findingCounts(List.of(id)).getOrDefault(id, 0L));
    }

    /**
     * Concepts of a type and/or matching {@code q} in name or synonym, from the search index. With {@code q}
     * and no explicit sort, names that start with it come first, then synonyms that do, then other matches:
     * what type-ahead needs. The last word of {@code q} matches as a prefix ("hipp" finds "Hippocampus").
     */
    @Cacheable(cacheNames = ReadCaching.CACHE, keyGenerator = ReadCaching.KEYS)
    public ResultPage<ConceptResponse> find(ConceptType type, String q, PageQuery pageQuery, String cursor) {
        UserQuery query = UserQuery.of(q == null || q.isBlank() || q.strip().endsWith("*")
                || q.strip().endsWith("\"") ? q : q.strip() + "*");
        String prefix = q == null ? null : Synonym.keyOf(q);
        List<SortKey> sort = IndexPager.sortOf(pageQuery, SORTABLE, query != null,
                List.of(SortKey.ascending("name_sort"), SortKey.ascending("id_ref")),
                List.of(SortKey.RELEVANCE, SortKey.ascending("name_sort"), SortKey.ascending("id_ref")), "id_ref");
        int fingerprint = Cursor.fingerprint(type, query, sort, pageQuery.pageSize());
        ResultPage<Concept> page = IndexPager.page(Search.session(entityManager), Concept.class, pageQuery, cursor,
                fingerprint, sort, f -> f.bool(b -> {
                    if (query == null) {
                        b.must(f.matchAll());
                    } else {
                        b.must(query.on(f, "name", "synonyms.name").constantScore());
                        b.should(f.prefix().field("name_sort").matching(prefix).constantScore().boost(100));
                        b.should(f.prefix().field("synonyms.name_prefix").matching(prefix).constantScore().boost(10));
                    }
                    if (type != null) {
                        b.filter(f.match().field("type").matching(type));
                    }
                }),
                o -> { }, queryMillis,
                IndexPager.keysetCapable(sort, List.of("id_ref")) ? hit -> List.of(hit.getId()) : null);
        Map<Long, Long> counts = findingCounts(page.content().stream().map(Concept::getId).toList());
        return page.map(c -> ConceptResponse.from(c, counts.getOrDefault(c.getId(), 0L)));
    }

    /** The concepts with these ids, in order and without repeats; 422 naming {@code field} if one does not exist. */
    public List<Concept> existing(String field, List<Long> ids) {
        List<Concept> found = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(ids == null ? List.<Long>of() : ids)) {
            found.add(concepts.findById(id).orElseThrow(() -> UnprocessableReference.missing(field, "concept", id)));
        }
        return found;
    }

    /**
     * Ids of the concepts a list's concept filter names ({@link #idsMatching}): {@code null} when it names none, so
     * that the list is not filtered, empty when it names no concept the knowledge base knows.
     */
    public List<Long> idsFilteredBy(String idOrName) {
        return idOrName == null || idOrName.isBlank() ? null : idsMatching(idOrName);
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
        return ids.isEmpty() ? Map.of() : mentions.visibleFindingCounts(ids);
    }
}
