package org.findingskb.study;

import java.util.Collection;
import java.util.Map;

/** How many mechanisms a study has. Mechanisms sit above studies, so their module answers (it implements this). */
public interface StudyMechanisms {

    /** For each of {@code studyIds}, how many mechanisms it has (absent: none). */
    Map<Long, Long> counts(Collection<Long> studyIds);
}
