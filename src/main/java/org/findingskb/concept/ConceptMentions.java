package org.findingskb.concept;

import java.util.Collection;
import java.util.Map;

/**
 * How often findings mention concepts: a concept shows its count, but findings sit above concepts and
 * answer it (their module implements this).
 */
public interface ConceptMentions {

    /** For each of {@code conceptIds}, how many visible findings mention it (absent: none). */
    Map<Long, Long> visibleFindingCounts(Collection<Long> conceptIds);
}
