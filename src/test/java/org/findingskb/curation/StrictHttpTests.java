package org.findingskb.curation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.findingskb.curation.CurationClient.ifMatch;
import static org.findingskb.curation.CurationClient.problem;
import static org.findingskb.curation.CurationClient.problemNaming;
import static org.findingskb.curation.CurationClient.uniqueWord;

/** HTTP as its RFCs say, over real HTTP: types are not coerced, methods, preconditions and Accept are honoured. */
class StrictHttpTests extends CuratingOverHttp {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"title\": 5}", "{\"title\": true}", "{\"title\": \"A study\", \"publishedYear\": \"2024\"}",
            "{\"title\": \"A study\", \"publishedYear\": 2024.5}", "{\"title\": \"A study\", \"publishedYear\": true}"})
    void aJsonValueOfTheWrongTypeIsA400AndStoresNothing(String body) {
        JsonNode counts = api.counts();
        Reply reply = api.send("POST", "/api/studies", body, TestKeys.curator("Content-Type", "application/json"));
        String field = body.contains("publishedYear") ? "publishedYear" : "title";
        assertThat(problemNaming(reply, 400, field).get("detail").asString()).contains("wrong type");
        assertThat(api.counts()).isEqualTo(counts);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"population\": 12}", "{\"publishedYear\": \"2024\"}", "{\"journal\": false}"})
    void aMergePatchWithAValueOfTheWrongTypeIsA400AndChangesNothing(String patch) {
        JsonNode study = api.createStudy("Study patched with wrong types " + uniqueWord("wt"));
        String path = "/api/studies/" + study.get("id").asLong();
        Reply reply = api.send("PATCH", path, patch, TestKeys.curator("Content-Type", MERGE_PATCH,
                "If-Match", ifMatch(study.get("version").asLong())));
        problem(reply, 400);
        assertThat(api.ok(path)).isEqualTo(study);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"FOO", "PROPFIND", "BREW"})
    void aMethodThisApiDoesNotKnowIsA501Problem(String method) {
        Reply reply = api.send(method, "/api/findings/1", null);
        JsonNode problem = problem(reply, 501);
        assertThat(problem.get("type").asString()).isEqualTo("/problems/not-implemented");
        assertThat(problem.get("detail").asString()).contains(method);
    }

    @Test
    void aKnownMethodAPathDoesNotTakeIsA405Problem() {
        problem(api.send("PUT", "/api/findings", "{}", TestKeys.curator("Content-Type", "application/json")), 405);
    }

    @Test
    void ifMatchStarMatchesWhateverVersionIsCurrent() {
        JsonNode study = api.createStudy("Study changed under If-Match star " + uniqueWord("star"));
        String path = "/api/studies/" + study.get("id").asLong();
        Reply first = api.send("PATCH", path, "{\"population\": \"mice\"}",
                TestKeys.curator("Content-Type", MERGE_PATCH, "If-Match", "*"));
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        Reply second = api.send("PATCH", path, "{\"population\": \"rats\"}",
                TestKeys.curator("Content-Type", MERGE_PATCH, "If-Match", "*"));
        assertThat(second.status()).as("%s", second).isEqualTo(200);
        assertThat(second.json().get("population").asString()).isEqualTo("rats");
        // A named version that is no longer current still fails, and without If-Match the write is refused.
        problem(api.send("PATCH", path, "{\"population\": \"voles\"}",
                TestKeys.curator("Content-Type", MERGE_PATCH, "If-Match", ifMatch(study.get("version").asLong()))), 412);
        problem(api.send("PATCH", path, "{\"population\": \"voles\"}", TestKeys.curator("Content-Type", MERGE_PATCH)), 428);
        assertThat(api.ok(path).get("population").asString()).isEqualTo("rats");
    }

    @ParameterizedTest(name = "{1} on {0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "/api/findings?size=1     | text/csv, application/json                  | application/json",
            "/api/findings?size=1     | application/json, text/csv                  | application/json",
            "/api/findings?size=1     | text/csv                                    | text/csv",
            "/api/findings?size=1     | text/csv;q=0.9, application/json;q=0.5      | text/csv",
            "/api/studies/1/summary   | text/markdown;q=0.5, application/json;q=0.5 | application/json",
            "/api/studies/1/summary   | text/markdown, */*                          | text/markdown",
            "/api/studies/1           | application/ld+json, application/json       | application/ld+json"})
    void ofTypesAcceptedEquallyJsonIsServed(String path, String accept, String served) {
        Reply reply = api.get(path, "Accept", accept);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.contentType()).startsWith(served);
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource(delimiter = '|', value = {
            "/api/studies/1/summary | image/png",
            "/api/studies/1/summary | */*;q=0",
            "/api/studies/1/summary | application/xml",
            "/api/findings/1        | text/csv",
            "/api/findings          | text/html",
            "/api/search?q=neurons  | application/xml",
            "/api                   | image/png, text/csv;q=0.5"})
    void anAcceptThisApiCannotServeIsA406Problem(String path, String accept) {
        JsonNode problem = problem(api.get(path, "Accept", accept), 406);
        assertThat(problem.get("type").asString()).isEqualTo("/problems/not-acceptable");
        assertThat(problem.toString()).doesNotContain("springframework").doesNotContain("Exception");
    }
}
