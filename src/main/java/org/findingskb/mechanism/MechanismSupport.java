package org.findingskb.mechanism;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which findings support a mechanism. Findings hold the association and sit above mechanisms, so their module
 * answers (it implements this).
 */
public interface MechanismSupport {

    /** For each of {@code mechanismIds}, the findings that support it, in the order their source states them. */
    Map<Long, List<Long>> findingIds(Collection<Long> mechanismIds);

    /** Makes {@code findingIds} (findings of the mechanism's own study) the ones that support {@code mechanism}. */
    void replace(Mechanism mechanism, Collection<Long> findingIds);
}
