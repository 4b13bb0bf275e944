package org.findingskb.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.findingskb.shared.UserQuery;

/** Full-text search over the seeded knowledge base, through real HTTP. Reads only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchApiTests {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private JsonNode ok(String path) {
        Reply reply = http.get(path);
        assertThat(reply.status()).as("GET %s: %s", path, reply).isEqualTo(200);
        return reply.json();
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private Set<Long> ids(JsonNode page) {
        Set<Long> ids = new HashSet<>();
        page.get("content").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    /** A concept of the seed that has a synonym, with the ids of the findings that mention it. */
    private JsonNode conceptWithSynonym() {
        return ok("/api/concepts?size=100").get("content").valueStream()
                .filter(c -> c.get("findingCount").asLong() > 0 && c.get("synonyms").valueStream()
                        .anyMatch(s -> !s.asString().equalsIgnoreCase(c.get("name").asString())
                                && !s.asString().toLowerCase().contains(c.get("name").asString().toLowerCase())))
                .findFirst().orElseThrow();
    }

    @Test
    void aConceptsNameAndItsSynonymsFindTheSameFindings() {
        JsonNode concept = conceptWithSynonym();
        Set<Long> mentioning = ids(ok("/api/findings?size=100&concept=" + concept.get("id").asLong()));
        assertThat(mentioning).isNotEmpty();
        Set<Long> byName = ids(ok("/api/findings?size=100&q=" + q(concept.get("name").asString())));
        assertThat(byName).containsAll(mentioning);
        for (JsonNode synonym : concept.get("synonyms")) {
            assertThat(ids(ok("/api/findings?size=100&q=" + q("\"" + synonym.asString() + "\""))))
                    .as("findings for synonym %s", synonym).containsAll(mentioning);
        }
    }

    @Test
    void searchHitsCarryTheirTypeStudyAndAMarkedSnippetByRelevance() {
        JsonNode result = ok("/api/search?q=" + q("hippocampus"));
        List<JsonNode> hits = new ArrayList<>();
        result.get("content").forEach(hits::add);
        assertThat(hits).extracting(h -> h.get("type").asString()).contains("finding", "concept");
        assertThat(hits).allSatisfy(h -> {
            assertThat(h.get("id").asLong()).isPositive();
            assertThat(h.get("title").asString()).isNotBlank();
            assertThat(h.get("score").asDouble()).isPositive();
        });
        assertThat(hits).filteredOn(h -> h.get("type").asString().equals("finding"))
                .allSatisfy(h -> assertThat(h.get("studyId").isNull()).isFalse());
        assertThat(hits).anySatisfy(h -> assertThat(h.get("snippet").asString()).containsIgnoringCase("<mark>hippocampus</mark>"));
        assertThat(hits).extracting(h -> h.get("score").asDouble()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        for (JsonNode hit : hits) {
            String type = hit.get("type").asString();
            String collection = type.equals("study") ? "studies" : type + "s";
            assertThat(http.get("/api/" + collection + "/" + hit.get("id").asLong()).status()).isEqualTo(200);
        }
    }

    @Test
    void snippetsAreEscapedHtmlWithOnlyMarkTags() {
        JsonNode result = ok("/api/search?q=" + q("ketamine") + "&size=100");
        result.get("content").forEach(hit -> assertThat(hit.get("snippet").asString()
                .replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">"));
    }

    @Test
    void facetsCountEveryHitNotOnlyThePage() {
        JsonNode result = ok("/api/search?q=" + q("ketamine") + "&size=1");
        JsonNode facets = result.get("facets");
        long findings = facets.get("type").get("finding").asLong();
        long all = facets.get("type").valueStream().mapToLong(JsonNode::asLong).sum();
        assertThat(result.get("page").get("totalElements").asLong()).isEqualTo(all);
        assertThat(findings).isGreaterThan(1);
        assertThat(facets.get("kind").valueStream().mapToLong(JsonNode::asLong).sum()).isEqualTo(findings);
        assertThat(facets.get("certainty").valueStream().mapToLong(JsonNode::asLong).sum()).isEqualTo(findings);
        assertThat(facets.get("study").get(0).get("count").asLong()).isEqualTo(findings);
        assertThat(facets.get("study").get(0).get("title").asString()).isNotBlank();
        assertThat(ok("/api/search?q=" + q("ketamine") + "&type=finding").get("page").get("totalElements").asLong())
                .isEqualTo(findings);
    }

    @Test
    void findingFiltersNarrowTheSearchToFindings() {
        JsonNode result = ok("/api/search?q=" + q("ketamine") + "&kind=MECHANISM&size=100");
        assertThat(result.get("content")).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.get("type").asString()).isEqualTo("finding");
            assertThat(ok("/api/findings/" + hit.get("id").asLong()).get("kind").asString()).isEqualTo("MECHANISM");
        });
        assertThat(result.get("facets").get("kind").propertyNames()).containsOnly("MECHANISM");
    }

    @Test
    void textQueriesCombineWithEveryFindingsFilter() {
        JsonNode page = ok("/api/findings?size=100&q=" + q("neurons") + "&timescale=rapid&certainty=reported");
        assertThat(page.get("content")).isNotEmpty().allSatisfy(f -> {
            assertThat(f.get("timescale").asString()).isEqualTo("RAPID");
            assertThat(f.get("certainty").asString()).isEqualTo("REPORTED");
        });
        long studyId = page.get("content").get(0).get("studyId").asLong();
        assertThat(ok("/api/studies/" + studyId + "/findings?size=100&q=" + q("neurons")).get("content")).isNotEmpty();
        assertThat(ok("/api/findings?q=" + q("neurons") + "&studyId=987654").get("content")).isEmpty();
        List<Long> sorted = ok("/api/findings?size=100&q=" + q("ketamine") + "&sort=id,desc").get("content").valueStream()
                .map(f -> f.get("id").asLong()).toList();
        assertThat(sorted).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void phrasesExclusionsAndPrefixesAreUnderstood() {
        Set<Long> ketamine = ids(ok("/api/findings?size=100&q=ketamine"));
        Set<Long> hippocampus = ids(ok("/api/findings?size=100&q=hippocampus"));
        Set<Long> without = ids(ok("/api/findings?size=100&q=" + q("ketamine -hippocampus")));
        assertThat(without).isNotEmpty().doesNotContainAnyElementsOf(hippocampus);
        assertThat(ketamine).containsAll(without);
        assertThat(ids(ok("/api/findings?size=100&q=" + q("hippocamp*")))).containsAll(hippocampus);
        assertThat(ids(ok("/api/findings?size=100&q=" + q("\"young neurons\"")))).isNotEmpty();
    }

    @Test
    void conceptTypeAheadPutsTheConceptNamedByThePrefixFirst() {
        JsonNode concept = conceptWithSynonym();
        String name = concept.get("name").asString();
        JsonNode first = ok("/api/concepts?q=" + q(name.substring(0, Math.min(4, name.length())))).get("content").get(0);
        assertThat(first.get("name").asString().toLowerCase()).startsWith(name.substring(0, Math.min(4, name.length())).toLowerCase());
    }

    @Test
    void cursorsWalkAListExactlyOnce() {
        JsonNode all = ok("/api/findings?size=100");
        List<Long> expected = all.get("content").valueStream().map(f -> f.get("id").asLong()).toList();
        List<Long> walked = new ArrayList<>();
        JsonNode page = ok("/api/findings?size=3");
        while (true) {
            page.get("content").forEach(f -> walked.add(f.get("id").asLong()));
            if (!page.has("cursor")) {
                break;
            }
            page = ok("/api/findings?size=3&cursor=" + page.get("cursor").asString());
            assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(expected.size());
        }
        assertThat(walked).isEqualTo(expected);

        List<Long> searched = new ArrayList<>();
        JsonNode hits = ok("/api/search?q=ketamine&size=2");
        long total = hits.get("page").get("totalElements").asLong();
        while (true) {
            hits.get("content").forEach(h -> searched.add(h.get("id").asLong() * 10 + h.get("type").asString().length()));
            if (!hits.has("cursor")) {
                break;
            }
            hits = ok("/api/search?q=ketamine&size=2&cursor=" + hits.get("cursor").asString());
        }
        assertThat(searched).hasSize((int) total).doesNotHaveDuplicates();
    }

    @Test
    void aCursorServesOnlyTheQueryItCameFrom() {
        String cursor = ok("/api/findings?size=2").get("cursor").asString();
        assertThat(http.get("/api/findings?size=2&kind=result&cursor=" + cursor).status()).isEqualTo(400);
        assertThat(http.get("/api/findings?size=5&cursor=" + cursor).status()).isEqualTo(400);
        Reply garbage = http.get("/api/findings?cursor=not-a-cursor");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().get("errors").get(0).get("parameter").asString()).isEqualTo("cursor");
    }

    @Test
    void pageNumbersStopAtTheFirstTenThousandResults() {
        Reply reply = http.get("/api/findings?page=500&size=20");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asString()).contains("cursor");
        assertThat(http.get("/api/findings?page=499&size=20").status()).isEqualTo(200);
    }

    static Stream<String> hostileQueries() {
        return Stream.of("\"unclosed", "-", "*", "(", ")", "a|", "+-|\"*()~", "\\", "%", "' OR 1=1 --",
                "title:foo", "[0 TO 9]", "{!lucene}x", "AND OR NOT", "ketamine~2", "/regex.*/", "\u0000", "🧠 brain",
                "ket*mine", "\"\"", "&&||", "a AND (b OR", "*:*", "?", "^2", "x".repeat(UserQuery.MAX_LENGTH));
    }

    @ParameterizedTest
    @MethodSource("hostileQueries")
    void noQueryTextCanMakeASearchFail(String text) {
        for (String path : List.of("/api/search?q=", "/api/findings?q=", "/api/studies?q=", "/api/mechanisms?q=",
                "/api/concepts?q=")) {
            Reply reply = http.get(path + q(text));
            assertThat(reply.status()).as("%s%s: %s", path, text, reply).isIn(200, 400);
            if (reply.status() == 400) {
                assertThat(reply.contentType()).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void overlongQueriesAndBadSearchParametersAreBadRequests() {
        assertThat(http.get("/api/findings?q=" + "x".repeat(501)).status()).isEqualTo(400);
        assertThat(http.get("/api/search").status()).isEqualTo(400);
        assertThat(http.get("/api/search?q=").status()).isEqualTo(400);
        assertThat(http.get("/api/search?q=ketamine&type=gene").status()).isEqualTo(400);
        assertThat(http.get("/api/search?q=ketamine&sort=id").status()).isEqualTo(400);
        assertThat(http.get("/api/search?q=ketamine&kind=bogus").status()).isEqualTo(400);
    }
}
