package org.findingskb.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.CacheManager;
import tools.jackson.databind.JsonNode;

import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.findingskb.shared.ReadCaching;

/** Cached reads never outlive a write: every read after a committed change sees it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kb.test.context=curation")
class ReadCacheTests {

    @LocalServerPort
    int port;

    @Autowired
    CacheManager caches;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aCachedFindingPageSearchAndSummaryShowAnEditAtOnce() {
        JsonNode finding = http.get("/api/findings/3").json();
        String pageBefore = http.get("/api/findings?studyId=1&size=100").body();
        String summaryBefore = http.get("/api/studies/1/summary").body();
        assertThat(http.get("/api/findings/3").json()).isEqualTo(finding);
        assertThat(http.get("/api/search?mode=keyword&q=zygomorphic").json().get("page").get("totalElements").asLong()).isZero();

        String statement = finding.get("statement").asString() + " Zygomorphic markers confirm it.";
        Reply patched = http.send("PATCH", "/api/findings/3", "{\"statement\": \"" + statement + "\"}",
                TestKeys.curator("Content-Type", "application/merge-patch+json",
                        "If-Match", "\"" + finding.get("version").asLong() + "\""));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

        assertThat(http.get("/api/findings/3").json().get("statement").asString()).isEqualTo(statement);
        assertThat(http.get("/api/findings?studyId=1&size=100").body()).isNotEqualTo(pageBefore).contains("Zygomorphic");
        assertThat(http.get("/api/search?mode=keyword&q=zygomorphic").json().get("page").get("totalElements").asLong()).isEqualTo(1);
        assertThat(http.get("/api/studies/1/summary").body()).isNotEqualTo(summaryBefore);
    }

    @Test
    void aRenamedConceptIsRenamedInEveryCachedFindingThatMentionsIt() {
        JsonNode concept = http.get("/api/concepts?q=hippocampus").json().get("content").get(0);
        long conceptId = concept.get("id").asLong();
        JsonNode mentioning = http.get("/api/concepts/" + conceptId + "/findings").json().get("content").get(0);
        long findingId = mentioning.get("id").asLong();
        http.get("/api/findings/" + findingId);

        Reply renamed = http.send("PATCH", "/api/concepts/" + conceptId, "{\"name\": \"Hippocampal formation\"}",
                TestKeys.curator("Content-Type", "application/merge-patch+json",
                        "If-Match", "\"" + concept.get("version").asLong() + "\""));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

        assertThat(http.get("/api/findings/" + findingId).json().get("concepts").valueStream()
                .map(c -> c.get("name").asString())).contains("Hippocampal formation");
        assertThat(http.get("/api/findings?q=" + "formation").json().get("content").valueStream()
                .map(f -> f.get("id").asLong())).contains(findingId);
    }

    @Test
    void aWriteDropsTheCachedReadsItMadeStaleInsteadOfKeepingThemUntilTheyExpire() {
        assumeTrue(caches.getCache(ReadCaching.CACHE).getNativeCache() instanceof com.github.benmanes.caffeine.cache.Cache,
                "the read cache is off (elasticsearch profile)");
        for (String path : new String[] {"/api/findings/1", "/api/findings/2", "/api/studies/1/summary",
            "/api/findings?studyId=1", "/api/search?q=neurons"}) {
            http.get(path);
        }
        assertThat(cachedEntries()).isGreaterThanOrEqualTo(5);

        JsonNode finding = http.get("/api/findings/4").json();
        String statement = finding.get("statement").asString() + " Confirmed.";
        Reply patched = http.send("PATCH", "/api/findings/4", "{\"statement\": \"" + statement + "\"}",
                TestKeys.curator("Content-Type", "application/merge-patch+json",
                        "If-Match", "\"" + finding.get("version").asLong() + "\""));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        http.get("/api/findings/1");

        assertThat(cachedEntries()).as("entries after a write and one read").isEqualTo(1);
    }

    private long cachedEntries() {
        Object nativeCache = caches.getCache(ReadCaching.CACHE).getNativeCache();
        com.github.benmanes.caffeine.cache.Cache<?, ?> caffeine = (com.github.benmanes.caffeine.cache.Cache<?, ?>) nativeCache;
        caffeine.cleanUp();
        return caffeine.estimatedSize();
    }
}
