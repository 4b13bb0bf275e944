package org.findingskb.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.concept.Concept;
import org.findingskb.finding.ReviewStatus;
import org.findingskb.finding.Finding;
import org.findingskb.mechanism.Mechanism;
import org.findingskb.study.Study;

/** How many of each resource the knowledge base holds, as the API counts them; counted in the search index. */
@Component
@Transactional(readOnly = true)
public class KnowledgeBaseCounts {

    static final List<String> COLLECTIONS = List.of("studies", "findings", "mechanisms", "concepts", "sources");

    private final EntityManager entityManager;

    KnowledgeBaseCounts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Map<String, Long> current() {
        var search = Search.session(entityManager);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("studies", search.search(Study.class).where(f -> f.matchAll()).fetchTotalHitCount());
        counts.put("findings", search.search(Finding.class)
                .where(f -> f.terms().field("reviewStatus").matchingAny(ReviewStatus.VISIBLE)).fetchTotalHitCount());
        counts.put("mechanisms", search.search(Mechanism.class).where(f -> f.matchAll()).fetchTotalHitCount());
        counts.put("concepts", search.search(Concept.class).where(f -> f.matchAll()).fetchTotalHitCount());
        counts.put("sources", entityManager.createQuery("select count(s) from SourceDocument s", Long.class)
                .getSingleResult());
        return counts;
    }
}
