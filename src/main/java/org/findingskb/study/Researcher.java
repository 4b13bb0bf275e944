package org.findingskb.study;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A person named by the source, with their role in the study and how the source describes them. */
@Embeddable
@NullMarked
public record Researcher(
        @Column(name = "name", nullable = false) String name,
        @Enumerated(EnumType.STRING) @Column(name = "role", nullable = false) ResearcherRole role,
        @Column(name = "description") @Nullable String description) {
}
