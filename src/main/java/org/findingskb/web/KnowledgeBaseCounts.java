package org.findingskb.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.concept.ConceptService;

/** How many of each resource the knowledge base holds, as the API counts them. */
@Component
@Transactional(readOnly = true)
public class KnowledgeBaseCounts {

    static final List<String> COLLECTIONS = List.of("studies", "findings", "mechanisms", "concepts", "sources");

    private final EntityManager entityManager;

    KnowledgeBaseCounts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Map<String, Long> current() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("studies", count("select count(s) from Study s"));
        counts.put("findings", entityManager
                .createQuery("select count(f) from Finding f where f.reviewStatus in :visible", Long.class)
                .setParameter("visible", ConceptService.VISIBLE).getSingleResult());
        counts.put("mechanisms", count("select count(m) from Mechanism m"));
        counts.put("concepts", count("select count(c) from Concept c"));
        counts.put("sources", count("select count(s) from SourceDocument s"));
        return counts;
    }

    private long count(String jpql) {
        return entityManager.createQuery(jpql, Long.class).getSingleResult();
    }
}
