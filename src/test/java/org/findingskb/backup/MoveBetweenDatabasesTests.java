package org.findingskb.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.findingskb.backup.RunningApplication.Backend;
import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The move between databases as an operator makes it: a curated knowledge base (the seed article, a small
 * synthetic corpus, curated edits, reviews, links, a deletion) is exported over HTTP from one database and
 * restored with {@code kb.restore} into a new one of the other kind, and every read endpoint then answers the
 * same, histories included; new writes take fresh ids. Runs with the postgres profile, on a real PostgreSQL.
 */
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*")
class MoveBetweenDatabasesTests {

    private static final JsonMapper READ = JsonMapper.builder().build();
    private static final String JSON = "application/json";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    @TempDir
    Path files;

    @Test
    void aCuratedKnowledgeBaseMovesFromH2ToPostgresqlWithNothingLost() throws IOException {
        move(Backend.H2, Backend.POSTGRESQL);
    }

    @Test
    void aCuratedKnowledgeBaseMovesFromPostgresqlToH2WithNothingLost() throws IOException {
        move(Backend.POSTGRESQL, Backend.H2);
    }

    private void move(Backend from, Backend to) throws IOException {
        Path export = files.resolve("kb.ndjson");
        Map<String, String> before;
        List<String> extraPaths;
        try (RunningApplication source = RunningApplication.start(from, Map.of("kb.synthetic.studies", 8))) {
            Http http = source.http();
            extraPaths = curate(http);
            before = snapshot(http, source.port(), extraPaths);

            assertThat(http.get("/api/export").status()).isEqualTo(401);
            assertThat(http.get("/api/export", TestKeys.curator()).status()).isEqualTo(403);
            Reply reply = http.get("/api/export", TestKeys.admin());
            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            assertThat(reply.contentType()).startsWith(ExportController.NDJSON);
            Files.writeString(export, reply.body());
        }
        try (RunningApplication target = RunningApplication.start(to, Map.of("kb.restore", export.toString()))) {
            Http http = target.http();
            Map<String, String> after = snapshot(http, target.port(), extraPaths);
            assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
            List<String> differing = before.keySet().stream().filter(p -> !before.get(p).equals(after.get(p))).toList();
            assertThat(differing).as("paths answered differently after the move, the first: %s%nbefore: %s%nafter:  %s",
                    differing.isEmpty() ? null : differing.get(0), differing.isEmpty() ? null : before.get(differing.get(0)),
                    differing.isEmpty() ? null : after.get(differing.get(0))).isEmpty();
            assertThat(before).hasSizeGreaterThan(300);

            // Fresh ids after the restore: the sequences were moved past the restored rows.
            JsonNode study = created(http.send("POST", "/api/studies", "{\"title\": \"Written after the move\"}",
                    TestKeys.curator("Content-Type", JSON)));
            JsonNode studies = http.get("/api/studies?size=1&sort=id,desc").json();
            assertThat(study.get("id").asLong()).isEqualTo(studies.get("content").get(0).get("id").asLong());
            long first = findingIds(http).get(0);
            long second = findingIds(http).get(1);
            created(http.send("POST", "/api/findings/" + first + "/links",
                    "{\"type\": \"EXTENDS\", \"findingId\": " + second + "}", TestKeys.curator("Content-Type", JSON)));
        }
    }

    /** Curates as curators do; returns paths the lists no longer show (a deleted finding's history). */
    private static List<String> curate(Http http) {
        List<Long> ids = findingIds(http);
        long edited = ids.get(0);
        JsonNode finding = http.get("/api/findings/" + edited).json();
        ok(http.send("PATCH", "/api/findings/" + edited, "{\"statement\": \"A statement a curator reworded.\"}",
                TestKeys.curator("Content-Type", MERGE_PATCH, "If-Match", ifMatch(finding))));
        JsonNode reviewed = http.get("/api/findings/" + ids.get(1)).json();
        ok(http.send("POST", "/api/findings/" + ids.get(1) + "/review",
                "{\"status\": \"ACCEPTED\", \"note\": \"Checked against the source.\"}",
                TestKeys.curator("Content-Type", JSON, "If-Match", ifMatch(reviewed))));
        JsonNode rejected = http.get("/api/findings/" + ids.get(2)).json();
        ok(http.send("POST", "/api/findings/" + ids.get(2) + "/review",
                "{\"status\": \"REJECTED\", \"note\": \"Not in the source.\"}",
                TestKeys.admin("Content-Type", JSON, "If-Match", ifMatch(rejected))));
        created(http.send("POST", "/api/findings/" + ids.get(1) + "/links",
                "{\"type\": \"SUPPORTS\", \"findingId\": " + ids.get(3) + "}", TestKeys.curator("Content-Type", JSON)));
        created(http.send("POST", "/api/findings/" + ids.get(4) + "/links",
                "{\"type\": \"CONTRADICTS\", \"findingId\": " + ids.get(1) + "}", TestKeys.curator("Content-Type", JSON)));
        JsonNode deleted = http.get("/api/findings/" + ids.get(5)).json();
        assertThat(http.send("DELETE", "/api/findings/" + ids.get(5), null,
                TestKeys.admin("If-Match", ifMatch(deleted))).status()).isEqualTo(204);

        JsonNode study = http.get("/api/studies?size=1").json().get("content").get(0);
        ok(http.send("PATCH", "/api/studies/" + study.get("id").asLong(), "{\"title\": \"A title a curator chose\"}",
                TestKeys.curator("Content-Type", MERGE_PATCH, "If-Match", ifMatch(study))));
        JsonNode mechanism = http.get("/api/mechanisms?size=1").json().get("content").get(0);
        ok(http.send("PATCH", "/api/mechanisms/" + mechanism.get("id").asLong(), "{\"onset\": \"within hours\"}",
                TestKeys.curator("Content-Type", MERGE_PATCH, "If-Match", ifMatch(mechanism))));
        created(http.send("POST", "/api/concepts", "{\"name\": \"Curated concept\", \"synonyms\": [\"hand-made term\"]}",
                TestKeys.curator("Content-Type", JSON)));

        // An article that ingest links to the seed's findings by suggestions: one accepted, one dismissed.
        Reply ingested = http.send("POST", "/api/sources", article("compare/antidepressant-quiets-bmp-in-hippocampus.txt"),
                TestKeys.curator("Content-Type", "text/plain"));
        assertThat(ingested.status()).as("%s", ingested).isEqualTo(201);
        JsonNode suggested = http.get("/api/links/suggested?size=100").json().get("content");
        assertThat(suggested.size()).as("suggestions of the ingested article").isGreaterThanOrEqualTo(2);
        ok(http.send("POST", "/api/links/suggested/" + suggested.get(0).get("id").asLong() + "/accept", "", TestKeys.curator()));
        ok(http.send("POST", "/api/links/suggested/" + suggested.get(1).get("id").asLong() + "/dismiss", "", TestKeys.curator()));
        return List.of("/api/findings/" + ids.get(5) + "/revisions", "/api/findings/" + ids.get(5),
                "/api/findings?reviewStatus=REJECTED&size=100", "/api/findings?needsReview=true&size=100",
                "/api/search?q=ketamine&size=100", "/api/search?q=curated&size=100", "/api/search?q=reworded&size=100");
    }

