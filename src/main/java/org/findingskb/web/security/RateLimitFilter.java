package org.findingskb.web.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
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
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import org.findingskb.shared.KbProperties;
import org.findingskb.shared.MediaTypes;

/**
 * Limits writes (every method but GET, HEAD and OPTIONS) and expensive reads (search, CSV, pages of more than
 * {@value #LARGE_PAGE} items) with token buckets, each kind on its own; a request over its limit gets 429 with
 * {@code Retry-After}. A request with a valid key counts against its key only, one without against its client
 * address only: anonymous traffic from a curator's address (or proxy) never uses up the curator's budget.
 */
class RateLimitFilter extends OncePerRequestFilter {

    static final int LARGE_PAGE = 50;
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final KbProperties.RateLimit limits;
    private final ClientAddresses addresses;
    private final ProblemResponses problems;
    /**
     * A bucket left alone for a whole period has refilled, so forgetting it then changes nothing: each client's
     * bucket expires on its own, and no client's count is reset by another's traffic.
     */
    private final Cache<String, Bucket> buckets;

    RateLimitFilter(KbProperties.RateLimit limits, ClientAddresses addresses, ProblemResponses problems) {
        this(limits, addresses, problems, Ticker.systemTicker());
    }

    RateLimitFilter(KbProperties.RateLimit limits, ClientAddresses addresses, ProblemResponses problems, Ticker ticker) {
        this.limits = limits;
        this.addresses = addresses;
        this.problems = problems;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(limits.period()).ticker(ticker).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean write = !READS.contains(request.getMethod());
        if (!write && !expensiveRead(request)) {
            chain.doFilter(request, response);
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean keyed = authentication != null && authentication.isAuthenticated();
        String kind = write ? "write" : "read";
        ConsumptionProbe probe = keyed
                ? bucket(kind + "-key:" + authentication.getName(), write ? limits.writesPerKey() : limits.expensiveReadsPerKey())
                        .tryConsumeAndReturnRemaining(1)
                : bucket(kind + "-address:" + addresses.of(request),
                        write ? limits.writesPerAddress() : limits.expensiveReadsPerAddress()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            refuse(request, response, probe.getNanosToWaitForRefill(), write);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Counts a request that presented an unknown key against its address's writes, whatever its method, so that
     * keys cannot be guessed faster than the address may write; answers 429 and returns false once over the limit.
     */
    boolean admitRefusedKey(HttpServletRequest request, HttpServletResponse response) {
        ConsumptionProbe probe = bucket("write-address:" + addresses.of(request), limits.writesPerAddress())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return true;
        }
        refuse(request, response, probe.getNanosToWaitForRefill(), true);
        return false;
    }

    /** Search, CSV and large pages: judged from the path, the query string and Accept, never from a body. */
    static boolean expensiveRead(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI();
        if (path.startsWith("/api/search")) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.toLowerCase(Locale.ROOT).contains(MediaTypes.CSV)) {
            return true;
        }
        String query = request.getQueryString();
        if (query != null && path.startsWith("/api/")) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("size=") && largerThanLargePage(pair.substring(5))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean largerThanLargePage(String value) {
        // Anything but plain digits is refused by the page parameters with 400 and costs nothing.
        if (value.isEmpty() || !value.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return value.length() > 9 || Integer.parseInt(value) > LARGE_PAGE;
    }

    private Bucket bucket(String id, long capacity) {
        Duration period = limits.period();
        return buckets.get(id, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period)).build());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long waitNanos, boolean write) {
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        problems.send(request, response, ProblemResponses.Refusal.rateLimited(seconds, write));
    }
}
