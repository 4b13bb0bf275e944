package org.findingskb.curation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused key is logged with the client's address and the request, never the key, and counted in a metric;
 * a client sending many wrong keys cannot flood the log.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kb.test.context=auth-failures", "kb.seed.enabled=false"})
class AuthenticationFailureTests {

    private static final Pattern LOGGED = Pattern.compile("Refused an unknown API key from 127\\.0\\.0\\.9: POST /api/studies");

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void aWrongKeyIsLoggedWithoutTheKeyCountedInMetricsAndTheLogStaysBounded(CapturedOutput output) {
        RawHttp raw = new RawHttp(port);
        double before = meters.counter("kb.auth.failures", "reason", "unknown-key").count();
        long started = System.nanoTime();
        for (int i = 0; i < 25; i++) {
            RawHttp.Response refused = raw.send("127.0.0.9", "POST", "/api/studies", "{}",
                    "Authorization", "Bearer wrong-key-that-must-not-be-logged-" + i, "Content-Type", "application/json");
            assertThat(refused.status()).isEqualTo(401);
        }
        long minutes = (System.nanoTime() - started) / 60_000_000_000L;
        assertThat(meters.counter("kb.auth.failures", "reason", "unknown-key").count() - before).isEqualTo(25.0);
        assertThat(output.getAll()).doesNotContain("wrong-key-that-must-not-be-logged");
        Matcher lines = LOGGED.matcher(output.getAll());
        int logged = 0;
        while (lines.find()) {
            logged++;
        }
        // Ten lines a minute, refilled one at a time: however slow the machine, never one line per refusal.
        assertThat(logged).as("refusals logged").isBetween(1, (int) (10 * (minutes + 2)));
    }
}
