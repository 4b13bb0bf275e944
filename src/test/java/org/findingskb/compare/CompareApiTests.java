package org.findingskb.compare;

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
 * Across studies through real HTTP, with the seed and an invented article about an antidepressant that lowers BMP
 * signalling in the hippocampus: the comparison on BMP lists both studies with DECREASES and their quotes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kb.test.context=curation")
class CompareApiTests {

    private static final String ARTICLE = "compare/antidepressant-quiets-bmp-in-hippocampus.txt";
    private static final String SEED_TITLE = "How ketamine helps depression quickly and over time";

    @LocalServerPort
    int port;

    Http http;
    long studyId;

    @BeforeEach
    void ingestTheInventedArticle() throws IOException {
        http = new Http(port);
        String text = new String(new ClassPathResource(ARTICLE).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Reply reply = http.send("POST", "/api/sources", text, TestKeys.curator("Content-Type", "text/plain"));
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
        studyId = reply.json().get("studyId").asLong();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private JsonNode rowOf(JsonNode comparison, String title) {
        return list(comparison.get("rows")).stream().filter(r -> r.get("study").get("title").asString().equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + title + " in " + comparison));
    }

    private JsonNode rowOf(JsonNode comparison, long id) {
        return list(comparison.get("rows")).stream().filter(r -> r.get("study").get("id").asLong() == id)
                .findFirst().orElseThrow(() -> new AssertionError("no row for study " + id + " in " + comparison));
    }

    /** The row's effects that lower BMP signalling, each checked to quote its finding's source. */
    private List<JsonNode> bmpDecreases(JsonNode row) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode effect : row.get("effects")) {
            if (effect.get("direction").asString().equals("DECREASES")
                    && effect.get("object").get("name").asString().equals("Bone Morphogenetic Proteins")) {
                JsonNode finding = http.get("/api/findings/" + effect.get("findingId").asLong()).json();
                JsonNode source = http.get("/api/sources/" + finding.get("evidence").get(0).get("sourceId").asLong()).json();
                assertThat(source.get("text").asString()).contains(effect.get("quote").asString());
                assertThat(finding.get("statement").asString()).contains(effect.get("quote").asString());
                found.add(effect);
            }
        }
        return found;
    }

    @Test
    void comparingOnBmpListsBothStudiesWithDecreasesAndTheirQuotes() {
        Reply reply = http.get("/api/compare?concept=BMP");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode comparison = reply.json();
        assertThat(comparison.get("concept").get("name").asString()).isEqualTo("Bone Morphogenetic Proteins");

        List<JsonNode> seed = bmpDecreases(rowOf(comparison, SEED_TITLE));
        List<JsonNode> invented = bmpDecreases(rowOf(comparison, studyId));
        assertThat(seed).as("the seed's effects on BMP").isNotEmpty();
        assertThat(invented).as("the new study's effects on BMP").isNotEmpty();
        assertThat(invented).anySatisfy(e -> {
            assertThat(e.get("subject").get("name").asString()).isEqualTo("Fluoxetine");
            assertThat(e.get("quote").asString()).contains("fluoxetine lowered BMP signalling");
        });

        JsonNode row = rowOf(comparison, studyId);
        assertThat(row.get("design").has("type")).isTrue();
        assertThat(list(row.get("findings"))).isNotEmpty();
        assertThat(list(comparison.get("agreement"))).anySatisfy(a -> {
            assertThat(a.get("direction").asString()).isEqualTo("DECREASES");
            assertThat(a.get("object").get("name").asString()).isEqualTo("Bone Morphogenetic Proteins");
            assertThat(list(a.get("studyIds")).stream().map(JsonNode::asLong).toList()).contains(studyId);
        });
    }

    @Test
    void aFindingCarriesTheEffectsItsSentenceStates() {
        JsonNode findings = http.get("/api/studies/" + studyId + "/findings?size=100").json().get("content");
        JsonNode lowering = list(findings).stream()
                .filter(f -> f.get("statement").asString().contains("fluoxetine lowered BMP signalling"))
                .findFirst().orElseThrow();
        JsonNode effect = lowering.get("effects").get(0);
        assertThat(effect.get("subject").get("name").asString()).isEqualTo("Fluoxetine");
        assertThat(effect.get("direction").asString()).isEqualTo("DECREASES");
        assertThat(effect.get("object").get("name").asString()).isEqualTo("Bone Morphogenetic Proteins");
        assertThat(list(lowering.get("effects"))).as("the hippocampus is where, not what")
                .noneMatch(e -> e.get("object").get("name").asString().equals("Hippocampus"));
        JsonNode evidence = effect.get("evidence");
        String text = http.get("/api/sources/" + evidence.get("sourceId").asLong()).json().get("text").asString();
        assertThat(text.substring(evidence.get("start").asInt(), evidence.get("end").asInt()))
                .isEqualTo(evidence.get("exact").asString());
    }

    @Test
    void theStudiesAboutAConceptComeWithTheirFindingsAboutIt() {
        long bmp = http.get("/api/concepts?q=BMP").json().get("content").get(0).get("id").asLong();
        JsonNode page = http.get("/api/concepts/" + bmp + "/studies").json();
        List<JsonNode> entries = list(page.get("content"));
        assertThat(entries).extracting(e -> e.get("study").get("id").asLong()).contains(studyId);
        assertThat(entries).extracting(e -> e.get("study").get("title").asString()).contains(SEED_TITLE);
        entries.forEach(e -> assertThat(list(e.get("findings"))).isNotEmpty());
        assertThat(page.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aComparisonComesAsCsvAndMarkdownWithEveryQuote() {
        Reply csv = http.get("/api/compare?concept=BMP", "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("studyId,study,population,design").contains("fluoxetine lowered BMP signalling")
                .contains("DECREASES");
        Reply md = http.get("/api/compare?concept=BMP", "Accept", "text/markdown");
        assertThat(md.status()).isEqualTo(200);
        assertThat(md.body()).contains("| study |").contains("fluoxetine lowered BMP signalling").contains("## Agreement");
    }

    @Test
    void namedStudiesAreComparedInTheOrderGiven() {
        JsonNode comparison = http.get("/api/compare?studies=" + studyId).json();
        assertThat(comparison.get("concept").isNull()).isTrue();
        assertThat(list(comparison.get("rows"))).hasSize(1);
        assertThat(rowOf(comparison, studyId).get("effects").size()).isPositive();
    }

    @Test
    void badComparisonsAreProblemsNamingWhatIsWrong() {
        Reply neither = http.get("/api/compare");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.contentType()).startsWith("application/problem+json");
        Reply both = http.get("/api/compare?concept=BMP&studies=1");
        assertThat(both.status()).isEqualTo(400);
        Reply unknown = http.get("/api/compare?concept=no-such-concept-anywhere");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        Reply notIds = http.get("/api/compare?studies=abc");
        assertThat(notIds.status()).isEqualTo(400);
        Reply missingStudy = http.get("/api/compare?studies=999999999");
        assertThat(missingStudy.status()).isEqualTo(404);
        StringBuilder many = new StringBuilder("1");
        for (int i = 2; i <= 51; i++) {
            many.append(',').append(i);
        }
        assertThat(http.get("/api/compare?studies=" + many).status()).isEqualTo(400);
        assertThat(http.get("/api/concepts/999999999/studies").status()).isEqualTo(404);
    }

    @Test
    void aCuratorReplacesAFindingsEffectsAndTheHistoryNamesThem() {
        JsonNode finding = list(http.get("/api/studies/" + studyId + "/findings?size=100").json().get("content")).stream()
                .filter(f -> f.get("statement").asString().contains("fluoxetine lowered BMP signalling"))
                .findFirst().orElseThrow();
        long id = finding.get("id").asLong();
        long subject = finding.get("effects").get(0).get("subject").get("id").asLong();
        long object = finding.get("effects").get(0).get("object").get("id").asLong();
        String body = "{\"effects\": [{\"subjectId\": " + subject + ", \"direction\": \"ASSOCIATED\", \"objectId\": "
                + object + "}]}";
        Reply patched = http.send("PATCH", "/api/findings/" + id, body, TestKeys.curator(
                "Content-Type", "application/merge-patch+json", "If-Match", "\"" + finding.get("version").asLong() + "\""));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode effects = patched.json().get("effects");
        assertThat(effects).hasSize(1);
        assertThat(effects.get(0).get("direction").asString()).isEqualTo("ASSOCIATED");
        assertThat(effects.get(0).get("evidence").get("exact").asString())
                .as("an effect given without a quote rests on the finding's").isEqualTo(
                        finding.get("evidence").get(0).get("exact").asString());
        assertThat(patched.json().get("origin").asString()).isEqualTo("CURATED");
        JsonNode revisions = http.get("/api/findings/" + id + "/revisions").json();
        assertThat(list(revisions).get(revisions.size() - 1).toString()).contains("effects");

        Reply unknownConcept = http.send("PATCH", "/api/findings/" + id,
                "{\"effects\": [{\"subjectId\": 999999999, \"direction\": \"INCREASES\", \"objectId\": " + object + "}]}",
                TestKeys.curator("Content-Type", "application/merge-patch+json",
                        "If-Match", "\"" + patched.json().get("version").asLong() + "\""));
        assertThat(unknownConcept.status()).isEqualTo(422);
        assertThat(unknownConcept.body()).contains("effects[0].subjectId");
        JsonNode current = http.get("/api/findings/" + id).json();
        assertThat(current.get("effects").get(0).get("direction").asString())
                .as("a refused write changes nothing").isEqualTo("ASSOCIATED");

        // Back as read, for the tests that read this finding's effects.
        Reply restored = http.send("PATCH", "/api/findings/" + id, "{\"effects\": [{\"subjectId\": " + subject
                + ", \"direction\": \"DECREASES\", \"objectId\": " + object + "}]}", TestKeys.curator(
                "Content-Type", "application/merge-patch+json", "If-Match", "\"" + current.get("version").asLong() + "\""));
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
    }
}
