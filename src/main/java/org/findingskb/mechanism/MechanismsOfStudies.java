package org.findingskb.mechanism;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.study.StudyDeleting;
import org.findingskb.study.StudyMechanisms;

/** What a study shows of its mechanisms, and their deletion with it. */
@Component
@Transactional(readOnly = true)
class MechanismsOfStudies implements StudyMechanisms {

    private final MechanismRepository mechanisms;
    private final MechanismSupport support;

    MechanismsOfStudies(MechanismRepository mechanisms, MechanismSupport support) {
        this.mechanisms = mechanisms;
        this.support = support;
    }

    @Override
    public Map<Long, Long> counts(Collection<Long> studyIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (!studyIds.isEmpty()) {
            mechanisms.countByStudy(studyIds).forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        }
        return counts;
    }

    /** After the study's findings (which held the support), its mechanisms go. */
    @EventListener
    @Order(2)
    @Transactional
    void deleteMechanismsOf(StudyDeleting deleting) {
        for (Mechanism mechanism : mechanisms.findByStudy(deleting.studyId())) {
            support.replace(mechanism, List.of());
            mechanisms.delete(mechanism);
        }
    }
}
