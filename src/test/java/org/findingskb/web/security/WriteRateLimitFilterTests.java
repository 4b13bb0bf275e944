package org.findingskb.web.security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.ModelAndView;

import org.findingskb.shared.KbProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** Each client's bucket lives and expires on its own: no other client's traffic resets it. */
class WriteRateLimitFilterTests {

    private static final Duration PERIOD = Duration.ofMinutes(1);

    private final AtomicLong nanos = new AtomicLong();
    private final WriteRateLimitFilter filter = new WriteRateLimitFilter(
            new KbProperties.RateLimit(1_000, 2, PERIOD),
            new ProblemResponses((request, response, handler, e) -> {
                response.setStatus(((ErrorResponse) e).getStatusCode().value());
                return new ModelAndView();
            }), nanos::get);

    private int write(String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/findings");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
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
    void readsAreNeverLimited() throws Exception {
        for (int i = 0; i < 5; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/findings");
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request, response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }
}
