package org.findingskb.study;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface StudyRepository extends JpaRepository<Study, Long>, JpaSpecificationExecutor<Study> {

    Optional<Study> findBySlug(String slug);

    boolean existsBySlug(String slug);

    Optional<Study> findFirstBySourceIdOrderById(Long sourceId);
}
