package org.findingskb.finding;

import jakarta.validation.constraints.NotNull;

/** That this finding supports, contradicts or extends the finding {@code findingId}, of any study. */
public record LinkRequest(
        @NotNull(message = "is required: SUPPORTS, CONTRADICTS or EXTENDS") LinkType type,
        @NotNull(message = "is required") Long findingId) {
}
