package org.findingskb.concept;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Another name of a concept, with the folded key that lookups match on. */
@Embeddable
public record Synonym(
        @Column(name = "synonym", nullable = false)
        String name,
        @Column(name = "synonym_key", nullable = false) String key) {

    public static Synonym of(String name) {
        String trimmed = name.strip();
        return new Synonym(trimmed, keyOf(trimmed));
    }

    /** Case- and space-insensitive key under which a name is looked up. */
    public static String keyOf(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
