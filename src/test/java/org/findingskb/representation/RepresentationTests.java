package org.findingskb.representation;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** The other formats clients ask for: JSON-LD, Markdown, CSV, indented JSON, and 406 for the rest. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RepresentationTests {

    private static final String SCHEMA = "https://schema.org/";
    private static final String OA = "http://www.w3.org/ns/oa#";

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private JsonNode firstFindingWithEvidence() {
        return http.get("/api/findings?size=1").json().get("content").get(0);
    }

    /** The document expanded by a JSON-LD processor: full IRIs, no context. */
    private static JsonArray expand(String document) throws Exception {
        return JsonLd.expand(JsonDocument.of(new StringReader(document))).get();
    }

    private static List<String> values(JsonObject node, String property) {
        List<String> values = new ArrayList<>();
        JsonArray array = node.getJsonArray(property);
        if (array != null) {
            for (JsonValue value : array) {
                JsonObject object = value.asJsonObject();
                values.add(object.containsKey("@value") ? object.get("@value").toString().replace("\"", "")
                        : object.getString("@id", ""));
            }
        }
        return values;
    }

    @Test
    void aFindingAsJsonLdIsAClaimWhoseEvidenceIsAWebAnnotationQuotingTheSource() throws Exception {
        JsonNode finding = firstFindingWithEvidence();
        Reply reply = http.get("/api/findings/" + finding.get("id").asLong(), "Accept", "application/ld+json");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/ld+json");
        assertThat(reply.header("ETag").orElseThrow()).startsWith("\"" + finding.get("version").asLong() + "-")
                .isNotEqualTo(http.get("/api/findings/" + finding.get("id").asLong()).header("ETag").orElseThrow());

        JsonObject claim = expand(reply.body()).getJsonObject(0);
        assertThat(claim.getString("@id")).endsWith("/api/findings/" + finding.get("id").asLong());
        assertThat(claim.getJsonArray("@type").getString(0)).isEqualTo(SCHEMA + "Claim");
        assertThat(values(claim, SCHEMA + "text")).containsExactly(finding.get("statement").asString());
        JsonObject annotation = claim.getJsonArray(SCHEMA + "appearance").getJsonObject(0);
        assertThat(annotation.getJsonArray("@type").getValuesAs(JsonValue::toString)).contains("\"" + OA + "Annotation\"");
        JsonObject target = annotation.getJsonArray(OA + "hasTarget").getJsonObject(0);
        assertThat(values(target, OA + "hasSource")).singleElement().asString()
                .endsWith("/api/sources/" + finding.get("evidence").get(0).get("sourceId").asLong());
        JsonObject quote = target.getJsonArray(OA + "hasSelector").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getJsonArray("@type").getString(0).equals(OA + "TextQuoteSelector")).findFirst().orElseThrow();
        assertThat(values(quote, OA + "exact")).containsExactly(finding.get("evidence").get(0).get("exact").asString());
        JsonObject position = target.getJsonArray(OA + "hasSelector").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getJsonArray("@type").getString(0).equals(OA + "TextPositionSelector")).findFirst().orElseThrow();
        assertThat(values(position, OA + "start")).containsExactly(finding.get("evidence").get(0).get("start").asString());
        assertThat(values(position, OA + "end")).containsExactly(finding.get("evidence").get(0).get("end").asString());
    }

    @Test
    void aStudyAsJsonLdIsAMedicalStudyCitingItsArticleAndItsNewsReport() throws Exception {
        JsonNode study = http.get("/api/studies/1").json();
        Reply reply = http.get("/api/studies/" + study.get("slug").asString(), "Accept", "application/ld+json");
        assertThat(reply.status()).isEqualTo(200);
        JsonObject node = expand(reply.body()).getJsonObject(0);
        assertThat(node.getJsonArray("@type").getString(0)).isEqualTo(SCHEMA + "MedicalStudy");
        assertThat(values(node, SCHEMA + "name")).containsExactly(study.get("title").asString());
        JsonObject paper = node.getJsonArray(SCHEMA + "citation").getJsonObject(0);
        assertThat(paper.getJsonArray("@type").getString(0)).isEqualTo(SCHEMA + "ScholarlyArticle");
        JsonObject journal = paper.getJsonArray(SCHEMA + "isPartOf").getJsonObject(0);
        assertThat(values(journal, SCHEMA + "name")).containsExactly(study.get("journal").asString());
        assertThat(paper.getJsonArray(SCHEMA + "author")).hasSize(study.get("researchers").size());
        JsonObject report = node.getJsonArray(SCHEMA + "subjectOf").getJsonObject(0);
        assertThat(report.getJsonArray("@type").getString(0)).isEqualTo(SCHEMA + "NewsArticle");
    }

    @Test
    void aSummaryAsJsonLdRestsEachPartOnItsFindings() throws Exception {
        JsonNode summary = http.get("/api/studies/1/summary").json();
        Reply reply = http.get("/api/studies/1/summary", "Accept", "application/ld+json");
        assertThat(reply.status()).isEqualTo(200);
        JsonObject node = expand(reply.body()).getJsonObject(0);
        assertThat(values(node, SCHEMA + "abstract")).containsExactly(summary.get("plainLanguage").valueStream()
                .map(s -> s.get("text").asString()).collect(java.util.stream.Collectors.joining(" ")));
        List<JsonObject> parts = node.getJsonArray(SCHEMA + "hasPart").getValuesAs(JsonObject.class);
        assertThat(parts).hasSize(2 + summary.get("implications").size());
        assertThat(parts).allSatisfy(part -> assertThat(values(part, SCHEMA + "isBasedOn"))
                .isNotEmpty().allMatch(id -> id.matches(".*/api/findings/\\d+")));
    }

    @Test
    void aSummaryAsMarkdownReadsWellAndCarriesItsCitation() {
        JsonNode summary = http.get("/api/studies/1/summary").json();
        for (Reply reply : List.of(http.get("/api/studies/1/summary", "Accept", "text/markdown"),
                http.get("/api/studies/1/summary?format=md"))) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("text/markdown");
            assertThat(reply.body()).startsWith("# ").contains("## Fast effect", "## Lasting effect", "## Caveats")
                    .contains("Onset: " + summary.get("effects").get("rapid").get("onset").asString())
                    .contains("**Citation:**");
            assertThat(reply.body().replace("\\", "")).contains(summary.get("citation").asString());
        }
    }

    @Test
    void findingsAsCsvAreThePageWithItsTotalAndNextPageInHeaders() {
        Reply json = http.get("/api/findings?size=5");
        Reply csv = http.get("/api/findings?size=5", "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("id,studyId,kind,timescale,certainty");
        assertThat(lines).hasSize(1 + 5);
        for (int i = 0; i < 5; i++) {
            JsonNode finding = json.json().get("content").get(i);
            assertThat(lines.get(i + 1)).startsWith(finding.get("id").asLong() + "," + finding.get("studyId").asLong()
                    + "," + finding.get("kind").asString());
        }
        assertThat(csv.header("X-Total-Count")).contains(json.json().get("page").get("totalElements").asString());
        assertThat(csv.header("Link").orElseThrow()).contains("rel=\"next\"").contains("cursor=");
        assertThat(http.get("/api/findings?size=5", "Accept", "text/csv;q=0.5, application/json").contentType())
                .startsWith("application/json");
    }

    @Test
    void theCsvLinkHeaderLeadsToTheNextPageOfTheSameQuery() {
        String first = "/api/findings?size=2&q=%22ketamine%22";
        Reply page = http.get(first, "Accept", "text/csv");
        assertThat(page.status()).isEqualTo(200);
        String link = page.header("Link").orElseThrow();
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        assertThat(next).contains("q=%22ketamine%22").doesNotContain("%25");
        Reply followed = http.get(next.substring(next.indexOf("/api/")), "Accept", "text/csv");
        assertThat(followed.status()).as("%s", followed).isEqualTo(200);
        Reply sameAsJson = http.get(first, "Accept", "application/json");
        String cursor = sameAsJson.json().get("cursor").asString();
        assertThat(http.get(first + "&cursor=" + cursor).json().get("content").get(0).get("id").asString())
                .isEqualTo(followed.body().lines().skip(1).findFirst().orElseThrow().split(",")[0]);
    }

    @Test
    void anUnsupportedAcceptIsNotAcceptable() {
        for (String[] request : List.of(new String[] {"/api/findings", "application/xml"},
                new String[] {"/api/findings", "text/markdown"}, new String[] {"/api/studies/1", "text/csv"},
                new String[] {"/api/findings/1", "image/png"})) {
            Reply reply = http.get(request[0], "Accept", request[1]);
            assertThat(reply.status()).as("%s as %s", request[0], request[1]).isEqualTo(406);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void jsonIsCompactUnlessTheClientAsksForIndentation() {
        assertThat(http.get("/api/studies/1").body()).doesNotContain("\n");
        String pretty = http.get("/api/studies/1?pretty").body();
        assertThat(pretty).contains("\n  \"id\" : 1");
        assertThat(http.get("/api/studies/1", "X-Pretty-Print", "true").body()).isEqualTo(pretty);
        assertThat(http.get("/api/findings/987654?pretty").body()).contains("\n  \"status\" : 404");
        assertThat(http.get("/api/studies/1?pretty=false").body()).doesNotContain("\n");
    }

    @Test
    void theIndexIsAGoodStartForADemo() {
        JsonNode index = http.get("/api").json();
        assertThat(index.get("description").asString()).isNotBlank();
        assertThat(index.get("examples").size()).isGreaterThanOrEqualTo(5);
        index.get("examples").forEach(example -> {
            String path = example.asString().replace("http://localhost:" + port, "");
            assertThat(http.get(path).status()).as(path).isEqualTo(200);
        });
    }
}
