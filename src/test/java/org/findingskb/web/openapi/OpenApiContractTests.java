package org.findingskb.web.openapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document served at /v3/api-docs is the contract clients are generated from: it must describe what the
 * service really answers. Every read endpoint it lists is called over real HTTP, and each answer's status must be
 * one the document lists for that operation and its body must validate against the document's own schema for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiContractTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    @LocalServerPort
    int port;

    Http http;
    JsonNode document;

    @BeforeEach
    void readTheDocument() {
        // Long: the first request builds the whole document, which takes a while on a loaded machine.
        http = new Http(port, Duration.ofMinutes(2));
        Reply reply = http.get("/v3/api-docs");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        document = reply.json();
    }

    @Test
    void everyReadEndpointAnswersWithAStatusAndABodyTheDocumentDescribes() {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            JsonNode get = path.getValue().get("get");
            if (get == null || get.path("security").toString().contains("bearerKey")) {
                continue;
            }
            for (String url : urlsFor(path.getKey(), get)) {
                checkAnswer(get, url, http.get(url, "Accept", "application/json"));
                checked.add(url);
            }
        }
        assertThat(checked).as("read endpoints called").hasSizeGreaterThan(15)
                .contains("/api/findings", "/api/studies", "/api/search?q=neurons");
    }

    @Test
    void errorsAnswerTheProblemSchemaTheDocumentNamesForThem() {
        JsonNode getFinding = document.at("/paths/~1api~1findings~1{id}/get");
        checkAnswer(getFinding, "/api/findings/999999999", http.get("/api/findings/999999999"));
        checkAnswer(getFinding, "/api/findings/x", http.get("/api/findings/x"));
        JsonNode listFindings = document.at("/paths/~1api~1findings/get");
        checkAnswer(listFindings, "/api/findings?kind=x", http.get("/api/findings?kind=x"));
        checkAnswer(listFindings, "/api/findings", http.get("/api/findings", "Accept", "image/png"));
    }

    @Test
    void theSchemasRefuseWhatTheyDoNotDescribe() {
        JsonNode finding = JSON.readTree("{\"$ref\": \"#/components/schemas/FindingResponse\"}");
        assertThat(validator(finding).validate(JSON.readTree("{\"id\": \"seven\"}"))).isNotEmpty();
        JsonNode problem = JSON.readTree("{\"$ref\": \"#/components/schemas/Problem\"}");
        assertThat(validator(problem).validate(JSON.readTree("{\"status\": 404}"))).isNotEmpty();
    }

    @Test
    void operationIdsReadAsMethodsAndAreUnique() {
        Set<String> ids = new HashSet<>();
        forEachOperation((method, path, operation) -> {
            String id = operation.path("operationId").asString("");
            assertThat(id).as("%s %s", method, path).matches("[a-z]+[A-Z][A-Za-z]*").doesNotContain("_");
            assertThat(ids.add(id)).as("%s is used once", id).isTrue();
        });
        assertThat(ids).contains("listFindings", "getFinding", "getStudySummary", "ingestSource", "updateFinding",
                "listStudyFindings", "searchKnowledgeBase");
    }

    @Test
    void everyErrorStatusIsAProblemAndEveryWriteNeedsAKey() {
        forEachOperation((method, path, operation) -> {
            for (Map.Entry<String, JsonNode> response : operation.get("responses").properties()) {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asString(""))
                            .as("%s %s %s", method, path, response.getKey()).isEqualTo("#/components/schemas/Problem");
                }
            }
            assertThat(operation.get("responses").has("500")).as("%s %s", method, path).isTrue();
            if (!method.equals("get")) {
                assertThat(operation.path("security").toString()).as("%s %s", method, path)
                        .contains("bearerKey", "apiKeyHeader");
                assertThat(operation.get("responses").has("401")).isTrue();
            }
            for (JsonNode parameter : operation.path("parameters")) {
                String name = parameter.get("name").asString();
                assertThat(name).as("%s %s", method, path).isNotIn("Content-Type", "Accept", "Authorization");
                if (name.equals("If-Match")) {
                    assertThat(parameter.get("required").asBoolean()).isTrue();
                    assertThat(operation.get("responses").has("428")).isTrue();
                }
            }
        });
        assertThat(document.at("/components/securitySchemes/bearerKey/scheme").asString()).isEqualTo("bearer");
        assertThat(document.get("paths").has("/error")).as("the container's error dispatch is no operation").isFalse();
    }

    @Test
    void createsAnswer201WithLocationAndDeletes204() {
        JsonNode create = document.at("/paths/~1api~1findings/post/responses");
        assertThat(create.has("201")).isTrue();
        assertThat(create.has("200")).isFalse();
        assertThat(create.at("/201/headers").has("Location")).isTrue();
        assertThat(document.at("/paths/~1api~1findings~1{id}/delete/responses").has("204")).isTrue();
        assertThat(document.at("/paths/~1api~1sources/post/responses").has("200"))
                .as("the same text again answers 200").isTrue();
        assertThat(document.at("/paths/~1api~1findings/get/responses/200/headers").has("X-Total-Count")).isTrue();
        assertThat(document.at("/paths/~1api~1findings/get/responses/429/headers").has("Retry-After")).isTrue();
        assertThat(document.at("/paths/~1api~1findings/get/responses/200/content/text~1csv/schema/type").asString())
                .isEqualTo("string");
    }

    @Test
    void responseFieldsAreRequiredAndSayWhetherTheyMayBeNull() {
        JsonNode finding = document.at("/components/schemas/FindingResponse");
        assertThat(JSON.convertValue(finding.get("required"), List.class))
                .contains("id", "statement", "kind", "timescale", "evidence", "version");
        assertThat(finding.at("/properties/timescale/type").toString()).contains("null");
        assertThat(finding.at("/properties/statement/type").asString()).isEqualTo("string");
        JsonNode evidence = document.at("/components/schemas/FindingEvidence");
        assertThat(JSON.convertValue(evidence.get("required"), List.class)).contains("prefix", "suffix", "exact");
        assertThat(document.at("/components/schemas/FindingRequestEvidence").isObject())
                .as("the request's evidence has a name of its own").isTrue();
        assertThat(document.at("/components/schemas/ResultPageFindingResponse/required").toString())
                .as("the cursor is left out on the last page").doesNotContain("cursor");
        JsonNode patch = document.at("/paths/~1api~1findings~1{id}/patch/requestBody/content/application~1merge-patch+json/schema/$ref");
        assertThat(patch.asString()).isEqualTo("#/components/schemas/FindingPatch");
        assertThat(document.at("/paths/~1api~1sources~1{id}/patch/requestBody/content/application~1merge-patch+json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/SourcePatch");
        assertThat(document.at("/components/schemas").has("JsonNode")).isFalse();
    }

    @Test
    void searchHitsAndPagesAreDescribedAsServed() {
        JsonNode hit = document.at("/components/schemas/SearchHit");
        assertThat(JSON.convertValue(hit.get("required"), List.class))
                .contains("type", "id", "kind", "timescale", "certainty", "study", "start", "end");
        assertThat(hit.at("/properties/study/anyOf/0/$ref").asString()).isEqualTo("#/components/schemas/SearchHitStudyRef");
        assertThat(JSON.convertValue(document.at("/components/schemas/SearchHitStudyRef/required"), List.class))
                .containsExactlyInAnyOrder("id", "slug", "title");
        JsonNode search = document.at("/components/schemas/SearchResponse");
        assertThat(JSON.convertValue(search.get("required"), List.class)).contains("content", "page")
                .doesNotContain("facets", "links", "cursor");
        assertThat(document.at("/components/schemas/SearchPage/required").toString()).contains("totalElementsExact");
        assertThat(JSON.convertValue(document.at("/components/schemas/PageLinks/required"), List.class))
                .containsExactly("self");
        JsonNode ok = document.at("/paths/~1api~1search/get/responses/200");
        assertThat(ok.at("/headers/Link/$ref").asString()).isEqualTo("#/components/headers/Link");
        assertThat(document.at("/paths/~1api~1search/get/parameters").valueStream()
                .filter(p -> p.get("name").asString().equals("q")).findFirst().orElseThrow()
                .path("required").asBoolean(false)).isFalse();
    }

    @Test
    void titleDescriptionAndVersionComeFromTheBuild() {
        JsonNode info = document.get("info");
        assertThat(info.get("title").asString()).isEqualTo("Findings KB");
        assertThat(info.get("version").asString()).isNotEqualTo("v0").isNotBlank();
        assertThat(info.get("description").asString()).startsWith("A queryable knowledge base");
    }

    private interface OperationCheck {
        void check(String method, String path, JsonNode operation);
    }

    private void forEachOperation(OperationCheck check) {
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                check.check(operation.getKey(), path.getKey(), operation.getValue());
            }
        }
    }

    /** The URLs to read an operation at: ids of the seed's first items, and a query for required parameters. */
    private List<String> urlsFor(String path, JsonNode operation) {
        Matcher variable = VARIABLE.matcher(path);
        StringBuilder url = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(url, firstIdOf(path.substring(0, variable.start() - 1)));
        }
        variable.appendTail(url);
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.get("in").asString().equals("query") && parameter.path("required").asBoolean(false)) {
                query.append(query.isEmpty() ? "?" : "&").append(parameter.get("name").asString()).append("=neurons");
            }
        }
        List<String> urls = new ArrayList<>(List.of(url + query.toString()));
        if (path.equals("/api/search") && query.isEmpty()) {
            urls.addAll(List.of("/api/search?q=neurons", "/api/search?q=ketamine&type=source", "/api/search?facets=false"
                    + "&size=1&q=neurons", "/api/search?kind=result&size=1"));
        }
        if (path.equals("/api/findings") || path.equals("/api/studies") || path.equals("/api/concepts")) {
            urls.add(path + "?q=neurons&size=1");
        }
        return urls;
    }

    private String firstIdOf(String collection) {
        Reply page = http.get(collection + "?size=1");
        assertThat(page.status()).as("GET %s: %s", collection, page).isEqualTo(200);
        return page.json().at("/content/0/id").asString();
    }

    private void checkAnswer(JsonNode operation, String url, Reply reply) {
        String status = String.valueOf(reply.status());
        JsonNode response = operation.path("responses").path(status);
        assertThat(response.isMissingNode()).as("GET %s answered %s, which the document does not list: %s", url, status,
                reply).isFalse();
        String type = reply.contentType().replaceAll(";.*", "");
        JsonNode schema = response.path("content").path(type).path("schema");
        assertThat(schema.isMissingNode()).as("GET %s answered %s as %s, which the document does not list", url,
                status, type).isFalse();
        List<Error> errors = validator(schema).validate(reply.json());
        assertThat(errors).as("GET %s (%s) against %s: %s", url, status, schema, reply.body()).isEmpty();
    }

    /** The schema, able to follow the document's references to its components. */
    private Schema validator(JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.get("components"));
        root.putArray("allOf").add(schema);
        return SCHEMAS.getSchema(root);
    }
}
