package org.findingskb.study;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What a study shows of its findings. Findings sit above studies, so their module answers (it implements this). */
public interface StudyFindings {

    /** For each of {@code studyIds}, how many visible findings it has (absent: none). */
    Map<Long, Long> visibleCounts(Collection<Long> studyIds);

    /** The studies that have a visible finding mentioning one of {@code conceptIds}. */
    List<Long> studiesMentioning(Collection<Long> conceptIds);
}
