package org.findingskb.shared;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;

/**
 * Entity versions as HTTP validators. A single resource's strong {@code ETag} is its version followed by a digest
 * of the representation ({@code "3-1a2b3c4d"}): it changes when the resource does, and also when something it
 * shows does (a linked finding, a renamed concept), so a matching {@code If-None-Match} answers 304 only for a
 * representation that is really unchanged. Writes to an existing resource send the ETag they are based on in
 * {@code If-Match}; its version decides (428 without one, 412 when it is not the current one).
 */
public final class Versions {

    /** Public data that may change at any time: caches keep it but ask again before each use. */
    private static final CacheControl PUBLIC_REVALIDATED = CacheControl.noCache().cachePublic();

    private Versions() {
    }

    public static String etag(long version, Object representation) {
        return "\"" + version + "-" + Integer.toHexString(digest(representation)) + "\"";
    }

    /**
     * A digest of what a representation shows, the same in every JVM (unlike a record's hashCode, which takes enum
     * constants' identity hashes), so that instances and restarts agree on an ETag.
     */
    private static int digest(Object representation) {
        return representation == null ? 0 : representation.toString().hashCode();
    }

    /** 200 with the representation's ETag, or 304 when the client's copy is current. */
    public static <T> ResponseEntity<T> current(WebRequest request, long version, T body) {
        String etag = etag(version, body);
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(PUBLIC_REVALIDATED).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(PUBLIC_REVALIDATED).body(body);
    }

    /** 200 with a validator made from the body itself, for representations built from many entities. */
    public static <T> ResponseEntity<T> derived(WebRequest request, T body) {
        String etag = "\"h" + Integer.toHexString(digest(body)) + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(PUBLIC_REVALIDATED).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(PUBLIC_REVALIDATED).body(body);
    }

    /** The version an {@code If-Match} header names; 428 when there is none, 412 when it names no version. */
    public static long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired();
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        int digest = value.indexOf('-');
        try {
            return Long.parseLong(digest < 0 ? value : value.substring(0, digest));
        } catch (NumberFormatException e) {
            throw PreconditionFailed.notAVersion(ifMatch);
        }
    }

    /** Checks that the client's version is the current one. */
    public static void check(long expected, long current, String resource, Object id) {
        if (expected != current) {
            throw PreconditionFailed.stale(resource, id, expected, current);
        }
    }

    /** A write to an existing resource sent without If-Match. */
    public static final class PreconditionRequired extends ApiException {
        PreconditionRequired() {
            super(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "Precondition Required",
                    "Send the ETag of the version you are changing in If-Match, so that concurrent changes are not lost.",
                    Map.of());
        }
    }

    /** A write based on a version that is no longer the current one. */
    public static final class PreconditionFailed extends ApiException {

        private PreconditionFailed(String detail, Map<String, Object> properties) {
            super(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition Failed", detail, properties);
        }

        static PreconditionFailed stale(String resource, Object id, long expected, long current) {
            return new PreconditionFailed("The " + resource + " " + id + " has changed since version " + expected
                    + " (now " + current + "); read it again and repeat the change.",
                    Map.of("resource", resource, "id", String.valueOf(id), "currentVersion", current));
        }

        static PreconditionFailed notAVersion(String ifMatch) {
            return new PreconditionFailed("If-Match '" + ifMatch + "' names no version of this resource.", Map.of());
        }

        /** A write that lost a race with another write to the same resource. */
        public static PreconditionFailed concurrent() {
            return new PreconditionFailed("Another change to this resource was saved first; read it again and repeat"
                    + " the change.", Map.of());
        }
    }
}
