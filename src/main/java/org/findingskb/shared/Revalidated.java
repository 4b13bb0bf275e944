package org.findingskb.shared;

/**
 * A representation built from many resources (a summary, a source with the spans of its findings): served with
 * an {@code ETag} that is a digest of what it shows, so that {@code If-None-Match} can answer 304.
 */
public interface Revalidated {
}
