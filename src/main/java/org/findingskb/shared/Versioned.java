package org.findingskb.shared;

/**
 * A representation of one versioned resource. It is served with a strong {@code ETag} made of its version and
 * a digest of what it shows ({@code "3-1a2b3c4d"}): the tag changes when the resource does, and also when
 * something it shows does (a linked finding, a renamed concept). Writes name the version in {@code If-Match}.
 */
public interface Versioned {

    Long id();

    long version();
}
