package org.findingskb.study;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.findingskb.shared.UnprocessableReference;

/** What belongs to one study for good (a finding, a mechanism), and refers only to what belongs to the same one. */
public interface PartOfStudy {

    Long getStudyId();

    /** Refuses (422) a replacement that names another study than this one's: a {@code resource} stays with its study. */
    default void keepStudy(Long requestedStudyId, String resource) {
        if (requestedStudyId != null && !requestedStudyId.equals(getStudyId())) {
            throw UnprocessableReference.of("studyId", "cannot change: a " + resource + " stays with its study");
        }
    }

    /**
     * The {@code resource}s with these ids, in order and without repeats; 422 naming {@code field} when one does not
     * exist or belongs to another study than this one, saying the {@code rule} that forbids it.
     */
    default <T extends PartOfStudy> List<T> ofSameStudy(String field, String resource, Collection<Long> ids,
            Function<Long, Optional<T>> find, String rule) {
        List<T> found = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(ids)) {
            T other = find.apply(id).orElseThrow(() -> UnprocessableReference.missing(field, resource, id));
            if (!other.getStudyId().equals(getStudyId())) {
                throw UnprocessableReference.of(field, "names " + resource + " " + id + " of another study; " + rule);
            }
            found.add(other);
        }
        return found;
    }
}
