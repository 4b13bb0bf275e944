package org.findingskb.web.security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.ModelAndView;

import org.findingskb.shared.KbProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each client's bucket lives and expires on its own: no other client's traffic resets it; anonymous requests
 * never use up a key's budget; expensive reads have a budget of their own; behind a trusted proxy the client is
 * the address the proxy names, and from any other peer the forwarding header is ignored.
 */
class RateLimitFilterTests {

    private static final Duration PERIOD = Duration.ofMinutes(1);

    private final AtomicLong nanos = new AtomicLong();
    private final RateLimitFilter filter = new RateLimitFilter(new KbProperties.RateLimit(3, 2, PERIOD, 4, 2),
            new ClientAddresses(List.of("10.9.0.0/16", "::1")),
            new ProblemResponses((request, response, handler, e) -> {
                response.setStatus(((ErrorResponse) e).getStatusCode().value());
                return new ModelAndView();
            }), nanos::get);

    @AfterEach
    void noKey() {
        SecurityContextHolder.clearContext();
    }

    private int send(String method, String uri, String address, String... headers) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        int q = uri.indexOf('?');
        if (q >= 0) {
            request.setRequestURI(uri.substring(0, q));
            request.setQueryString(uri.substring(q + 1));
        }
        request.setRemoteAddr(address);
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    private int write(String address) throws Exception {
        return send("POST", "/api/findings", address);
    }

    private static void withKey(String label) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(label, null, List.of()));
    }

    @Test
    void anAddressOverItsLimitIsRefusedUntilItsBucketHasBeenIdleForAPeriod() throws Exception {
        assertThat(List.of(write("10.0.0.1"), write("10.0.0.1"), write("10.0.0.1"))).containsExactly(200, 200, 429);
        nanos.addAndGet(PERIOD.toNanos() + 1);
        assertThat(write("10.0.0.1")).as("a bucket idle for a period is forgotten: it would have refilled").isEqualTo(200);
    }

    @Test
    void manyOtherClientsDoNotResetABucket() throws Exception {
        write("10.0.0.2");
        write("10.0.0.2");
        for (int i = 0; i < 100_500; i++) {
            write("192.168." + (i / 250) + "." + (i % 250));
        }
        assertThat(write("10.0.0.2")).isEqualTo(429);
    }

    @Test
    void cheapReadsAreNeverLimited() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(send("GET", "/api/findings?size=50", "10.0.0.3")).isEqualTo(200);
        }
    }

    @Test
    void anonymousWritesFromAnAddressDoNotUseUpTheBudgetOfAKeyFromThatAddress() throws Exception {
        assertThat(List.of(write("10.0.0.4"), write("10.0.0.4"), write("10.0.0.4"))).containsExactly(200, 200, 429);
        withKey("curator-label");
        assertThat(List.of(write("10.0.0.4"), write("10.0.0.4"), write("10.0.0.4"), write("10.0.0.4")))
                .as("the key has its own three writes").containsExactly(200, 200, 200, 429);
    }

    @Test
    void searchesCsvAndLargePagesHaveABudgetOfTheirOwnPerAddress() throws Exception {
        assertThat(send("GET", "/api/search?q=sleep", "10.0.0.5")).isEqualTo(200);
        assertThat(send("GET", "/api/findings?size=100", "10.0.0.5")).isEqualTo(200);
        assertThat(send("GET", "/api/findings", "10.0.0.5", "Accept", "text/csv")).isEqualTo(429);
        assertThat(send("GET", "/api/findings?size=51", "10.0.0.5")).isEqualTo(429);
        assertThat(send("GET", "/api/findings?size=20", "10.0.0.5")).as("a small page is cheap").isEqualTo(200);
        assertThat(write("10.0.0.5")).as("writes are counted apart from reads").isEqualTo(200);
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnBucket() throws Exception {
        for (String client : List.of("203.0.113.1", "203.0.113.2")) {
            assertThat(List.of(proxied("10.9.1.1", client + ", 10.9.2.2"), proxied("10.9.1.1", client),
                    proxied("::1", client))).as("client %s", client).containsExactly(200, 200, 429);
        }
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddressWithXForwardedFor() throws Exception {
        assertThat(List.of(proxied("198.51.100.7", "203.0.113.50"), proxied("198.51.100.7", "203.0.113.51"),
                proxied("198.51.100.7", "203.0.113.52"))).containsExactly(200, 200, 429);
        assertThat(List.of(proxied("10.9.1.1", "203.0.113.60, 198.51.100.8"),
                proxied("10.9.1.1", "203.0.113.61, 198.51.100.8"), proxied("10.9.1.1", "203.0.113.62, 198.51.100.8")))
                .as("a client's own X-Forwarded-For entries before an untrusted hop are not believed")
                .containsExactly(200, 200, 429);
    }

    private int proxied(String peer, String forwardedFor) throws Exception {
        return send("POST", "/api/findings", peer, "X-Forwarded-For", forwardedFor);
    }
}
