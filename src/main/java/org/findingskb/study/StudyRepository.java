package org.findingskb.study;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import org.findingskb.shared.InvalidField;
import org.findingskb.shared.UnprocessableReference;

public interface StudyRepository extends JpaRepository<Study, Long>, JpaSpecificationExecutor<Study> {

    Optional<Study> findBySlug(String slug);

    boolean existsBySlug(String slug);

    Optional<Study> findFirstBySourceIdOrderById(Long sourceId);

    List<Study> findBySourceIdOrderById(Long sourceId);

    /** The study a new {@code resource} is to belong to: 400 when the request names none, 422 when it does not exist. */
    default Study owner(Long studyId, String resource) {
        if (studyId == null) {
            throw InvalidField.of("studyId", "is required: the study the " + resource + " belongs to");
        }
        return findById(studyId).orElseThrow(() -> UnprocessableReference.missing("studyId", "study", studyId));
    }
}
