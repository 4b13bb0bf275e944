package org.findingskb.ingest;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/** An article to ingest; the fields given win over what the pipeline reads from the text. */
record IngestRequest(
        @Schema(description = "the article's text, as a reader would copy it", requiredMode = Schema.RequiredMode.REQUIRED)
        // Control characters in an article are dropped when its text is normalised, not refused.
        @NotNull(message = "is required") @JsonDeserialize(using = StringDeserializer.class) String text,
        @Size(max = 500, message = "must be at most 500 characters") String title,
        @Size(max = 300, message = "must be at most 300 characters") String publisher,
        @Size(max = 2048, message = "must be at most 2048 characters")
        @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String url,
        @Min(value = 1800, message = "must be 1800 or later") @Max(value = 2200, message = "must be 2200 or earlier")
        Integer publishedYear,
        @Schema(description = "store the text even if it is below the minimum of an article (as the query parameter)")
        Boolean force) {

    boolean forced() {
        return Boolean.TRUE.equals(force);
    }

    SourceOverrides overrides() {
        return new SourceOverrides(title, publisher, url, publishedYear);
    }
}
