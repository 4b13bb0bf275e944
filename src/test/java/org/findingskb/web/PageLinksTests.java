package org.findingskb.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages say where the next page is, in the body ({@code links.next}) and in a {@code Link} header, and following
 * them walks a list once, whether it pages by cursor (index lists, search) or by number (sources); answers that
 * differ by {@code Accept} say so in {@code Vary}. Through real HTTP, on the seeded knowledge base; reads only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageLinksTests {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** Follows {@code next} from {@code first}, checking body and header agree, and returns every item's key. */
    private List<String> walk(String first, Function<JsonNode, String> key) {
        List<String> keys = new ArrayList<>();
        String path = first;
        for (int pages = 0; path != null; pages++) {
            assertThat(pages).as("pages of %s", first).isLessThan(500);
            Reply reply = http.get(path);
            assertThat(reply.status()).as("GET %s: %s", path, reply).isEqualTo(200);
            JsonNode page = reply.json();
            page.get("content").forEach(item -> keys.add(key.apply(item)));
            JsonNode links = page.get("links");
            assertThat(URI.create(links.get("self").asString()).getRawPath()).isEqualTo(URI.create("http://x" + path).getRawPath());
            if (links.has("next")) {
                String next = links.get("next").asString();
                assertThat(reply.header("Link")).contains("<" + next + ">; rel=\"next\"");
                URI uri = URI.create(next);
                path = uri.getRawPath() + "?" + uri.getRawQuery();
            } else {
                assertThat(reply.header("Link")).isEmpty();
                path = null;
            }
        }
        return keys;
    }

    private long total(String path) {
        return http.get(path).json().get("page").get("totalElements").asLong();
    }

    @Test
    void followingNextWalksEveryListOnce() {
        for (String list : List.of("/api/findings?size=7", "/api/findings?size=5&q=ketamine", "/api/studies?size=1",
                "/api/concepts?size=9", "/api/mechanisms?size=2", "/api/sources?size=1")) {
            List<String> ids = walk(list, item -> item.get("id").asString());
            assertThat(ids).as(list).hasSize((int) total(list)).doesNotHaveDuplicates();
        }
    }

    @Test
    void followingNextWalksSearchHitsOnceWithAndWithoutWords() {
        for (String search : List.of("/api/search?size=3&q=%22ketamine%22", "/api/search?size=10&kind=result",
                "/api/search?size=4&facets=false&q=neurons")) {
            List<String> hits = walk(search, hit -> hit.get("type").asString() + hit.get("id").asString());
            assertThat(hits).as(search).hasSize((int) total(search)).doesNotHaveDuplicates();
        }
    }

    @Test
    void theLastPageHasNoNextLinkAndTheFirstKeepsItsQuery() {
        JsonNode one = http.get("/api/findings?size=100&kind=RESULT").json();
        assertThat(one.get("links").has("next")).isFalse();
        assertThat(one.get("links").get("self").asString()).endsWith("/api/findings?size=100&kind=RESULT");
        String next = http.get("/api/search?q=%22ketamine%22&size=1").json().get("links").get("next").asString();
        assertThat(next).contains("q=%22ketamine%22").contains("cursor=");
    }

    @Test
    void csvPagesCarryTheNextPageInTheLinkHeader() {
        Reply csv = http.get("/api/findings?size=2", "Accept", "text/csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        String next = http.get("/api/findings?size=2").json().get("links").get("next").asString();
        assertThat(csv.header("Link")).contains("<" + next + ">; rel=\"next\"");
    }

    /** The names {@code Vary} lists, over all its header lines. */
    private List<String> vary(Reply reply) {
        return reply.response().headers().allValues("Vary").stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(","))).map(String::strip).toList();
    }

    @Test
    void answersThatDependOnAcceptSayVaryAccept() {
        long study = http.get("/api/studies?size=1").json().get("content").get(0).get("id").asLong();
        long finding = http.get("/api/findings?size=1").json().get("content").get(0).get("id").asLong();
        for (String path : List.of("/api/findings", "/api/findings/" + finding, "/api/studies/" + study,
                "/api/studies/" + study + "/summary")) {
            Reply reply = http.get(path);
            assertThat(vary(reply)).as(path).contains("Accept");
            Reply notModified = http.get(path, "If-None-Match", reply.header("ETag").orElseThrow());
            assertThat(notModified.status()).isEqualTo(304);
            assertThat(vary(notModified)).as("304 of %s", path).contains("Accept");
        }
        for (String path : List.of("/api/search?q=ketamine", "/api/studies", "/api/sources")) {
            assertThat(vary(http.get(path))).as(path).doesNotContain("Accept");
        }
    }

    @Test
    void pagesAndSearchKeepTheirWeakETags() {
        for (String path : List.of("/api/search?q=ketamine", "/api/search?kind=result", "/api/findings?size=3")) {
            Reply reply = http.get(path);
            String etag = reply.header("ETag").orElseThrow();
            assertThat(etag).startsWith("W/");
            assertThat(http.get(path, "If-None-Match", etag).status()).isEqualTo(304);
        }
    }
}
