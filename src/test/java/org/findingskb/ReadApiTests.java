package org.findingskb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.SeedGold;
import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** The seeded knowledge base, read through real HTTP as clients read it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadApiTests {

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
        assertThat(reply.contentType()).startsWith("application/json");
        return reply.json();
    }

    private JsonNode problem(String path, int status) {
        Reply reply = http.get(path);
        assertThat(reply.status()).as("GET %s: %s", path, reply).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode body = reply.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("type").asString()).startsWith("/problems/");
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.get("instance").asString()).isEqualTo(path.replaceAll("\\?.*", ""));
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at org.");
        return body;
    }

    private JsonNode seededStudy() {
        return ok("/api/studies").get("content").get(0);
    }

    private List<JsonNode> allFindings(String query) {
        List<JsonNode> all = new ArrayList<>();
        ok("/api/findings?size=100" + query).get("content").forEach(all::add);
        return all;
    }

    @Test
    void indexLinksEveryCollectionAndCountsWhatTheKnowledgeBaseHolds() {
        JsonNode index = ok("/api");
        assertThat(index.get("name").asString()).isEqualTo("Findings KB");
        for (String link : List.of("studies", "findings", "mechanisms", "concepts", "sources", "openapi", "swaggerUi")) {
            assertThat(index.get("links").get(link).asString()).as(link).startsWith("http://localhost:" + port + "/");
        }
        assertThat(index.get("counts").get("studies").asLong()).isEqualTo(1);
        assertThat(index.get("counts").get("sources").asLong()).isEqualTo(1);
        assertThat(index.get("counts").get("findings").asLong())
                .isEqualTo(ok("/api/findings").get("page").get("totalElements").asLong()).isGreaterThan(10);
        assertThat(index.get("counts").get("mechanisms").asLong()).isEqualTo(2);
    }

    @Test
    void seededStudyCarriesTheMetadataItsArticleStates() {
        JsonNode study = seededStudy();
        JsonNode gold = SeedGold.study();
        assertThat(study.get("journal").asString()).isEqualTo(gold.get("journal").asString());
        assertThat(study.get("institution").asString()).isEqualTo(gold.get("institution").asString());
        assertThat(study.get("population").isNull()).as("the article does not state the population").isTrue();
        assertThat(gold.get("population").isNull()).isTrue();
        assertThat(study.get("doi").isNull()).isTrue();
        assertThat(study.get("title").asString()).isEqualTo(SeedGold.source().get("title").asString());
        assertThat(study.get("source").get("publisher").asString())
                .isEqualTo(SeedGold.source().get("publisher").asString());
        assertThat(study.get("source").get("publishedYear").asInt())
                .isEqualTo(SeedGold.source().get("publishedYear").asInt());
        List<String> researchers = new ArrayList<>();
        study.get("researchers").forEach(r -> researchers.add(r.get("name").asString() + ":" + r.get("role").asString()));
        assertThat(researchers).containsExactlyInAnyOrderElementsOf(SeedGold.researchersWithFirstRole());
        assertThat(study.get("researchers")).allSatisfy(r -> assertThat(r.get("description").asString()).isNotBlank());
        assertThat(study.get("interventions").valueStream().map(c -> c.get("name").asString().toLowerCase()))
                .contains(SeedGold.firstIntervention());
        assertThat(study.get("conditions").valueStream().map(c -> c.get("name").asString().toLowerCase()))
                .anyMatch(name -> name.contains(gold.get("conditions").get(0).asString()));
        assertThat(study.get("findingCount").asLong()).isEqualTo(allFindings("").size());
        assertThat(study.get("mechanismCount").asLong()).isEqualTo(2);
    }

    @Test
    void studyIsTheSameByIdAndBySlug() {
        JsonNode study = seededStudy();
        assertThat(ok("/api/studies/" + study.get("id").asLong())).isEqualTo(study);
        assertThat(ok("/api/studies/" + study.get("slug").asString())).isEqualTo(study);
        assertThat(study.get("slug").asString()).matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    @Test
    void everyEvidenceSpanQuotesItsSourceTextExactly() {
        for (JsonNode finding : allFindings("")) {
            assertThat(finding.get("evidence").size()).as("finding %s has evidence", finding.get("id")).isPositive();
            for (JsonNode span : finding.get("evidence")) {
                String text = ok("/api/sources/" + span.get("sourceId").asLong()).get("text").asString();
                int start = span.get("start").asInt();
                int end = span.get("end").asInt();
                assertThat(text.substring(start, end)).isEqualTo(span.get("exact").asString());
                assertThat(text.substring(0, start)).endsWith(span.get("prefix").asString());
                assertThat(text.substring(end)).startsWith(span.get("suffix").asString());
                assertThat(span.get("prefix").asString().length()).isLessThanOrEqualTo(32);
                assertThat(span.get("suffix").asString().length()).isLessThanOrEqualTo(32);
                assertThat(finding.get("statement").asString()).isNotBlank();
            }
        }
    }

    @Test
    void sourceAnnotationsPointAtTheFindingsEvidence() {
        JsonNode sources = ok("/api/sources");
        JsonNode listed = sources.get("content").get(0);
        assertThat(listed.has("text")).as("lists leave the text out").isFalse();
        JsonNode source = ok("/api/sources/" + listed.get("id").asLong());
        listed.properties().forEach(field -> assertThat(source.get(field.getKey()))
                .as("the detail shows the listed field %s, flat", field.getKey()).isEqualTo(field.getValue()));
        assertThat(source.get("length").asInt()).isEqualTo(source.get("text").asString().length());
        assertThat(source.get("sha256").asString()).matches("[0-9a-f]{64}");
        Set<String> annotations = new HashSet<>();
        source.get("annotations").forEach(a -> annotations.add(
                a.get("findingId").asLong() + "@" + a.get("start").asInt() + "-" + a.get("end").asInt()));
        Set<String> evidence = new HashSet<>();
        allFindings("").forEach(f -> f.get("evidence").forEach(e -> evidence.add(
                f.get("id").asLong() + "@" + e.get("start").asInt() + "-" + e.get("end").asInt())));
        assertThat(annotations).isEqualTo(evidence);
    }

    @Test
    void findingsFiltersReturnOnlyWhatTheyName() {
        List<JsonNode> all = allFindings("");
        for (String kind : List.of("RESULT", "MECHANISM", "PRIOR_WORK", "IMPLICATION", "CONTEXT")) {
            List<JsonNode> filtered = allFindings("&kind=" + kind.toLowerCase());
            assertThat(filtered).allMatch(f -> f.get("kind").asString().equals(kind));
            assertThat(filtered).hasSize((int) all.stream().filter(f -> f.get("kind").asString().equals(kind)).count());
        }
        assertThat(allFindings("&timescale=Rapid")).isNotEmpty()
                .allMatch(f -> f.get("timescale").asString().equals("RAPID"));
        assertThat(allFindings("&certainty=suggested")).isNotEmpty()
                .allMatch(f -> f.get("certainty").asString().equals("SUGGESTED"));
        assertThat(allFindings("&kind=mechanism&timescale=sustained")).isNotEmpty()
                .allMatch(f -> f.get("kind").asString().equals("MECHANISM")
                        && f.get("timescale").asString().equals("SUSTAINED"));
        assertThat(allFindings("&q=HIPPOCAMPUS")).isNotEmpty()
                .allMatch(f -> f.get("statement").asString().toLowerCase().contains("hippocampus"));
        assertThat(allFindings("&studyId=" + seededStudy().get("id").asLong())).hasSize(all.size());
        assertThat(allFindings("&studyId=987654")).isEmpty();
    }

    @Test
    void conceptFilterMatchesIdNameOrAnySynonym() {
        String intervention = SeedGold.firstIntervention();
        JsonNode concept = ok("/api/concepts?q=" + intervention).get("content").get(0);
        List<JsonNode> byName = allFindings("&concept=" + intervention.toUpperCase());
        assertThat(byName).isNotEmpty().allMatch(f -> f.get("concepts").valueStream()
                .anyMatch(c -> c.get("id").asLong() == concept.get("id").asLong()));
        assertThat(allFindings("&concept=" + concept.get("id").asLong())).isEqualTo(byName);
        assertThat(ok("/api/concepts/" + concept.get("id").asLong() + "/findings?size=100").get("content"))
                .hasSize(byName.size());
        assertThat(concept.get("findingCount").asLong()).isEqualTo(byName.size());

        JsonNode withSynonym = ok("/api/concepts?size=100").get("content").valueStream()
                .filter(c -> c.get("synonyms").size() > 0 && c.get("findingCount").asLong() > 0).findFirst().orElseThrow();
        String synonym = withSynonym.get("synonyms").get(0).asString();
        assertThat(allFindings("&concept=" + encode(synonym))).hasSize((int) withSynonym.get("findingCount").asLong());
        assertThat(allFindings("&concept=no-such-concept-anywhere")).isEmpty();
        assertThat(allFindings("&conceptType=brain_region")).isNotEmpty().allMatch(f -> f.get("concepts").valueStream()
                .anyMatch(c -> c.get("type").asString().equals("BRAIN_REGION")));
    }

    @Test
    void bothMechanismsOfTheSeedAreServedWithTheirParts() {
        long studyId = seededStudy().get("id").asLong();
        JsonNode mechanisms = ok("/api/studies/" + studyId + "/mechanisms");
        assertThat(mechanisms).hasSize(2);
        JsonNode rapid = mechanisms.valueStream().filter(m -> m.get("timescale").asString().equals("RAPID"))
                .findFirst().orElseThrow();
        JsonNode sustained = mechanisms.valueStream().filter(m -> m.get("timescale").asString().equals("SUSTAINED"))
                .findFirst().orElseThrow();
        assertThat(rapid.get("onset").asString()).contains("hours");
        assertThat(rapid.get("description").asString().toLowerCase()).contains("active");
        assertThat(names(sustained.get("brainRegions"))).anyMatch(n -> n.toLowerCase().contains("hippocamp"));
        assertThat(names(sustained.get("pathways"))).anyMatch(n -> n.toLowerCase().contains("bmp")
                || n.toLowerCase().contains("bone morphogenetic"));
        assertThat(names(rapid.get("cellTypes"))).anyMatch(n -> n.toLowerCase().contains("neuron"));
        assertThat(names(sustained.get("interventions"))).anyMatch(n -> n.equalsIgnoreCase(SeedGold.firstIntervention()));
        for (JsonNode mechanism : mechanisms) {
            assertThat(ok("/api/mechanisms/" + mechanism.get("id").asLong())).isEqualTo(mechanism);
            assertThat(mechanism.get("findingIds")).isNotEmpty();
            for (JsonNode findingId : mechanism.get("findingIds")) {
                JsonNode finding = ok("/api/findings/" + findingId.asLong());
                assertThat(finding.get("mechanismIds").valueStream().map(JsonNode::asLong))
                        .contains(mechanism.get("id").asLong());
            }
        }
        assertThat(ok("/api/mechanisms?timescale=rapid").get("content")).hasSize(1);
        assertThat(ok("/api/mechanisms?concept=hippocampus").get("content").get(0).get("id").asLong())
                .isEqualTo(sustained.get("id").asLong());
    }

    @Test
    void summaryRestsEverySentenceOnTheStudysFindingsAndNamesItsCaveats() {
        JsonNode study = seededStudy();
        JsonNode summary = ok("/api/studies/" + study.get("slug").asString() + "/summary");
        Map<Long, JsonNode> findings = new HashMap<>();
        allFindings("&studyId=" + study.get("id").asLong()).forEach(f -> findings.put(f.get("id").asLong(), f));

        assertThat(summary.get("study").get("id").asLong()).isEqualTo(study.get("id").asLong());
        assertThat(summary.get("study").get("slug").asString()).isEqualTo(study.get("slug").asString());
        assertThat(summary.get("study").get("links").get("findings").asString())
                .endsWith("/api/studies/" + study.get("id").asLong() + "/findings");
        assertThat(summary.get("study").get("links").get("source").asString())
                .endsWith("/api/sources/" + study.get("source").get("id").asLong());
        assertThat(summary.get("headline").asString()).isNotBlank();
        assertThat(summary.get("design")).as("the study's own design").isEqualTo(study.get("design"));
        assertThat(summary.get("plainLanguage").size()).isBetween(2, 4);
        assertThat(summary.get("effects").get("rapid").get("onset").asString()).contains("hours");
        assertThat(summary.get("effects").get("sustained").get("sentences")).isNotEmpty();
        List<JsonNode> grounded = new ArrayList<>();
        summary.get("plainLanguage").forEach(grounded::add);
        summary.get("effects").get("rapid").get("sentences").forEach(grounded::add);
        summary.get("effects").get("sustained").get("sentences").forEach(grounded::add);
        summary.get("implications").forEach(grounded::add);
        assertThat(summary.get("implications")).isNotEmpty();
        for (JsonNode part : grounded) {
            assertThat(part.get("findings")).isNotEmpty();
            for (JsonNode ref : part.get("findings")) {
                JsonNode finding = findings.get(ref.get("id").asLong());
                assertThat(finding).as("finding %s of the study", ref.get("id")).isNotNull();
                assertThat(ref.propertyNames()).containsExactlyInAnyOrder("id", "statement", "kind", "timescale", "certainty");
                assertThat(ref.get("statement").asString()).isEqualTo(finding.get("statement").asString());
                assertThat(ref.get("kind").asString()).isEqualTo(finding.get("kind").asString());
                assertThat(finding.get("reportedBy").asString()).isEqualTo("STUDY");
                assertThat(finding.get("needsReview").asBoolean()).isFalse();
            }
        }
        List<String> codes = summary.get("caveats").valueStream().map(c -> c.get("code").asString()).toList();
        // The seed article never says who or what was studied, and names no journal in its text.
        assertThat(codes).contains("NEWS_REPORT", "STATED_HARM", "NOT_STATED_POPULATION");
        // No caveat claims the source omits a field the study has.
        Map.of("NOT_STATED_POPULATION", "population", "NOT_STATED_JOURNAL", "journal", "NOT_STATED_DOI", "doi")
                .forEach((code, field) -> {
                    if (codes.contains(code)) {
                        assertThat(study.get(field).isNull()).as("%s while the study's %s is %s", code, field,
                                study.get(field)).isTrue();
                    }
                });
        JsonNode harm = summary.get("caveats").valueStream().filter(c -> c.get("code").asString().equals("STATED_HARM"))
                .findFirst().orElseThrow();
        assertThat(harm.get("findings").toString().toLowerCase()).contains("side effects");
        assertThat(summary.get("citation").asString()).contains(SeedGold.source().get("publisher").asString())
                .contains(SeedGold.study().get("journal").asString());
        assertThat(summary.get("mechanisms")).hasSize(2);
    }

    @Test
    void anExpandedSummaryEmbedsWholeFindingsWhereTheRefsWere() {
        String path = "/api/studies/" + seededStudy().get("id").asLong() + "/summary";
        JsonNode refs = ok(path);
        JsonNode expanded = ok(path + "?expand=findings");
        JsonNode first = expanded.get("plainLanguage").get(0).get("findings").get(0);
        assertThat(first.get("id").asLong()).isEqualTo(refs.get("plainLanguage").get(0).get("findings").get(0).get("id").asLong());
        assertThat(first.get("evidence")).isNotEmpty();
        assertThat(first.has("reviewStatus")).isTrue();
        assertThat(expanded.get("caveats").size()).isEqualTo(refs.get("caveats").size());
    }

    @Test
    void theVocabularyLabelsEveryEnumerationForPages() {
        JsonNode vocabulary = ok("/api/vocabulary");
        assertThat(vocabulary.get("timescale").get(0).get("value").asString()).isEqualTo("RAPID");
        assertThat(vocabulary.get("timescale").get(0).get("label").asString()).isEqualTo("Fast");
        assertThat(vocabulary.propertyNames()).contains("kind", "certainty", "reportedBy", "caveat", "role");
    }

    @Test
    void conceptSearchPutsNamesStartingWithTheQueryFirst() {
        JsonNode page = ok("/api/concepts?q=neu&size=100").get("content");
        assertThat(page).isNotEmpty();
        boolean seenNonPrefix = false;
        for (JsonNode concept : page) {
            boolean prefix = concept.get("name").asString().toLowerCase().startsWith("neu");
            assertThat(prefix && seenNonPrefix).as("prefix match after a non-prefix one: %s", page).isFalse();
            seenNonPrefix |= !prefix;
        }
        assertThat(ok("/api/concepts?type=brain_region").get("content")).isNotEmpty()
                .allMatch(c -> c.get("type").asString().equals("BRAIN_REGION"));
    }

    @Test
    void pagesFollowThePagedModelShapeAndCapTheirSize() {
        JsonNode page = ok("/api/findings?size=500");
        assertThat(page.get("page").get("size").asInt()).isEqualTo(100);
        JsonNode second = ok("/api/findings?size=5&page=1");
        assertThat(second.get("content")).hasSize(5);
        assertThat(second.get("page").get("number").asInt()).isEqualTo(1);
        long total = second.get("page").get("totalElements").asLong();
        assertThat(second.get("page").get("totalPages").asLong()).isEqualTo((total + 4) / 5);
        assertThat(second.get("content").get(0).get("id").asLong())
                .isEqualTo(ok("/api/findings?size=10").get("content").get(5).get("id").asLong());
        List<String> kinds = ok("/api/findings?size=100&sort=kind,desc").get("content").valueStream()
                .map(f -> f.get("kind").asString()).toList();
        assertThat(kinds).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(ok("/api/findings?page=50&size=10").get("content")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/findings?kind=finding", "/api/findings?timescale=slow",
            "/api/findings?certainty=sure", "/api/findings?reviewStatus=maybe", "/api/findings?conceptType=gene",
            "/api/concepts?type=gene", "/api/mechanisms?timescale=weekly"})
    void unknownEnumValueIsABadRequestNamingParameterAndAllowedValues(String path) {
        JsonNode problem = problem(path, 400);
        String parameter = path.substring(path.indexOf('?') + 1, path.indexOf('='));
        assertThat(problem.get("detail").asString()).contains("'" + parameter + "'").contains("must be one of");
        assertThat(problem.get("errors").get(0).get("parameter").asString()).isEqualTo(parameter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/findings?page=-1", "/api/findings?page=abc", "/api/findings?size=0",
            "/api/findings?size=x", "/api/findings?sort=statement", "/api/findings?sort=id,sideways",
            "/api/studies?sort=journal", "/api/findings?studyId=abc", "/api/findings?page=99999999999",
            "/api/findings?page=30000000&size=100", "/api/findings?page=1&page=2"})
    void badPagingSortingOrIdParametersAreBadRequests(String path) {
        JsonNode problem = problem(path, 400);
        assertThat(problem.get("errors").get(0).get("parameter").asString()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/findings/987654", "/api/studies/987654", "/api/studies/no-such-study",
            "/api/studies/no-such-study/summary", "/api/studies/no-such-study/findings",
            "/api/studies/987654/mechanisms", "/api/mechanisms/987654", "/api/concepts/987654",
            "/api/concepts/987654/findings", "/api/sources/987654", "/api/no-such-collection"})
    void unknownResourcesAreNotFoundProblems(String path) {
        problem(path, 404);
    }

    @Test
    void nonNumericIdIsABadRequestNotAServerError() {
        problem("/api/findings/abc", 400);
    }

    @Test
    void unsupportedMethodAndMediaTypeAnswerWithProblems() {
        Reply post = http.send("DELETE", "/api/concepts", null, TestKeys.admin());
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.contentType()).startsWith("application/problem+json");
        Reply xml = http.get("/api/findings", "Accept", "application/xml");
        assertThat(xml.status()).isEqualTo(406);
        assertThat(xml.contentType()).startsWith("application/problem+json");
        assertThat(xml.json().get("status").asInt()).isEqualTo(406);
        Reply html = http.get("/api/findings/987654", "Accept", "text/html");
        assertThat(html.body()).doesNotContain("<html");
    }

    @Test
    void anyOriginMayReadTheApi() {
        Reply reply = http.get("/api/findings", "Origin", "https://frontend.example");
        assertThat(reply.header("Access-Control-Allow-Origin")).contains("*");
        Reply preflight = http.send("OPTIONS", "/api/studies", null, "Origin", "https://frontend.example",
                "Access-Control-Request-Method", "GET");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Methods").orElse("")).contains("GET");
    }

    @Test
    void openApiDescribesEveryReadEndpointAndSwaggerUiIsServed() {
        JsonNode paths = ok("/v3/api-docs").get("paths");
        for (String path : List.of("/api", "/api/studies", "/api/studies/{idOrSlug}", "/api/studies/{idOrSlug}/findings",
                "/api/studies/{idOrSlug}/mechanisms", "/api/studies/{idOrSlug}/summary", "/api/findings",
                "/api/findings/{id}", "/api/mechanisms", "/api/mechanisms/{id}", "/api/concepts", "/api/concepts/{id}",
                "/api/concepts/{id}/findings", "/api/sources", "/api/sources/{id}")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.get("/api/findings").get("get").get("parameters").valueStream()
                .map(p -> p.get("name").asString())).contains("kind", "timescale", "concept", "page", "size", "sort");
        Reply ui = http.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(http.get("/swagger-ui.html").status()).isIn(200, 302);
    }

    @Test
    void healthIsUp() {
        Reply health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    private static List<String> names(JsonNode refs) {
        return refs.valueStream().map(r -> r.get("name").asString()).toList();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
