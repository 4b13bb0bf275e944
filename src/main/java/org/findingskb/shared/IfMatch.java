package org.findingskb.shared;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.springframework.http.ETag;
import org.springframework.http.HttpStatus;

/**
 * The {@code If-Match} of a write to an existing resource, parsed with Spring's {@link ETag}: {@code *} (any
 * current version) or a list of entity tags, of which the part before the dash is a version. As RFC 9110 asks,
 * tags compare strongly: a weak tag matches nothing.
 */
public record IfMatch(boolean any, List<ETag> tags) {

    public IfMatch {
        tags = List.copyOf(tags);
    }

    /** The header as sent; without one the write is refused with 428. */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            throw new PreconditionRequired();
        }
        List<ETag> tags;
        try {
            tags = ETag.parse(header);
        } catch (IllegalArgumentException e) {
            throw PreconditionFailed.notAVersion(header);
        }
        if (tags.isEmpty()) {
            throw PreconditionFailed.notAVersion(header);
        }
        return new IfMatch(tags.stream().anyMatch(ETag::isWildcard), tags);
    }

    /** The problem of a write that names no version at all. */
    public static ApiException required() {
        return new PreconditionRequired();
    }

    /** Whether a resource at {@code version} meets the precondition. */
    public boolean matches(long version) {
        return any || tags.stream().anyMatch(tag -> !tag.weak() && versionOf(tag).orElse(-1) == version);
    }

    /** Refuses with 412 a write to {@code resource} {@code id}, now at {@code version}, that the precondition does not meet. */
    public void check(String resource, Object id, long version) {
        if (!matches(version)) {
            if (tags.stream().noneMatch(tag -> !tag.weak() && versionOf(tag).isPresent())) {
                throw PreconditionFailed.notAVersion(tags.toString());
            }
            throw PreconditionFailed.stale(resource, id, version);
        }
    }

    /** {@code entity}, a {@code resource}, when the precondition meets its version; else 412, as {@link #check}. */
    public <T extends StoredEntity> T check(String resource, T entity) {
        check(resource, entity.getId(), entity.getVersion());
        return entity;
    }

    private static OptionalLong versionOf(ETag tag) {
        String value = tag.tag();
        int dash = value.indexOf('-');
        try {
            return OptionalLong.of(Long.parseLong(dash < 0 ? value : value.substring(0, dash)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
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

        static PreconditionFailed stale(String resource, Object id, long current) {
            return new PreconditionFailed("The " + resource + " " + id + " has changed since the version named in If-Match"
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
