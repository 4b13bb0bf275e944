package org.findingskb.source;

/**
 * Published, inside the deleting transaction, just before a source goes: the studies it reports and the findings
 * that quote it go first, through JPA, so that history and index follow.
 */
public record SourceDeleting(long sourceId) {
}
