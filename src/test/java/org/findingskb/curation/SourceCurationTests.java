package org.findingskb.curation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.findingskb.curation.CurationClient.curatorJson;
import static org.findingskb.curation.CurationClient.json;
import static org.findingskb.curation.CurationClient.keyName;
import static org.findingskb.curation.CurationClient.map;
import static org.findingskb.curation.CurationClient.problem;

/** Sources are corrected with a merge patch and deleted with what stands on them, over real HTTP, with history. */
class SourceCurationTests extends CuratingOverHttp {

    /** An article of the test corpus under a title of its own, so that each test ingests a new source. */
    private JsonNode ingestNewArticle() {
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("corpus/dev/newborn-neurons-activity-2019.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text = text.replaceFirst("\n", " (" + CurationClient.uniqueWord("src") + ")\n");
        Reply reply = api.send("POST", "/api/sources", text, TestKeys.curator("Content-Type", "text/plain"));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json();
    }

    private String etag(String path) {
        return api.get(path).header("ETag").orElseThrow();
    }

    private List<String> changeTypes(String revisionsPath) {
        return api.ok(revisionsPath).valueStream().map(r -> r.get("changeType").asString()).toList();
    }

    @Test
    void aCuratorCorrectsASourcesMetadataWithAMergePatchAndTheTextStays() {
        JsonNode ingested = ingestNewArticle();
        long id = ingested.get("source").get("id").asLong();
        String path = "/api/sources/" + id;
        JsonNode before = api.ok(path);

        Reply corrected = api.send("PATCH", path, json("title", "A corrected title", "publisher", "Corrected Outlet",
                "url", "https://example.org/corrected", "publishedYear", 2021),
                TestKeys.curator("Content-Type", MERGE_PATCH, "If-Match", etag(path)));

        assertThat(corrected.status()).as("%s", corrected).isEqualTo(200);
        assertThat(corrected.header("ETag")).isPresent();
        JsonNode after = api.ok(path);
        assertThat(after.get("title").asString()).isEqualTo("A corrected title");
        assertThat(after.get("publisher").asString()).isEqualTo("Corrected Outlet");
        assertThat(after.get("url").asString()).isEqualTo("https://example.org/corrected");
        assertThat(after.get("publishedYear").asInt()).isEqualTo(2021);
        assertThat(after.get("version").asLong()).isEqualTo(before.get("version").asLong() + 1);
        assertThat(after.get("text")).isEqualTo(before.get("text"));
        assertThat(after.get("sha256")).isEqualTo(before.get("sha256"));
        assertThat(after.get("annotations")).isEqualTo(before.get("annotations"));
        assertThat(corrected.json()).isEqualTo(after);

        Reply cleared = api.send("PATCH", path, "{\"url\": null}", TestKeys.curator("Content-Type", MERGE_PATCH,
                "If-Match", etag(path)));
        assertThat(cleared.status()).as("%s", cleared).isEqualTo(200);
        assertThat(api.ok(path).get("url").isNull()).isTrue();
        assertThat(api.ok(path).get("title").asString()).as("a merge patch leaves what it does not name")
                .isEqualTo("A corrected title");
    }

    @Test
    void aCorrectionNeedsTheCurrentVersionAKeyAndValidFieldsAndOtherwiseChangesNothing() {
        long id = ingestNewArticle().get("source").get("id").asLong();
        String path = "/api/sources/" + id;
        JsonNode before = api.ok(path);
        String current = etag(path);

        problem(api.send("PATCH", path, json("title", "No key"), "Content-Type", MERGE_PATCH, "If-Match", current), 401);
        problem(api.send("PATCH", path, json("title", "No version"), curatorJson()), 428);
        problem(api.send("PATCH", path, json("title", "Stale"), curatorJson("If-Match", "\"999\"")), 412);
        for (String body : List.of("{\"text\": \"Another text\"}", "{\"sha256\": \"00\"}", "{\"title\": null}",
                "{\"title\": \"  \"}", "{\"publishedYear\": 99999}", "{\"url\": \"javascript:alert(1)\"}",
                "{\"publishedYear\": \"soon\"}", "[]")) {
            problem(api.send("PATCH", path, body, curatorJson("If-Match", current)), 400);
        }
        problem(api.send("PATCH", "/api/sources/987654321", json("title", "Nobody"), curatorJson("If-Match", "\"0\"")), 404);
        assertThat(api.ok(path)).isEqualTo(before);
    }

    @Test
    void anAdminDeletesASourceWithItsStudyAndEveryFindingQuotingItAndTheirHistoryStaysReadable() {
        JsonNode ingested = ingestNewArticle();
        long sourceId = ingested.get("source").get("id").asLong();
        long studyId = ingested.get("studyId").asLong();
        List<Long> findingIds = ingested.get("findings").valueStream().map(f -> f.get("id").asLong()).toList();
        assertThat(findingIds).isNotEmpty();
        // A finding of another study that quotes this source: it stands on that text, so it goes with it.
        JsonNode span = ingested.get("findings").get(0).get("evidence").get(0);
        JsonNode otherStudy = api.createStudy("Another study citing " + CurationClient.uniqueWord("cite"));
        Reply quoting = api.asCurator("POST", "/api/findings", json("studyId", otherStudy.get("id").asLong(),
                "statement", "A curated finding quoting the deleted source.", "kind", "RESULT", "timescale", "RAPID",
                "certainty", "REPORTED", "evidence", List.of(map("sourceId", sourceId, "start", span.get("start").asInt(),
                        "end", span.get("end").asInt(), "exact", span.get("exact").asString()))));
        assertThat(quoting.status()).as("%s", quoting).isEqualTo(201);
        long quotingId = quoting.json().get("id").asLong();
        String path = "/api/sources/" + sourceId;
        api.send("PATCH", path, json("publisher", "Corrected Outlet"), curatorJson("If-Match", etag(path)));
        JsonNode counts = api.counts();

        problem(api.send("DELETE", path, null, TestKeys.curator("If-Match", etag(path))), 403);
        problem(api.send("DELETE", path, null, TestKeys.admin()), 428);
        problem(api.send("DELETE", path, null, TestKeys.admin("If-Match", "\"999\"")), 412);
        assertThat(api.counts()).as("a refused delete changes nothing").isEqualTo(counts);

        Reply deleted = api.send("DELETE", path, null, TestKeys.admin("If-Match", etag(path)));
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);

        problem(api.get(path), 404);
        problem(api.get("/api/studies/" + studyId), 404);
        for (long findingId : findingIds) {
            problem(api.get("/api/findings/" + findingId), 404);
        }
        problem(api.get("/api/findings/" + quotingId), 404);
        assertThat(api.ok("/api/studies/" + otherStudy.get("id").asLong()).get("id").asLong())
                .as("the other study stays").isEqualTo(otherStudy.get("id").asLong());
        JsonNode after = api.counts();
        assertThat(after.get("sources").asLong()).isEqualTo(counts.get("sources").asLong() - 1);
        assertThat(after.get("studies").asLong()).isEqualTo(counts.get("studies").asLong() - 1);

        List<JsonNode> sourceHistory = api.ok(path + "/revisions").valueStream().toList();
        assertThat(sourceHistory).extracting(r -> r.get("changeType").asString())
                .containsExactly("CREATED", "UPDATED", "DELETED");
        assertThat(sourceHistory.get(1).get("changedFields").valueStream().map(JsonNode::asString).toList())
                .containsExactly("publisher");
        assertThat(sourceHistory.get(1).get("keyName").asString()).isEqualTo(keyName("curator", TestKeys.CURATOR));
        assertThat(sourceHistory.get(2).get("keyName").asString()).isEqualTo(keyName("admin", TestKeys.ADMIN));
        assertThat(changeTypes("/api/studies/" + studyId + "/revisions")).endsWith("DELETED");
        assertThat(changeTypes("/api/findings/" + findingIds.get(0) + "/revisions")).endsWith("DELETED");
        assertThat(changeTypes("/api/findings/" + quotingId + "/revisions")).containsExactly("CREATED", "DELETED");
        assertThat(problem(api.get("/api/sources/987654321/revisions"), 404).get("resource").asString()).isEqualTo("source");
    }
}
