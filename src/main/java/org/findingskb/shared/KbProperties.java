package org.findingskb.shared;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Every {@code kb.*} setting, typed and checked at start-up (a bad value stops the application with a message
 * naming the property). The README's configuration table lists the same settings.
 *
 * @param dataDir where the embedded database and the search index live
 * @param apiKeys {@code ROLE:KEY} pairs, roles CURATOR and ADMIN; none: one ADMIN key is generated and logged
 * @param importDirectory a directory of {@code .txt} articles to import at start-up ({@code kb.import})
 * @param export a file to export the whole knowledge base to (NDJSON), after which the application stops
 * @param restore an export to load at start-up into an empty database (refused when it holds anything)
 */
@ConfigurationProperties("kb")
@Validated
public record KbProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @Valid @DefaultValue Seed seed,
        @Valid @DefaultValue Search search,
        @Valid @DefaultValue Synthetic synthetic,
        @DefaultValue List<String> apiKeys,
        @Valid @DefaultValue Cors cors,
        @Valid @DefaultValue RateLimit rateLimit,
        @Valid @DefaultValue Http http,
        @Valid @DefaultValue Ingest ingest,
        @Name("import") Path importDirectory,
        Path export,
        Path restore) {

    /**
     * @param enabled build the knowledge base from the bundled articles when the database holds no source
     * @param location the articles to seed from (a resource pattern)
     */
    public record Seed(@DefaultValue("true") boolean enabled, @NotBlank @DefaultValue("classpath:seed/*.txt") String location) {
    }

    /**
     * @param reindexOnStart rebuild the whole index at start-up (else only where it lags the database)
     * @param massIndexing how a rebuild loads entities
     */
    public record Search(@DefaultValue("false") boolean reindexOnStart, @Valid @DefaultValue MassIndexing massIndexing) {
    }

    /**
     * @param threads threads that load entities while re-indexing
     * @param batchSize entities loaded per batch while re-indexing
     */
    public record MassIndexing(@Min(1) @DefaultValue("2") int threads, @Min(1) @DefaultValue("250") int batchSize) {
    }

    /**
     * @param studies on an empty database (or one holding only the seed), add this many synthetic studies
     * @param seed the random seed of the synthetic corpus (the same seed gives the same corpus)
     */
    public record Synthetic(@Min(0) @DefaultValue("0") int studies, @DefaultValue("42") long seed) {
    }

    /** @param writeOrigins origins whose browsers may write (any origin may read) */
    public record Cors(@DefaultValue List<String> writeOrigins) {
    }

    /**
     * @param writesPerKey writes one API key may make per period
     * @param writesPerAddress writes one client address may make per period
     * @param period the period the limits refill over
     */
    public record RateLimit(@Min(1) @DefaultValue("120") long writesPerKey, @Min(1) @DefaultValue("240") long writesPerAddress,
            @NotNull @DefaultValue("1m") Duration period) {
    }

    /**
     * @param reviewThreshold an extracted finding whose confidence (the sentence model's probability that the
     *        sentence is a finding) lies below this is stored with {@code needsReview: true}: it waits in the
     *        curators' queue and stays out of summaries. The default, 0.7, comes from the cross-validated
     *        precision/recall curve the evaluation prints: findings at or above it were right about 96 times in
     *        100, those between the model's decision threshold (0.5) and 0.7 only about 3 times in 4, and they are
     *        about one finding in twelve, a queue curators can work through. 0 puts nothing in the queue.
     */
    public record Ingest(@DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.7") double reviewThreshold) {
    }

    /** @param maxBodySize the largest request body read */
    public record Http(@NotNull @DefaultValue("1MB") DataSize maxBodySize) {
    }

    /** Where the search index lives: beside the database, under the data directory. */
    public Path indexDirectory() {
        return dataDir.resolve("index");
    }
}
