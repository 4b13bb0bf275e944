package org.findingskb.web.security;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import org.findingskb.web.ApiException;

/**
 * Limits writes (every method but GET, HEAD and OPTIONS) per API key and per client address with token
 * buckets; a request over either limit gets 429 with {@code Retry-After}. Reads are never limited here.
 */
class WriteRateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /** Buckets kept before the idle ones are forgotten; a full map is simply cleared (buckets refill anyway). */
    private static final int MAX_BUCKETS = 100_000;

    private final long perKey;
    private final long perAddress;
    private final Duration period;
    private final JsonMapper json;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    WriteRateLimitFilter(long perKey, long perAddress, Duration period, JsonMapper json) {
        this.perKey = perKey;
        this.perAddress = perAddress;
        this.period = period;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear();
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        ConsumptionProbe byAddress = bucket("address:" + request.getRemoteAddr(), perAddress).tryConsumeAndReturnRemaining(1);
        ConsumptionProbe byKey = authentication == null || !authentication.isAuthenticated() ? null
                : bucket("key:" + authentication.getName(), perKey).tryConsumeAndReturnRemaining(1);
        long waitNanos = Math.max(byAddress.isConsumed() ? 0 : byAddress.getNanosToWaitForRefill(),
                byKey == null || byKey.isConsumed() ? 0 : byKey.getNanosToWaitForRefill());
        if (waitNanos > 0) {
            refuse(request, response, waitNanos);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Counts a request that presented an unknown key against its address, whatever its method, so that keys
     * cannot be guessed faster than the address may write; answers 429 and returns false once over the limit.
     */
    boolean admitRefusedKey(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ConsumptionProbe probe = bucket("address:" + request.getRemoteAddr(), perAddress).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return true;
        }
        refuse(request, response, probe.getNanosToWaitForRefill());
        return false;
    }

    private Bucket bucket(String id, long capacity) {
        return buckets.computeIfAbsent(id, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period)).build());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long waitNanos) throws IOException {
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many writes from this API key or address; retry in " + seconds + " s.");
        problem.setType(ApiException.problemType("rate-limited"));
        problem.setTitle("Too Many Requests");
        problem.setProperty("retryAfterSeconds", seconds);
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException ignored) {
            // left out: the path is not a valid URI
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
