package org.findingskb.shared;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
 * @param apiKeys {@code ROLE:KEY} pairs, roles CURATOR, ADMIN and METRICS; none: one ADMIN key is generated and logged
 * @param apiKeysFile a file of further {@code ROLE:KEY} lines (blank lines and {@code #} comments ignored), so that
 *        keys need not appear on a command line
 * @param apiKeyLabelSecret the secret that a key's public label (its name in history) is an HMAC with; none: a
 *        random secret kept in the data directory
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
        Path apiKeysFile,
        String apiKeyLabelSecret,
        @Valid @DefaultValue Cors cors,
        @Valid @DefaultValue RateLimit rateLimit,
        @Valid @DefaultValue Http http,
        @Valid @DefaultValue ReadCache cache,
        @Valid @DefaultValue Metrics metrics,
        @Valid @DefaultValue Ingest ingest,
        @Valid @DefaultValue Suggestions suggestions,
        @Valid @DefaultValue Cursors cursors,
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
     * @param timeout the longest one index query may run; past it the request is answered 503 (normal searches
     *        take milliseconds, so only a crafted or pathological query reaches it)
     * @param indexPrefix with the elasticsearch profile, put before every index and alias name, so that several
     *        deployments can share one cluster (lower-case letters, digits, '-' and '_')
     * @param semantic search by meaning
     */
    public record Search(@DefaultValue("false") boolean reindexOnStart, @Valid @DefaultValue MassIndexing massIndexing,
            @NotNull @DefaultValue("5s") Duration timeout,
            @Pattern(regexp = "[a-z0-9_-]*") @DefaultValue("") String indexPrefix,
            @Valid @DefaultValue Semantic semantic) {
    }

    /**
     * @param enabled embed findings, mechanisms and studies with the bundled sentence model and answer by meaning;
     *        off, nothing is embedded, the index has no vector field and every search runs by keyword
     * @param maxInputChars the longest text embedded (longer text is cut): one embedding's cost stays bounded
     * @param candidates the nearest neighbours one query by meaning considers (its hits at most)
     * @param minSimilarity how close in meaning (cosine, -1 to 1) a neighbour must be to join the hits of a hybrid
     *        search whose words match no finding, study or mechanism: a name or a rare word has no real neighbour,
     *        and its nearest findings are noise
     * @param queryVectors the vectors of recent search texts kept, so that a query asked again is not embedded again
     *        (0: none kept)
     * @param queue the most written entities waiting for their vector; past it they are left to the sweep
     * @param batchSize the texts embedded in one call of the model (and kept and re-indexed in one transaction)
     * @param sweepInterval how often the embedder looks for entities with no vector (besides at start-up and after
     *        the queue overflowed): what another instance wrote and did not embed before it stopped
     */
    public record Semantic(@DefaultValue("true") boolean enabled,
            @Min(16) @Max(4000) @DefaultValue("1000") int maxInputChars,
            @Min(1) @Max(1000) @DefaultValue("100") int candidates,
            @DecimalMin("-1.0") @DecimalMax("1.0") @DefaultValue("0.3") double minSimilarity,
            @Min(0) @Max(1_000_000) @DefaultValue("10000") int queryVectors,
            @Min(1) @Max(10_000_000) @DefaultValue("10000") int queue,
            @Min(1) @Max(1000) @DefaultValue("32") int batchSize,
            @NotNull @DefaultValue("10m") Duration sweepInterval) {
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
     * @param writesPerAddress writes one client address may make per period without a key (a request with a key
     *        counts against the key only)
     * @param period the period the limits refill over
     * @param expensiveReadsPerKey expensive reads (search, CSV, pages of more than 50 items) one API key may make
     *        per period
     * @param expensiveReadsPerAddress expensive reads one client address may make per period without a key
     */
    public record RateLimit(@Min(1) @DefaultValue("120") long writesPerKey, @Min(1) @DefaultValue("240") long writesPerAddress,
            @NotNull @DefaultValue("1m") Duration period, @Min(1) @DefaultValue("600") long expensiveReadsPerKey,
            @Min(1) @DefaultValue("300") long expensiveReadsPerAddress) {
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

    /**
     * Bounds on the links ingest proposes between findings of different studies.
     *
     * @param candidates the most effects of other studies compared with one effect of a new finding
     * @param perFinding the most suggestions proposed from one finding, the best scored first
     * @param perIngest the most suggestions one article adds (0 proposes none)
     */
    public record Suggestions(@Min(1) @DefaultValue("200") int candidates, @Min(0) @DefaultValue("5") int perFinding,
            @Min(0) @DefaultValue("50") int perIngest) {
    }

    /**
     * @param secret the key search cursors are signed with (at least 32 characters). Unset, a random key is made
     *        once and kept in {@code cursor.key} under the data directory, so cursors survive restarts; several
     *        instances behind one address must share this setting, or a cursor from one is refused by the others
     */
    public record Cursors(String secret) {
    }

    /**
     * @param maxBodySize the largest request body read
     * @param trustedProxies addresses or CIDR ranges of reverse proxies whose {@code X-Forwarded-For} gives the
     *        client's address (none: the connection's own address is the client's)
     */
    public record Http(@NotNull @DefaultValue("1MB") DataSize maxBodySize, @DefaultValue List<String> trustedProxies) {
    }

    /**
     * @param maxSize the most memory the read cache may hold, each entry weighed as twice its JSON length (about
     *        what its strings and objects take on the heap)
     * @param expireAfterWrite how long a cached read may be served; bounds staleness when other instances write
     */
    public record ReadCache(@NotNull @DefaultValue("64MB") DataSize maxSize,
            @NotNull @DefaultValue("5m") Duration expireAfterWrite) {
    }

    /**
     * @param allowedAddresses addresses or CIDR ranges that may read the metrics ({@code /actuator/prometheus})
     *        without a key; from anywhere else they need a key with the METRICS or ADMIN role
     */
    public record Metrics(@DefaultValue List<String> allowedAddresses) {
    }

    /** Where the search index lives: beside the database, under the data directory. */
    public Path indexDirectory() {
        return dataDir.resolve("index");
    }
}
