package org.findingskb.concept;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ConceptRepository extends JpaRepository<Concept, Long> {

    /** The concept with this id; 404 when there is none. */
    default Concept load(long id) {
        return findById(id).orElseThrow(() -> ConceptNotFound.withId(id));
    }

    Optional<Concept> findByNameKey(String nameKey);

    @Query("select c from Concept c join c.synonyms s where s.key = :key")
    List<Concept> findBySynonymKey(String key);

    /** Ids of the concepts named {@code key} or known by it as a synonym. */
    @Query("""
            select c.id from Concept c where c.nameKey = :key
               or exists (select 1 from Concept o join o.synonyms s where o = c and s.key = :key)""")
    List<Long> findIdsByNameOrSynonym(String key);

}
