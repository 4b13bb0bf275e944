package org.findingskb.compare;

import org.findingskb.study.Study;

/** How a comparison names a study. */
public record StudyRef(Long id, String slug, String title) {

    static StudyRef of(Study study) {
        return new StudyRef(study.getId(), study.getSlug(), study.getTitle());
    }
}
