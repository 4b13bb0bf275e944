package org.findingskb.source;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a curator may correct about a source: its metadata, never its text (evidence spans index into that). */
record SourceRequest(
        @NotBlank(message = "must not be blank") @Size(max = 500, message = "must be at most 500 characters") String title,
        @Size(max = 300, message = "must be at most 300 characters") String publisher,
        @Size(max = 2048, message = "must be at most 2048 characters")
        @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String url,
        @Min(value = 1800, message = "must be 1800 or later") @Max(value = 2200, message = "must be 2200 or earlier")
        Integer publishedYear) {

    static SourceRequest of(SourceDocument source) {
        return new SourceRequest(source.getTitle(), source.getPublisher(), source.getUrl(), source.getPublishedYear());
    }
}
