package org.findingskb.shared;

/**
 * What curators do to one kind of resource, each call one transaction of its service; {@link CurationEndpoints}
 * serves these the same way for every kind.
 *
 * @param <I> the type of the id in the path
 * @param <Q> the request a curator sends
 * @param <R> the representation the API answers with
 */
public interface Curation<I, Q, R> {

    R create(Q request);

    /** Replaces the resource at the version {@code If-Match} names. */
    R replace(I id, IfMatch ifMatch, Q request);

    /** The resource as a request: what a merge patch applies to. */
    Q current(I id);

    /** Deletes the resource at the version {@code If-Match} names. */
    void delete(I id, IfMatch ifMatch);
}
