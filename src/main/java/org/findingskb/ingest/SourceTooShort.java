package org.findingskb.ingest;

import java.util.Map;

import org.springframework.http.HttpStatus;

import org.findingskb.shared.ApiException;

/**
 * Too little text to be an article about a study: a headline, a teaser or a fragment pasted by mistake would
 * become a study of its own. {@code force=true} stores it anyway.
 */
public class SourceTooShort extends ApiException {

    private SourceTooShort(String measured, Map<String, Object> properties) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "source-too-short", "Source too short",
                "The article text has " + measured + "; an article needs at least " + IngestService.MIN_LENGTH
                        + " characters and " + IngestService.MIN_SENTENCES + " sentences besides its title. Send the"
                        + " whole article, or add force=true to store this text anyway.", properties);
    }

    /** This problem with what probably caused it said first. */
    SourceTooShort because(String cause) {
        getBody().setDetail(cause + " " + getBody().getDetail());
        return this;
    }

    public static SourceTooShort withLength(int length) {
        return new SourceTooShort(length + " characters", Map.of("length", length,
                "minLength", IngestService.MIN_LENGTH, "minSentences", IngestService.MIN_SENTENCES));
    }

    public static SourceTooShort withSentences(int sentences) {
        return new SourceTooShort(sentences + (sentences == 1 ? " sentence" : " sentences") + " besides its title",
                Map.of("sentences", sentences, "minLength", IngestService.MIN_LENGTH,
                        "minSentences", IngestService.MIN_SENTENCES));
    }
}
