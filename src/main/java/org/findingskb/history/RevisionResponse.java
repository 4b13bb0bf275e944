package org.findingskb.history;

import java.time.Instant;
import java.util.List;

/**
 * One revision of a resource: its number, when it was made, by which API key (its name, never the key), whether
 * it created, updated or deleted the resource, and the fields it changed.
 */
public record RevisionResponse(long revision, Instant time, String keyName, String changeType, List<String> changedFields) {
}
