package org.findingskb.web.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import org.findingskb.shared.KbProperties;

/**
 * Limits writes (every method but GET, HEAD and OPTIONS) per API key and per client address with token
 * buckets; a request over either limit gets 429 with {@code Retry-After}. Reads are never limited here.
 */
class WriteRateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private final long perKey;
    private final long perAddress;
    private final Duration period;
    private final ProblemResponses problems;
    /**
     * A bucket left alone for a whole period has refilled, so forgetting it then changes nothing: each key's
     * bucket expires on its own, and no client's count is reset by another's traffic.
     */
    private final Cache<String, Bucket> buckets;

    WriteRateLimitFilter(KbProperties.RateLimit limits, ProblemResponses problems) {
        this(limits, problems, Ticker.systemTicker());
    }

    WriteRateLimitFilter(KbProperties.RateLimit limits, ProblemResponses problems, Ticker ticker) {
        this.perKey = limits.writesPerKey();
        this.perAddress = limits.writesPerAddress();
        this.period = limits.period();
        this.problems = problems;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(period).ticker(ticker).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
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
    boolean admitRefusedKey(HttpServletRequest request, HttpServletResponse response) {
        ConsumptionProbe probe = bucket("address:" + request.getRemoteAddr(), perAddress).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return true;
        }
        refuse(request, response, probe.getNanosToWaitForRefill());
        return false;
    }

    private Bucket bucket(String id, long capacity) {
        return buckets.get(id, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period)).build());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long waitNanos) {
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        problems.send(request, response, ProblemResponses.Refusal.rateLimited(seconds));
    }
}
