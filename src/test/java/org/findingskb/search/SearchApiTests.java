package org.findingskb.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.findingskb.shared.Cursor;
import org.findingskb.shared.IndexPager;
import org.findingskb.shared.UserQuery;

/**
 * Full-text search over the seeded knowledge base, through real HTTP. Reads only. Also what a search may cost:
 * queries of too many words or too deep parentheses are refused with a 400 that says so (they failed with a 500
 * and a stack trace per request), and cursors are signed, so none can be forged past the result cap.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
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
    void findingHitsCarryKindTimescaleCertaintyAndTheirStudy() {
        JsonNode hits = ok("/api/search?type=finding&size=100&q=" + q("ketamine")).get("content");
        assertThat(hits).isNotEmpty();
        for (JsonNode hit : hits) {
            JsonNode finding = ok("/api/findings/" + hit.get("id").asLong());
            assertThat(hit.get("kind").asString()).isEqualTo(finding.get("kind").asString());
            assertThat(hit.get("certainty").asString()).isEqualTo(finding.get("certainty").asString());
            assertThat(hit.get("timescale")).isEqualTo(finding.get("timescale"));
            JsonNode study = ok("/api/studies/" + finding.get("studyId").asLong());
            assertThat(hit.get("studyId").asLong()).isEqualTo(study.get("id").asLong());
            assertThat(hit.get("study").get("id").asLong()).isEqualTo(study.get("id").asLong());
            assertThat(hit.get("study").get("slug").asString()).isEqualTo(study.get("slug").asString());
            assertThat(hit.get("study").get("title").asString()).isEqualTo(study.get("title").asString());
            assertThat(hit.get("start").isNull()).isTrue();
        }
    }

    @Test
    void studiesAreHitsThatNameThemselves() {
        JsonNode study = ok("/api/studies?size=1").get("content").get(0);
        String word = java.util.Arrays.stream(study.get("title").asString().split("\\W+"))
                .filter(w -> w.length() > 5).findFirst().orElseThrow();
        JsonNode hits = ok("/api/search?type=study&q=" + q(word)).get("content");
        assertThat(hits).anySatisfy(hit -> {
            assertThat(hit.get("type").asString()).isEqualTo("study");
            assertThat(hit.get("id").asLong()).isEqualTo(study.get("id").asLong());
            assertThat(hit.get("study").get("slug").asString()).isEqualTo(study.get("slug").asString());
            assertThat(hit.get("kind").isNull()).isTrue();
        });
    }

    @Test
    void sourcePassagesAreHitsWhoseOffsetsPlaceThemInTheStoredText() {
        JsonNode result = ok("/api/search?type=source&size=100&q=" + q("ketamine"));
        JsonNode hits = result.get("content");
        assertThat(hits).isNotEmpty();
        assertThat(result.get("facets").get("type").get("source").asLong()).isEqualTo(hits.size());
        for (JsonNode hit : hits) {
            assertThat(hit.get("type").asString()).isEqualTo("source");
            JsonNode source = ok("/api/sources/" + hit.get("id").asLong());
            String text = source.get("text").asString();
            int start = hit.get("start").asInt();
            int end = hit.get("end").asInt();
            assertThat(start).isNotNegative().isLessThan(end);
            assertThat(end).isLessThanOrEqualTo(text.length());
            String passage = text.substring(start, end);
            String snippet = hit.get("snippet").asString();
            assertThat(snippet).containsIgnoringCase("<mark>ketamine</mark>");
            assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(snippet.replace("<mark>", "").replace("</mark>", "")))
                    .isEqualTo(passage);
            assertThat(passage).containsIgnoringCase("ketamine").hasSizeLessThanOrEqualTo(Passage.MAX_LENGTH);
            assertThat(source.get("studyIds").valueStream().map(JsonNode::asLong).toList())
                    .contains(hit.get("study").get("id").asLong());
        }
    }

    @Test
    void aSourcePassageFindsWordsThatOnlyTheTextHolds() {
        // Words of the text that no finding, study, mechanism or concept holds are found in the source alone.
        JsonNode source = ok("/api/sources/" + ok("/api/sources?size=1").get("content").get(0).get("id").asLong());
        String text = source.get("text").asString();
        String rare = java.util.Arrays.stream(text.split("[^\\p{L}]+")).filter(w -> w.length() > 6)
                .filter(w -> ok("/api/search?facets=false&q=" + q(w)).get("content").valueStream()
                        .allMatch(h -> h.get("type").asString().equals("source")))
                .findFirst().orElseThrow();
        JsonNode hit = ok("/api/search?q=" + q(rare)).get("content").get(0);
        assertThat(hit.get("type").asString()).isEqualTo("source");
        assertThat(text.substring(hit.get("start").asInt(), hit.get("end").asInt())).contains(rare);
    }

    @Test
    void filtersAloneBrowseAndCountWithoutWords() {
        JsonNode browsed = ok("/api/search?kind=mechanism&size=100");
        JsonNode listed = ok("/api/findings?kind=mechanism&size=100");
        long total = listed.get("page").get("totalElements").asLong();
        assertThat(total).isPositive();
        assertThat(browsed.get("page").get("totalElements").asLong()).isEqualTo(total);
        assertThat(ids(browsed)).isEqualTo(ids(listed));
        assertThat(browsed.get("content")).allSatisfy(hit -> {
            assertThat(hit.get("type").asString()).isEqualTo("finding");
            assertThat(hit.get("kind").asString()).isEqualTo("MECHANISM");
        });
        JsonNode facets = browsed.get("facets");
        assertThat(facets.get("kind").propertyNames()).containsOnly("MECHANISM");
        assertThat(facets.get("kind").get("MECHANISM").asLong()).isEqualTo(total);
        assertThat(facets.get("certainty").valueStream().mapToLong(JsonNode::asLong).sum()).isEqualTo(total);

        JsonNode everything = ok("/api/search");
        JsonNode counts = ok("/api").get("counts");
        JsonNode types = everything.get("facets").get("type");
        assertThat(types.get("study").asLong()).isEqualTo(counts.get("studies").asLong());
        assertThat(types.get("source").asLong()).isEqualTo(counts.get("sources").asLong());
        assertThat(everything.get("page").get("totalElements").asLong())
                .isEqualTo(types.valueStream().mapToLong(JsonNode::asLong).sum());
        assertThat(ok("/api/search?q=").get("page").get("totalElements"))
                .isEqualTo(everything.get("page").get("totalElements"));
    }

    @Test
    void facetsAreLeftOutWhenNotAskedForAndTheHitsStayTheSame() {
        JsonNode with = ok("/api/search?size=100&q=" + q("ketamine"));
        JsonNode without = ok("/api/search?size=100&facets=false&q=" + q("ketamine"));
        assertThat(with.has("facets")).isTrue();
        assertThat(without.has("facets")).isFalse();
        assertThat(without.get("content")).isEqualTo(with.get("content"));
        assertThat(without.get("page").get("totalElements")).isEqualTo(with.get("page").get("totalElements"));
        assertThat(without.get("page").get("totalElementsExact").asBoolean()).isTrue();
        assertThat(with.get("page").get("totalElementsExact").asBoolean()).isTrue();
    }

    @Test
    void aCursorServesWithAndWithoutFacets() {
        JsonNode first = ok("/api/search?size=2&facets=false&q=" + q("ketamine"));
        JsonNode faceted = ok("/api/search?size=2&q=" + q("ketamine") + "&cursor=" + first.get("cursor").asString());
        JsonNode plain = ok("/api/search?size=2&facets=false&q=" + q("ketamine") + "&cursor=" + first.get("cursor").asString());
        assertThat(faceted.get("content")).isEqualTo(plain.get("content")).isNotEmpty();
        assertThat(faceted.get("page").get("totalElements")).isEqualTo(first.get("page").get("totalElements"));
        assertThat(faceted.has("facets")).isTrue();
        assertThat(plain.has("facets")).isFalse();
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
        assertThat(http.get("/api/search?q=" + "x".repeat(501)).status()).isEqualTo(400);
        assertThat(http.get("/api/search?facets=maybe").status()).isEqualTo(400);
        assertThat(http.get("/api/search?q=ketamine&type=gene").status()).isEqualTo(400);
        assertThat(http.get("/api/search?q=ketamine&sort=id").status()).isEqualTo(400);
        assertThat(http.get("/api/search?q=ketamine&kind=bogus").status()).isEqualTo(400);
    }

    // ---- what a search may cost ----------------------------------------------------------------------------

    private static String words(int n, String prefix) {
        return IntStream.range(0, n).mapToObj(i -> prefix + "w" + Integer.toString(i, 36))
                .collect(Collectors.joining(" "));
    }

    private void assertRefusedQuery(String path, String says) {
        Reply reply = http.get(path);
        assertThat(reply.status()).as("%s: %s", path, reply).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("parameter").asString()).isEqualTo("q");
        assertThat(reply.json().get("detail").asString()).contains(says);
    }

    @Test
    void aQueryOfTooManyWordsOrExclusionsIsRefusedWithoutAStackTrace(CapturedOutput output) {
        for (String path : List.of("/api/search?q=", "/api/findings?q=", "/api/studies?q=", "/api/mechanisms?q=")) {
            assertRefusedQuery(path + q(words(60, "")), "at most " + UserQuery.MAX_WORDS + " words");
            assertRefusedQuery(path + q("ketamine " + words(60, "-")), "at most " + UserQuery.MAX_WORDS + " words");
        }
        assertThat(output.getAll()).doesNotContain("TooManyClauses").doesNotContain("\tat org.apache.lucene");
    }

    @Test
    void aQueryAtTheLimitIsAnswered() {
        String most = words(UserQuery.MAX_WORDS, "");
        String excluding = "ketamine " + words(UserQuery.MAX_WORDS - 1, "-");
        String alternatives = IntStream.range(0, UserQuery.MAX_WORDS).mapToObj(i -> "w" + Integer.toString(i, 36))
                .collect(Collectors.joining(" | "));
        for (String query : List.of(most, excluding, alternatives)) {
            for (String path : List.of("/api/search?q=", "/api/findings?q=", "/api/studies?q=", "/api/mechanisms?q=",
                    "/api/concepts?q=")) {
                assertThat(http.get(path + q(query)).status()).as("%s%s", path, query).isEqualTo(200);
            }
        }
    }

    @Test
    void deeplyNestedAlternativesAreRefused() {
        String nested = "a";
        for (int i = 0; i < 10; i++) {
            nested = "(a|" + nested + ")";
        }
        assertRefusedQuery("/api/search?q=" + q(nested), "at most " + UserQuery.MAX_DEPTH + " deep");
        assertThat(http.get("/api/search?q=" + q("(ketamine|(mice|(rats|(depression))))")).status()).isEqualTo(200);
        // parentheses inside a phrase are words' punctuation, not nesting
        assertThat(http.get("/api/search?q=" + q("\"((((((ketamine))))))\"")).status()).isEqualTo(200);
    }

    /** The fingerprint of the query a cursor was issued for, read from the token's signed part. */
    private static int fingerprintOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("~")[0]), StandardCharsets.UTF_8);
        return Integer.parseUnsignedInt(payload.split("\\.")[1], 16);
    }

    @Test
    void aCursorWhoseFieldsWereChangedIsRefused() {
        String issued = http.get("/api/search?q=ketamine&size=2").json().get("cursor").asString();
        String[] signed = issued.split("~");
        String payload = new String(Base64.getUrlDecoder().decode(signed[0]), StandardCharsets.UTF_8);
        String forged = payload.replaceFirst("\\.2$", ".9000");
        assertThat(forged).isNotEqualTo(payload);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8))
                + "~" + signed[1];
        Reply reply = http.get("/api/search?q=ketamine&size=2&cursor=" + token);
        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("parameter").asString()).isEqualTo("cursor");
        // the unsigned form cursors had before
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8));
        assertThat(http.get("/api/search?q=ketamine&size=2&cursor=" + unsigned).status()).isEqualTo(400);
        assertThat(http.get("/api/search?q=ketamine&size=2&cursor=" + issued).status()).isEqualTo(200);
    }

    @Test
    void aCursorPastTheResultCapOrTheLargestOffsetIsRefusedNotAServerError() {
        String issued = http.get("/api/search?q=ketamine&size=2").json().get("cursor").asString();
        int query = fingerprintOf(issued);
        for (long offset : List.of((long) Integer.MAX_VALUE, (long) IndexPager.MAX_OFFSET_HITS, Long.MAX_VALUE)) {
            // signed with the server's key, as only a leaked key or a mistake could make it
            String token = new Cursor(query, 1, 20_000, offset, List.of()).encode();
            Reply reply = http.get("/api/search?q=ketamine&size=2&cursor=" + token);
            assertThat(reply.status()).as("offset %d: %s", offset, reply).isEqualTo(400);
            assertThat(reply.json().get("detail").asString()).contains("first " + IndexPager.MAX_OFFSET_HITS);
        }
    }
}
