package org.findingskb.web.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed authentications: each is counted in the metric {@value #METRIC} and logged with the client's address,
 * method and path, never the key. The log is bounded: at most {@value #LINES_PER_MINUTE} lines a minute, the
 * next line saying how many were left out, so a key-guessing client cannot flood it.
 */
class AuthenticationFailures {

    static final String METRIC = "kb.auth.failures";
    static final int LINES_PER_MINUTE = 10;
    private static final int MAX_PATH = 200;
    private static final Logger log = LoggerFactory.getLogger(AuthenticationFailures.class);

    private final Counter unknownKeys;
    private final Bucket lines = Bucket.builder()
            .addLimit(limit -> limit.capacity(LINES_PER_MINUTE).refillGreedy(LINES_PER_MINUTE, Duration.ofMinutes(1)))
            .build();
    private final AtomicLong unlogged = new AtomicLong();

    AuthenticationFailures(MeterRegistry meters) {
        this.unknownKeys = Counter.builder(METRIC).description("Requests refused because their API key is unknown")
                .tag("reason", "unknown-key").register(meters);
    }

    void unknownKey(HttpServletRequest request, String clientAddress) {
        unknownKeys.increment();
        if (!lines.tryConsume(1)) {
            unlogged.incrementAndGet();
            return;
        }
        String path = request.getRequestURI();
        if (path.length() > MAX_PATH) {
            path = path.substring(0, MAX_PATH) + "...";
        }
        long left = unlogged.getAndSet(0);
        log.warn("Refused an unknown API key from {}: {} {}{}", clientAddress, request.getMethod(), path,
                left == 0 ? "" : " (" + left + " earlier refusals not logged)");
    }
}
