package org.findingskb.ingest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the text pipeline's ingest.
 *
 * @param reviewThreshold an extracted finding whose confidence (the sentence model's probability that the sentence
 *        is a finding) lies below this is stored with {@code needsReview: true}: it waits in the curators' queue and
 *        stays out of summaries. The default, 0.7, comes from the cross-validated precision/recall curve that the
 *        evaluation prints: findings at or above it were right about 96 times in 100, those between the model's
 *        decision threshold (0.5) and 0.7 only about 3 times in 4, and they are about one finding in twelve, a
 *        queue curators can work through. 0 puts nothing in the queue.
 */
@Validated
@ConfigurationProperties("kb.ingest")
public record IngestProperties(
        @DefaultValue("0.7") @DecimalMin("0.0") @DecimalMax("1.0") double reviewThreshold) {
}
