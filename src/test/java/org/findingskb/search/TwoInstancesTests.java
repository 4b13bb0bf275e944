package org.findingskb.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cache.CacheManager;
import org.springframework.cache.support.NoOpCacheManager;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import org.findingskb.FindingsKbApplication;
import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances over one PostgreSQL database and one OpenSearch cluster, as deployed with the elasticsearch
 * profile: writes reach the index through the outbox, whichever instance made them. Runs in the elasticsearch
 * profile's build only, which starts the node.
 */
@EnabledIfSystemProperty(named = "kb.test.opensearch.url", matches = ".+")
class TwoInstancesTests {

    /** How long a write may take to become searchable before the test gives up: generous, the machine is shared. */
    private static final long SEARCHABLE_WITHIN_NANOS = 60_000_000_000L;

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static Http one;
    private static Http two;

    @BeforeAll
    static void startTwoInstances() {
        String database = "two-instances-" + UUID.randomUUID();
        first = start(database);
        second = start(database);
        one = new Http(port(first));
        two = new Http(port(second));
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    /**
     * Command-line arguments outrank the build's test settings: indexing goes through the outbox, and the instances
     * share the cursor secret, as deployed.
     */
    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(FindingsKbApplication.class).run(
                "--kb.test.database-key=" + database, "--spring.main.banner-mode=off", "--server.port=0",
                "--kb.cursors.secret=the-same-cursor-secret-on-every-instance-" + database,
                "--spring.jpa.properties.hibernate.search.coordination.strategy=outbox-polling",
                "--spring.jpa.properties.hibernate.search.indexing.plan.synchronization.strategy=");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static JsonNode ok(Http http, String path) {
        Reply reply = http.get(path);
        assertThat(reply.status()).as("GET %s: %s", path, reply).isEqualTo(200);
        return reply.json();
    }

    private static String word() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
    }

    private static long createStudy(Http http, String title) {
        Reply created = http.send("POST", "/api/studies", "{\"title\":\"" + title + "\",\"population\":\"adults\"}",
                TestKeys.curator("Content-Type", "application/json"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** Searches on {@code http} until the study shows, returning how long that took. */
    private static long searchableAfterNanos(Http http, String word, long studyId) throws InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - started < SEARCHABLE_WITHIN_NANOS) {
            JsonNode hits = ok(http, "/api/search?type=study&q=" + word).get("content");
            for (JsonNode hit : hits) {
                if (hit.get("id").asLong() == studyId) {
                    return System.nanoTime() - started;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("study " + studyId + " never became searchable by '" + word + "'");
    }

    @Test
    void aWriteOnOneInstanceIsSearchableOnTheOther() throws InterruptedException {
        String word = word();
        long id = createStudy(one, "Study of " + word + " in adults");
        long lag = searchableAfterNanos(two, word, id);
        System.out.printf("Searchable on the other instance after %d ms%n", lag / 1_000_000);
        assertThat(ok(two, "/api/studies?q=" + word).get("content").get(0).get("id").asLong()).isEqualTo(id);
    }

    @Test
    void aReadOnEitherInstanceShowsAWriteOnTheOtherAtOnce() {
        // No instance keeps reads: a cache keyed by a count in one JVM would miss the other's writes.
        assertThat(second.getBean(CacheManager.class)).isInstanceOf(NoOpCacheManager.class);
        long id = createStudy(one, "Study of " + word());
        // Read on the second instance first, as a cache would keep it.
        Reply before = two.get("/api/studies/" + id);
        assertThat(before.status()).as("%s", before).isEqualTo(200);
        String etag = before.header("ETag").orElseThrow();
        Reply patched = one.send("PATCH", "/api/studies/" + id, "{\"population\":\"older adults\"}",
                TestKeys.curator("Content-Type", "application/json", "If-Match", etag));
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        assertThat(ok(two, "/api/studies/" + id).get("population").asString()).isEqualTo("older adults");
        assertThat(ok(one, "/api/studies/" + id).get("population").asString()).isEqualTo("older adults");
    }

    @Test
    void aCursorFromOneInstanceContinuesOnTheOther() throws InterruptedException {
        String word = word();
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createStudy(one, "Study " + i + " of " + word));
        }
        for (long id : created) {
            searchableAfterNanos(one, word, id);
        }
        String list = "/api/studies?size=2&q=" + word;
        JsonNode first = ok(one, list);
        Set<Long> seen = new HashSet<>();
        first.get("content").forEach(study -> seen.add(study.get("id").asLong()));
        String cursor = first.get("cursor").asString();
        JsonNode next = ok(two, list + "&cursor=" + cursor);
        next.get("content").forEach(study -> assertThat(seen.add(study.get("id").asLong()))
                .as("the second page repeats no study of the first").isTrue());
        assertThat(seen).hasSize(4).isSubsetOf(created);
    }
}
