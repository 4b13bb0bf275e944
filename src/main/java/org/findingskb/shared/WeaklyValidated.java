package org.findingskb.shared;

/**
 * A page of a list or of search results: served with a weak {@code ETag}, a digest of what it shows, so that
 * {@code If-None-Match} can answer 304. Weak, since a page is no resource of its own that a write could name in
 * {@code If-Match}: it only tells a client that what it holds is still what the list shows.
 */
public interface WeaklyValidated {
}
