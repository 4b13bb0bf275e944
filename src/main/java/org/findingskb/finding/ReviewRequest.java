package org.findingskb.finding;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A curator's verdict on a finding; rejecting or retracting it needs a note saying why. */
public record ReviewRequest(
        @NotNull(message = "is required: ACCEPTED, REJECTED or RETRACTED") ReviewStatus status,
        @Size(max = 2000, message = "must be at most 2000 characters") String note) {
}