    /** Every read endpoint's answer for everything the knowledge base holds, by path. */
    private static Map<String, String> snapshot(Http http, int port, List<String> extraPaths) {
        Map<String, String> bodies = new TreeMap<>();
        for (String collection : List.of("studies", "findings", "mechanisms", "concepts", "sources")) {
            for (JsonNode item : all(http, port, "/api/" + collection, bodies)) {
                String path = "/api/" + collection + "/" + item.get("id").asLong();
                List<String> paths = new ArrayList<>(List.of(path));
                switch (collection) {
                    case "studies" -> paths.addAll(List.of(path + "/findings?size=100", path + "/mechanisms?size=100",
                            path + "/summary", path + "/revisions"));
                    case "findings", "mechanisms" -> paths.add(path + "/revisions");
                    case "concepts" -> paths.add(path + "/findings?size=100");
                    default -> {
                    }
                }
                paths.forEach(p -> bodies.put(p, body(http, port, p)));
            }
        }
        for (String status : List.of("SUGGESTED", "ACCEPTED", "DISMISSED")) {
            for (JsonNode item : all(http, port, "/api/links/suggested?status=" + status, bodies)) {
                String path = "/api/links/suggested/" + item.get("id").asLong();
                bodies.put(path, body(http, port, path));
                bodies.put(path + "/revisions", body(http, port, path + "/revisions"));
            }
        }
        extraPaths.forEach(p -> bodies.put(p, body(http, port, p)));
        return bodies;
    }

    private static List<JsonNode> all(Http http, int port, String collection, Map<String, String> bodies) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            String path = collection + (collection.contains("?") ? "&" : "?") + "size=100&page=" + page;
            String body = body(http, port, path);
            bodies.put(path, body);
            JsonNode content = READ.readTree(body.substring(body.indexOf(' ') + 1)).get("content");
            if (content.isEmpty()) {
                return items;
            }
            content.forEach(items::add);
        }
    }

    private static String body(Http http, int port, String path) {
        Reply reply = http.get(path);
        assertThat(reply.status()).as("GET %s: %s", path, reply).isIn(200, 404);
        // Links name the server they were served by, and cursors carry its signature.
        String body = reply.body().replace("localhost:" + port, "localhost").replaceAll("(\"cursor\":\"[^\"~]*)~[^\"]*\"", "$1\"")
                .replaceAll("(cursor=[^\"~&]*)~[^\"&]*", "$1");
        if (path.startsWith("/api/search") && reply.status() == 200) {
            body = searchHits(body);
        }
        return reply.status() + " " + body;
    }

    /**
     * A search answer with its hits by type and id, without scores: relevance depends on the index's history
     * (documents replaced by edits still count in its statistics), which a rebuilt index does not have, so hits of
     * close scores may trade places. Which hits, their text, the totals and the facets must stay the same.
     */
    private static String searchHits(String body) {
        ObjectNode answer = (ObjectNode) READ.readTree(body);
        List<JsonNode> hits = new ArrayList<>();
        answer.get("content").forEach(hit -> hits.add(((ObjectNode) hit).without("score")));
        hits.sort(Comparator.comparing((JsonNode hit) -> hit.get("type").asString()).thenComparing(hit -> hit.get("id").asLong()));
        ArrayNode sorted = answer.putArray("content");
        hits.forEach(sorted::add);
        return answer.toString();
    }

    private static List<Long> findingIds(Http http) {
        List<Long> ids = new ArrayList<>();
        http.get("/api/findings?size=10&sort=id").json().get("content").forEach(f -> ids.add(f.get("id").asLong()));
        return ids;
    }

    private static String article(String resource) {
        try {
            return new String(new ClassPathResource(resource).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ifMatch(JsonNode resource) {
        return "\"" + resource.get("version").asLong() + "\"";
    }

    private static void ok(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    }

    private static JsonNode created(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json();
    }
}
