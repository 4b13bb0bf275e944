package org.findingskb.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

/**
 * Suggested links through real HTTP, with the seed and invented articles: one about an antidepressant that lowers
 * BMP signalling in the hippocampus (as the seed's ketamine does), one where the same drug raises it, one about
 * tomatoes that shares nothing with either.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kb.test.context=curation")
class SuggestedLinksApiTests {

    private static final String LOWERS = "compare/antidepressant-quiets-bmp-in-hippocampus.txt";
    private static final String RAISES = "suggestion/antidepressant-raises-bmp-in-old-rats.txt";
    private static final String UNRELATED = "suggestion/tomato-soil-fungi.txt";
    private static final String SEED_TITLE = "How ketamine helps depression quickly and over time";
    private static final String BMP = "Bone Morphogenetic Proteins";

    @LocalServerPort
    int port;

    Http http;
    long lowering;

    @BeforeEach
    void ingestTheArticleThatLowersBmp() throws IOException {
        http = new Http(port);
        long studyId = ingest(LOWERS);
        lowering = findingsOf(studyId).stream()
                .filter(f -> f.get("statement").asString().contains("fluoxetine lowered BMP signalling"))
                .findFirst().orElseThrow().get("id").asLong();
    }

    private long ingest(String resource) throws IOException {
        String text = new String(new ClassPathResource(resource).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Reply reply = http.send("POST", "/api/sources", text, TestKeys.curator("Content-Type", "text/plain"));
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
        return reply.json().get("studyId").asLong();
    }

    private List<JsonNode> findingsOf(long studyId) {
        return list(http.get("/api/studies/" + studyId + "/findings?size=100").json().get("content"));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** Every suggestion from or to the finding, whatever its status. */
    private List<JsonNode> suggestionsOf(long findingId) {
        List<JsonNode> all = new ArrayList<>();
        for (String status : List.of("SUGGESTED", "ACCEPTED", "DISMISSED")) {
            Reply reply = http.get("/api/links/suggested?size=100&status=" + status + "&finding=" + findingId);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            all.addAll(list(reply.json().get("content")));
        }
        return all;
    }

    private JsonNode supportsFromTheSeed() {
        return suggestionsOf(lowering).stream()
                .filter(s -> s.get("type").asString().equals("SUPPORTS")
                        && s.get("to").get("study").get("title").asString().equals(SEED_TITLE))
                .findFirst().orElseThrow(() -> new AssertionError("no SUPPORTS suggestion to the seed in "
                        + suggestionsOf(lowering)));
    }

    private List<JsonNode> linksOf(long findingId) {
        return list(http.get("/api/findings/" + findingId).json().get("links"));
    }

    @Test
    void aSupportsSuggestionJoinsTheBmpFindingsOfBothStudiesAndAcceptingMakesItALinkWithHistory() {
        JsonNode suggestion = supportsFromTheSeed();
        assertThat(suggestion.get("from").get("id").asLong()).isEqualTo(lowering);
        assertThat(suggestion.get("from").get("statement").asString()).contains("fluoxetine lowered BMP signalling");
        long seedFinding = suggestion.get("to").get("id").asLong();
        assertThat(list(http.get("/api/findings/" + seedFinding).json().get("effects")))
                .as("the seed's finding lowers BMP signalling too")
                .anySatisfy(e -> {
                    assertThat(e.get("direction").asString()).isEqualTo("DECREASES");
                    assertThat(e.get("object").get("name").asString()).isEqualTo(BMP);
                });
        assertThat(suggestion.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(suggestion.get("reason").asString()).contains("decreases " + BMP).contains("Fluoxetine");

        long id = suggestion.get("id").asLong();
        if (suggestion.get("status").asString().equals("SUGGESTED")) {
            assertThat(linksOf(lowering)).as("a suggestion is not a link").noneMatch(l -> l.get("findingId").asLong() == seedFinding);
            Reply accepted = http.send("POST", "/api/links/suggested/" + id + "/accept", "", TestKeys.curator());
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
            assertThat(accepted.json().has("decidedBy")).isTrue();
            assertThat(accepted.json().has("decidedAt")).isTrue();
        }
        assertThat(linksOf(lowering)).anySatisfy(l -> {
            assertThat(l.get("type").asString()).isEqualTo("SUPPORTS");
            assertThat(l.get("findingId").asLong()).isEqualTo(seedFinding);
            assertThat(l.get("direction").asString()).isEqualTo("OUTGOING");
        });
        assertThat(linksOf(seedFinding)).anySatisfy(l -> assertThat(l.get("findingId").asLong()).isEqualTo(lowering));

        List<JsonNode> revisions = list(http.get("/api/links/suggested/" + id + "/revisions").json());
        assertThat(revisions.get(0).get("changeType").asString()).isEqualTo("CREATED");
        JsonNode decided = revisions.get(revisions.size() - 1);
        assertThat(decided.get("changeType").asString()).isEqualTo("UPDATED");
        assertThat(decided.get("keyName").asString()).isEqualTo(http.get("/api/links/suggested/" + id).json()
                .get("decidedBy").asString());
        assertThat(list(decided.get("changes"))).anySatisfy(c -> {
            assertThat(c.get("field").asString()).isEqualTo("status");
            assertThat(c.get("before").asString()).isEqualTo("SUGGESTED");
            assertThat(c.get("after").asString()).isEqualTo("ACCEPTED");
        });
        assertThat(list(http.get("/api/links/suggested?size=100&finding=" + lowering).json().get("content")))
                .as("the default list holds only what waits for a verdict")
                .noneMatch(s -> s.get("id").asLong() == id).allMatch(s -> s.get("status").asString().equals("SUGGESTED"));

        Reply again = http.send("POST", "/api/links/suggested/" + id + "/accept", "", TestKeys.curator());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("type").asString()).isEqualTo("/problems/suggestion-decided");
        assertThat(http.send("POST", "/api/links/suggested/" + id + "/dismiss", "", TestKeys.curator()).status())
                .isEqualTo(409);
        assertThat(linksOf(lowering).stream().filter(l -> l.get("findingId").asLong() == seedFinding).count())
                .as("accepting once made one link").isEqualTo(1);
    }

    @Test
    void theSameDrugRaisingBmpIsSuggestedAsAContradictionThatCanBeDismissed() throws IOException {
        long raisingStudy = ingest(RAISES);
        JsonNode raising = findingsOf(raisingStudy).stream()
                .filter(f -> f.get("statement").asString().contains("fluoxetine raised BMP signalling"))
                .findFirst().orElseThrow();
        JsonNode contradiction = suggestionsOf(raising.get("id").asLong()).stream()
                .filter(s -> s.get("to").get("id").asLong() == lowering).findFirst()
                .orElseThrow(() -> new AssertionError("no suggestion to the lowering finding in "
                        + suggestionsOf(raising.get("id").asLong())));
        assertThat(contradiction.get("type").asString()).isEqualTo("CONTRADICTS");
        assertThat(contradiction.get("reason").asString()).contains("Fluoxetine").contains("decreases").contains("increases");

        long id = contradiction.get("id").asLong();
        if (contradiction.get("status").asString().equals("SUGGESTED")) {
            Reply dismissed = http.send("POST", "/api/links/suggested/" + id + "/dismiss", "", TestKeys.curator());
            assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(200);
            assertThat(dismissed.json().get("status").asString()).isEqualTo("DISMISSED");
        }
        assertThat(http.get("/api/links/suggested/" + id).json().get("status").asString()).isEqualTo("DISMISSED");
        assertThat(list(http.get("/api/links/suggested?status=DISMISSED&type=CONTRADICTS&size=100").json().get("content")))
                .anySatisfy(s -> assertThat(s.get("id").asLong()).isEqualTo(id));
        Reply accept = http.send("POST", "/api/links/suggested/" + id + "/accept", "", TestKeys.curator());
        assertThat(accept.status()).as("a dismissed suggestion is not accepted").isEqualTo(409);
        assertThat(linksOf(raising.get("id").asLong())).noneMatch(l -> l.get("findingId").asLong() == lowering);
    }

    @Test
    void unknownSuggestionsAre404AndVerdictsNeedAKey() {
        Reply unknown = http.send("POST", "/api/links/suggested/987654321/accept", "", TestKeys.curator());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/links/suggested/987654321").status()).isEqualTo(404);

        long id = supportsFromTheSeed().get("id").asLong();
        String before = http.get("/api/links/suggested/" + id).json().get("status").asString();
        Reply anonymous = http.send("POST", "/api/links/suggested/" + id + "/dismiss", "");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/links/suggested/" + id).json().get("status").asString()).isEqualTo(before);

        Reply badStatus = http.get("/api/links/suggested?status=MAYBE");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnrelatedArticleIsSuggestedNothing() throws IOException {
        long total = http.get("/api/links/suggested?size=1").json().get("page").get("totalElements").asLong();
        long studyId = ingest(UNRELATED);
        List<JsonNode> findings = findingsOf(studyId);
        assertThat(findings).isNotEmpty();
        for (JsonNode finding : findings) {
            assertThat(suggestionsOf(finding.get("id").asLong())).as("suggestions of " + finding).isEmpty();
        }
        assertThat(http.get("/api/links/suggested?size=1").json().get("page").get("totalElements").asLong())
                .isEqualTo(total);
    }
}
