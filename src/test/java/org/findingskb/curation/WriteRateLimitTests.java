package org.findingskb.curation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes and ingest are limited per API key and, without a key, per client address: a key over its limit is
 * refused from any address, and an address over its limit is refused unless a valid key is sent from it. Clients are told
 * apart by the local address they connect from (127.0.0.x); each test uses addresses and keys of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kb.test.context=rate-limits",
        "kb.rate-limit.writes-per-key=3",
        "kb.rate-limit.writes-per-address=6",
        "kb.rate-limit.period=1h",
        "kb.api-keys=CURATOR:" + WriteRateLimitTests.KEY_A + ",CURATOR:" + WriteRateLimitTests.KEY_B
                + ",ADMIN:" + WriteRateLimitTests.KEY_C + ",CURATOR:" + WriteRateLimitTests.KEY_D})
class WriteRateLimitTests {

    static final String KEY_A = "rate-limit-key-a-0000000001";
    static final String KEY_B = "rate-limit-key-b-0000000002";
    static final String KEY_C = "rate-limit-key-c-0000000003";
    static final String KEY_D = "rate-limit-key-d-0000000004";
    private static final long PERIOD_SECONDS = 3600;

    @LocalServerPort
    int port;

    RawHttp raw;

    @BeforeEach
    void client() {
        raw = new RawHttp(port);
    }

    /** A write that changes nothing (a review without If-Match is 428), from {@code address} with {@code key}. */
    private RawHttp.Response write(String address, String key) {
        String[] headers = key == null ? new String[] {"Content-Type", "application/json"}
                : new String[] {"Authorization", "Bearer " + key, "Content-Type", "application/json"};
        return raw.send(address, "POST", "/api/findings/1/review", "{\"status\":\"ACCEPTED\"}", headers);
    }

    private static void assertLimited(RawHttp.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(429);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(response.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, PERIOD_SECONDS);
        JsonNode problem = CurationClient.parse(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("type").asString()).isEqualTo("/problems/rate-limited");
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    @Test
    void aKeyOverItsLimitIsRefusedWith429AndRetryAfterFromAnyAddress() {
        for (int i = 0; i < 3; i++) {
            assertThat(write("127.0.0.2", KEY_A).status()).as("write %d within the key's limit", i + 1).isEqualTo(428);
        }
        assertLimited(write("127.0.0.2", KEY_A));
        assertLimited(write("127.0.0.3", KEY_A));
        RawHttp.Response ingest = raw.send("127.0.0.3", "POST", "/api/sources", "A title\n\nSome article text.",
                "Authorization", "Bearer " + KEY_A, "Content-Type", "text/plain");
        assertLimited(ingest);

        assertThat(write("127.0.0.2", KEY_B).status()).as("another key from the same address is not limited")
                .isEqualTo(428);
        assertThat(raw.send("127.0.0.2", "GET", "/api/findings/1", null, "Authorization", "Bearer " + KEY_A).status())
                .as("reads are never limited").isEqualTo(200);
    }

    @Test
    void anAddressOverItsLimitIsRefusedWith429AndRetryAfterButAKeyFromThatAddressIsNot() {
        for (int i = 0; i < 6; i++) {
            assertThat(write("127.0.0.4", null).status()).as("write %d within the address's limit", i + 1).isEqualTo(401);
        }
        assertLimited(write("127.0.0.4", null));
        assertThat(write("127.0.0.4", KEY_C).status())
                .as("anonymous writes from an address do not use up the budget of a key sent from it").isEqualTo(428);
        RawHttp.Response ingest = raw.send("127.0.0.4", "POST", "/api/sources", "A title\n\nSome article text.",
                "Content-Type", "text/plain");
        assertLimited(ingest);
        for (int i = 0; i < 20; i++) {
            assertThat(raw.send("127.0.0.4", "GET", "/api/studies/1", null).status()).as("cheap reads are never limited")
                    .isEqualTo(200);
        }
    }

    @Test
    void guessingKeysCountsAgainstTheAddressLimitButDoesNotLockOutAValidKey() {
        for (int i = 0; i < 6; i++) {
            assertThat(write("127.0.0.6", "guessed-key-number-000000" + i).status()).isEqualTo(401);
        }
        assertLimited(write("127.0.0.6", "guessed-key-number-0000007"));
        assertThat(write("127.0.0.6", KEY_D).status()).isEqualTo(428);
    }
}
