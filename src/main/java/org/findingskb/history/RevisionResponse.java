package org.findingskb.history;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One revision of a resource: its number, when it was made, by which API key (its name, never the key), whether
 * it created, updated or deleted the resource, the fields it changed and, for an update, each field's value before
 * and after it.
 */
@NullMarked
public record RevisionResponse(long revision, Instant time, String keyName, String changeType, List<String> changedFields,
        List<Change> changes) {

    /**
     * A field's value before and after an update, as text: a referenced resource by its id, a list joined with
     * ", ", {@code null} where the field had no value.
     */
    public record Change(String field, @Nullable String before, @Nullable String after) {
    }
}
