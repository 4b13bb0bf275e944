package org.findingskb.curation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Curation through real HTTP: requests with the test keys, assertions on problem details, and fixtures that
 * create what a test needs (studies, findings, mechanisms, concepts) so that tests do not depend on each other.
 */
final class CurationClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final Http http;

    CurationClient(int port) {
        this.http = new Http(port);
    }

    // ---- requests ------------------------------------------------------------------------------------------

    Reply get(String path, String... headers) {
        return http.get(path, headers);
    }

    /** GET that must answer 200 with JSON. */
    JsonNode ok(String path) {
        Reply reply = http.get(path);
        assertThat(reply.status()).as("GET %s: %s", path, reply).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        return reply.json();
    }

    Reply send(String method, String path, String body, String... headers) {
        return http.send(method, path, body, headers);
    }

    Reply asCurator(String method, String path, String body, String... more) {
        return http.send(method, path, body, curatorJson(more));
    }

    Reply asAdmin(String method, String path, String body, String... more) {
        return http.send(method, path, body, adminJson(more));
    }

    static String[] curatorJson(String... more) {
        return TestKeys.curator(concat(new String[] {"Content-Type", "application/json"}, more));
    }

    static String[] adminJson(String... more) {
        return TestKeys.admin(concat(new String[] {"Content-Type", "application/json"}, more));
    }

    static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    static String ifMatch(long version) {
        return "\"" + version + "\"";
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A JSON object from alternating names and values; values may be null, maps, lists, numbers... */
    static String json(Object... namesAndValues) {
        return JSON.writeValueAsString(map(namesAndValues));
    }

    static Map<String, Object> map(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    /**
     * The name history shows for a configured key: its role and the first 8 hex digits of an HMAC-SHA256 of the
     * key with the label secret every test context is given.
     */
    static String keyName(String role, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TestKeys.LABEL_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] label = mac.doFinal(key.getBytes(StandardCharsets.UTF_8));
            return role + "-" + HexFormat.of().formatHex(label).substring(0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A word no text of the knowledge base contains, so that searches for it find only what a test made. */
    static String uniqueWord(String stem) {
        String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        // Ends in "q", which no English stemmer strips or changes: a prefix query of the whole word (type-ahead)
        // then matches the indexed stem, as it would not for a word ending in "s" or "y".
        return stem + letters.substring(0, Math.min(6, letters.length())) + "ix" + (char) ('a' + SEQUENCE.incrementAndGet() % 26)
                + "q";
    }

    // ---- assertions ----------------------------------------------------------------------------------------

    /** Asserts an RFC 9457 problem of {@code status} and returns it. */
    static JsonNode problem(Reply reply, int status) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
        assertThat(reply.contentType()).as("content type of %s", reply).startsWith("application/problem+json");
        JsonNode body = reply.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("type").asString()).startsWith("/problems/");
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("<html");
        return body;
    }

    /** The fields (or parameters) a problem's {@code errors} name. */
    static List<String> errorFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        if (problem.has("errors")) {
            problem.get("errors").forEach(e -> fields.add(e.has("field") ? e.get("field").asString()
                    : e.get("parameter").asString()));
        }
        return fields;
    }

    /** Asserts a problem of {@code status} whose errors name {@code field} and whose detail mentions it. */
    static JsonNode problemNaming(Reply reply, int status, String field) {
        JsonNode problem = problem(reply, status);
        assertThat(errorFields(problem)).as("fields named by %s", reply).contains(field);
        assertThat(problem.get("detail").asString()).as("detail of %s", reply).contains(field);
        return problem;
    }

    // ---- reads ---------------------------------------------------------------------------------------------

    JsonNode counts() {
        return ok("/api").get("counts");
    }

    long total(String listPath) {
        return ok(listPath).get("page").get("totalElements").asLong();
    }

    List<Long> ids(String listPath) {
        List<Long> ids = new ArrayList<>();
        ok(listPath).get("content").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    /** Ids of the search hits of one type for {@code words}. */
    List<Long> searchHits(String words, String type) {
        List<Long> ids = new ArrayList<>();
        ok("/api/search?size=100&q=" + q(words)).get("content").forEach(hit -> {
            if (hit.get("type").asString().equals(type)) {
                ids.add(hit.get("id").asLong());
            }
        });
        return ids;
    }

    JsonNode seedStudy() {
        JsonNode study = ok("/api/studies/1");
        assertThat(study.get("findingCount").asLong()).as("the seed study has findings").isGreaterThan(5);
        return study;
    }

    List<JsonNode> seedFindings() {
        List<JsonNode> findings = new ArrayList<>();
        ok("/api/studies/1/findings?size=100").get("content").forEach(findings::add);
        return findings;
    }

    JsonNode seedSource() {
        long sourceId = seedStudy().get("source").get("id").asLong();
        return ok("/api/sources/" + sourceId);
    }

    // ---- fixtures ------------------------------------------------------------------------------------------

    /** An evidence span of the seed source, {@code length} characters from {@code start}, quoted exactly. */
    Map<String, Object> evidence(int start, int length) {
        JsonNode source = seedSource();
        String text = source.get("text").asString();
        return map("sourceId", source.get("id").asLong(), "start", start, "end", start + length,
                "exact", text.substring(start, start + length));
    }

    JsonNode createStudy(String title) {
        Reply reply = asCurator("POST", "/api/studies", json("title", title, "institution", "Curation Institute",
                "journal", "Journal of Curated Results", "publishedYear", 2024, "population", "adults"));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json();
    }

    String findingBody(long studyId, String statement, Object... more) {
        Map<String, Object> body = map("studyId", studyId, "statement", statement, "kind", "RESULT",
                "timescale", "RAPID", "certainty", "REPORTED", "evidence", List.of(evidence(100, 60)));
        body.putAll(map(more));
        return JSON.writeValueAsString(body);
    }

    JsonNode createFinding(long studyId, String statement, Object... more) {
        Reply reply = asCurator("POST", "/api/findings", findingBody(studyId, statement, more));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json();
    }

    JsonNode createMechanism(long studyId, String name, Object... more) {
        Map<String, Object> body = map("studyId", studyId, "name", name, "timescale", "SUSTAINED",
                "onset", "over days", "description", "A curated mechanism: " + name);
        body.putAll(map(more));
        Reply reply = asCurator("POST", "/api/mechanisms", JSON.writeValueAsString(body));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json();
    }

    JsonNode createConcept(String name, String type, String... synonyms) {
        Reply reply = asCurator("POST", "/api/concepts", json("name", name, "type", type, "synonyms", List.of(synonyms)));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json();
    }

    long version(String path) {
        return ok(path).get("version").asLong();
    }
}
