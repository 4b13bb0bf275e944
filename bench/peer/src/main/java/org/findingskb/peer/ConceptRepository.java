package org.findingskb.peer;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** Read-only: Spring Data REST exports a paged collection and an item resource, nothing that writes. */
public interface ConceptRepository extends Repository<Concept, Long> {

    Optional<Concept> findById(Long id);

    Page<Concept> findAll(Pageable page);
}
