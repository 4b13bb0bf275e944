package org.findingskb.curation;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.findingskb.curation.CurationClient.ifMatch;
import static org.findingskb.curation.CurationClient.json;
import static org.findingskb.curation.CurationClient.problem;
import static org.findingskb.curation.CurationClient.uniqueWord;

/** Any origin may read the API from a browser; only the origins in kb.cors.write-origins may write to it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kb.test.context=cors",
        "kb.cors.write-origins=" + CrossOriginTests.CURATORS + "," + CrossOriginTests.ADMINS})
class CrossOriginTests extends CuratingOverHttp {

    static final String CURATORS = "https://curators.example.org";
    static final String ADMINS = "https://admin.example.org";
    private static final String ELSEWHERE = "https://elsewhere.example.com";

    private Reply preflight(String path, String origin, String method, String requestHeaders) {
        return requestHeaders == null
                ? api.send("OPTIONS", path, null, "Origin", origin, "Access-Control-Request-Method", method)
                : api.send("OPTIONS", path, null, "Origin", origin, "Access-Control-Request-Method", method,
                        "Access-Control-Request-Headers", requestHeaders);
    }

    private static String lower(Reply reply, String header) {
        return reply.header(header).orElse("").toLowerCase(Locale.ROOT);
    }

    @ParameterizedTest(name = "from {0}")
    @ValueSource(strings = {ELSEWHERE, CURATORS, "http://localhost:3000"})
    void anyOriginMayReadAndSeeTheValidators(String origin) {
        Reply preflight = preflight("/api/findings", origin, "GET", "if-none-match");
        assertThat(preflight.status()).as("%s", preflight).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).get().isIn("*", origin);
        assertThat(lower(preflight, "Access-Control-Allow-Methods")).contains("get");

        Reply read = api.get("/api/studies/1", "Origin", origin);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).get().isIn("*", origin);
        assertThat(lower(read, "Access-Control-Expose-Headers")).contains("etag");
    }

    @Test
    void aReadPreflightAllowsTheHeadersABrowserAppSendsWithoutCredentials() {
        String sent = "accept-language,if-none-match,x-request-id,x-trace-id,content-type";
        Reply preflight = preflight("/api/findings", ELSEWHERE, "GET", sent);
        assertThat(preflight.status()).as("%s", preflight).isEqualTo(200);
        assertThat(lower(preflight, "Access-Control-Allow-Headers").replace(" ", "")).contains(sent.split(","));
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void aReadExposesTheHeadersABrowserAppNeedsToPageAndRetry() {
        Reply read = api.get("/api/findings?size=1", "Origin", ELSEWHERE, "Accept", "text/csv");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("X-Total-Count")).isPresent();
        assertThat(lower(read, "Access-Control-Expose-Headers"))
                .contains("etag", "link", "x-total-count", "x-request-id", "retry-after");
    }

    @Test
    void aRefusedPreflightSaysWhatWasWrong() {
        JsonNode origin = problem(preflight("/api/studies", ELSEWHERE, "POST", "content-type"), 403);
        assertThat(origin.get("detail").asString()).contains(ELSEWHERE).contains("POST").contains("kb.cors.write-origins");

        JsonNode header = problem(preflight("/api/studies", CURATORS, "POST", "content-type,x-unheard-of"), 403);
        assertThat(header.get("type").asString()).isEqualTo("/problems/cors-preflight-refused");
        assertThat(header.get("detail").asString()).contains("x-unheard-of").doesNotContain("'content-type");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void aPreflightForAWriteFromAnUnlistedOriginIsRefused(String method) {
        Reply preflight = preflight("/api/findings/1", ELSEWHERE, method, "authorization,content-type,if-match");
        assertThat(preflight.status()).as("%s", preflight).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void aPreflightForAWriteFromAListedOriginIsAllowedWithTheHeadersWritesNeed(String method) {
        Reply preflight = preflight("/api/findings/1", CURATORS, method, "authorization,content-type,if-match");
        assertThat(preflight.status()).as("%s", preflight).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).contains(CURATORS);
        assertThat(lower(preflight, "Access-Control-Allow-Methods")).contains(method.toLowerCase(Locale.ROOT));
        assertThat(lower(preflight, "Access-Control-Allow-Headers")).contains("authorization", "content-type", "if-match");

        Reply withKeyHeader = preflight("/api/findings", ADMINS, method, "x-api-key,content-type");
        assertThat(withKeyHeader.status()).isEqualTo(200);
        assertThat(lower(withKeyHeader, "Access-Control-Allow-Headers")).contains("x-api-key");
    }

    @Test
    void anActualWriteFromAnUnlistedOriginIsA403ProblemAndChangesNothing() {
        JsonNode counts = api.counts();
        Reply post = api.send("POST", "/api/studies", json("title", "Cross-origin study " + uniqueWord("cor")),
                TestKeys.curator("Content-Type", "application/json", "Origin", ELSEWHERE));
        JsonNode problem = problem(post, 403);
        assertThat(problem.get("type").asString()).isEqualTo("/problems/cors-origin-refused");
        assertThat(api.counts()).isEqualTo(counts);

        JsonNode study = api.createStudy("Study an unlisted origin cannot delete " + uniqueWord("cod"));
        long id = study.get("id").asLong();
        problem(api.send("DELETE", "/api/studies/" + id, null,
                TestKeys.admin("If-Match", ifMatch(study.get("version").asLong()), "Origin", ELSEWHERE)), 403);
        problem(api.send("PATCH", "/api/studies/" + id, json("population", "rats"),
                TestKeys.curator("Content-Type", "application/json", "If-Match", ifMatch(study.get("version").asLong()),
                        "Origin", ELSEWHERE)), 403);
        assertThat(api.ok("/api/studies/" + id)).isEqualTo(study);
    }

    @Test
    void anActualWriteFromAListedOriginIsServedWithItsCorsHeaders() {
        Reply post = api.send("POST", "/api/studies", json("title", "Study from the curators' app " + uniqueWord("cap")),
                TestKeys.curator("Content-Type", "application/json", "Origin", CURATORS));
        assertThat(post.status()).as("%s", post).isEqualTo(201);
        assertThat(post.header("Access-Control-Allow-Origin")).contains(CURATORS);
        assertThat(lower(post, "Access-Control-Expose-Headers")).contains("location", "etag");

        JsonNode study = post.json();
        Reply delete = api.send("DELETE", "/api/studies/" + study.get("id").asLong(), null,
                TestKeys.admin("If-Match", ifMatch(study.get("version").asLong()), "Origin", ADMINS));
        assertThat(delete.status()).as("%s", delete).isEqualTo(204);
    }

    @Test
    void aWriteWithoutAKeyFromAListedOriginIsStillA401WithCorsHeadersTheBrowserCanRead() {
        Reply post = api.send("POST", "/api/studies", json("title", "No key"), "Content-Type", "application/json",
                "Origin", CURATORS);
        problem(post, 401);
        assertThat(post.header("Access-Control-Allow-Origin"))
                .as("a browser app can only read the 401 if it carries CORS headers").contains(CURATORS);
    }
}
