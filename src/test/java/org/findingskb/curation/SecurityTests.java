package org.findingskb.curation;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import org.findingskb.curation.MappedWrites.Write;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;
import org.findingskb.web.security.ApiKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.findingskb.curation.CurationClient.ifMatch;
import static org.findingskb.curation.CurationClient.json;
import static org.findingskb.curation.CurationClient.keyName;
import static org.findingskb.curation.CurationClient.problem;
import static org.findingskb.curation.CurationClient.uniqueWord;

/**
 * Reads are open; every other method needs an API key whose role allows it. Proven over every handler the
 * application maps, not only over the ones a test author thought of.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kb.test.context=security")
class SecurityTests {

    private static final String UNKNOWN_KEY = "not-a-key-this-server-knows-0001";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    CurationClient api;

    @BeforeEach
    void client() {
        api = new CurationClient(port);
    }

    private List<Write> mappedWrites() {
        return MappedWrites.of(context);
    }

    private Reply send(Write write, String... credentials) {
        String[] headers = CurationClient.concat(new String[] {"Content-Type", write.contentType(), "If-Match", "\"0\""},
                credentials);
        String body = write.contentType().equals("application/json") ? "{}" : "Some text.";
        return api.send(write.method(), write.path(), body, headers);
    }

    @Test
    void theHandlerWalkSeesEveryWriteOfTheApi() {
        List<String> writes = mappedWrites().stream().map(w -> w.method() + " " + w.path()).toList();
        assertThat(writes).contains("POST /api/sources", "POST /api/studies", "PUT /api/studies/1", "PATCH /api/studies/1",
                "DELETE /api/studies/1", "POST /api/findings", "PUT /api/findings/1", "PATCH /api/findings/1",
                "DELETE /api/findings/1", "POST /api/findings/1/review", "POST /api/findings/1/links",
                "DELETE /api/findings/1/links/1", "POST /api/mechanisms", "PUT /api/mechanisms/1",
                "PATCH /api/mechanisms/1", "DELETE /api/mechanisms/1", "POST /api/concepts", "PUT /api/concepts/1",
                "PATCH /api/concepts/1", "DELETE /api/concepts/1");
    }

    @Test
    void noWriteOfAnyMappedHandlerIsReachableWithoutAKey() {
        JsonNode counts = api.counts();
        JsonNode finding = api.ok("/api/findings/" + api.seedFindings().get(0).get("id").asLong());
        List<String> reachable = new ArrayList<>();
        for (Write write : mappedWrites()) {
            Reply reply = send(write);
            if (reply.status() != 401) {
                reachable.add(write + " -> " + reply);
                continue;
            }
            problem(reply, 401);
            assertThat(reply.header("WWW-Authenticate")).as("%s", write).contains("Bearer");
        }
        assertThat(reachable).as("writes that answered something else than 401 without a key").isEmpty();
        assertThat(api.counts()).isEqualTo(counts);
        assertThat(api.ok("/api/findings/" + finding.get("id").asLong())).isEqualTo(finding);
    }

    @Test
    void noWriteOfAnyMappedHandlerIsReachableWithAnUnknownKey() {
        List<String> reachable = new ArrayList<>();
        for (Write write : mappedWrites()) {
            for (String[] credentials : List.of(new String[] {"Authorization", "Bearer " + UNKNOWN_KEY},
                    new String[] {"X-API-Key", UNKNOWN_KEY})) {
                Reply reply = send(write, credentials);
                if (reply.status() != 401) {
                    reachable.add(write + " with " + credentials[0] + " -> " + reply);
                } else {
                    problem(reply, 401);
                }
            }
        }
        assertThat(reachable).isEmpty();
    }

    @Test
    void noDeleteOfAnyMappedHandlerIsOpenToACurator() {
        JsonNode counts = api.counts();
        List<String> allowed = new ArrayList<>();
        List<Write> deletes = mappedWrites().stream().filter(w -> w.method().equals("DELETE")).toList();
        assertThat(deletes).hasSizeGreaterThanOrEqualTo(5);
        for (Write write : deletes) {
            Reply reply = send(write, "Authorization", "Bearer " + TestKeys.CURATOR);
            if (reply.status() != 403) {
                allowed.add(write + " -> " + reply);
            } else {
                problem(reply, 403);
            }
        }
        assertThat(allowed).isEmpty();
        assertThat(api.counts()).isEqualTo(counts);
    }

    static Stream<Arguments> refusedCredentials() {
        return Stream.of(
                Arguments.of("no key at all", new String[] {}),
                Arguments.of("an unknown Bearer key", new String[] {"Authorization", "Bearer " + UNKNOWN_KEY}),
                Arguments.of("an unknown X-API-Key", new String[] {"X-API-Key", UNKNOWN_KEY}),
                Arguments.of("a known key with a character more", new String[] {"Authorization", "Bearer " + TestKeys.CURATOR + "x"}),
                Arguments.of("a known key cut short", new String[] {"X-API-Key", TestKeys.ADMIN.substring(0, 20)}),
                Arguments.of("Basic credentials", new String[] {"Authorization", "Basic " + UNKNOWN_KEY}),
                Arguments.of("a Bearer scheme without a key", new String[] {"Authorization", "Bearer"}),
                Arguments.of("a Bearer scheme with a blank key", new String[] {"Authorization", "Bearer    "}),
                Arguments.of("a known key under another scheme", new String[] {"Authorization", "Token " + TestKeys.CURATOR}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCredentials")
    void aWriteWithoutAValidKeyIsA401ProblemThatDoesNotEchoTheKeyAndStoresNothing(String description, String[] credentials) {
        JsonNode counts = api.counts();
        String[] headers = CurationClient.concat(new String[] {"Content-Type", "application/json"}, credentials);
        Reply reply = api.send("POST", "/api/studies", json("title", "Unauthorized study"), headers);
        JsonNode problem = problem(reply, 401);
        assertThat(problem.get("type").asString()).isEqualTo("/problems/unauthorized");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/studies");
        assertThat(reply.header("WWW-Authenticate")).contains("Bearer");
        assertThat(reply.body()).doesNotContain(UNKNOWN_KEY).doesNotContain(TestKeys.CURATOR).doesNotContain(TestKeys.ADMIN);
        assertThat(api.counts()).isEqualTo(counts);
    }

    @Test
    void aCuratorWhoDeletesGetsA403ProblemAndNothingIsDeleted() {
        JsonNode study = api.createStudy("Study a curator cannot delete " + uniqueWord("sec"));
        long studyId = study.get("id").asLong();
        JsonNode finding = api.createFinding(studyId, "A finding a curator cannot delete.");
        JsonNode mechanism = api.createMechanism(studyId, "A mechanism a curator cannot delete");
        JsonNode concept = api.createConcept("Concept " + uniqueWord("cnd"), "DRUG");
        for (JsonNode[] target : List.of(new JsonNode[] {study}, new JsonNode[] {finding}, new JsonNode[] {mechanism},
                new JsonNode[] {concept})) {
            JsonNode resource = target[0];
            String path = pathOf(resource, study, finding, mechanism);
            Reply reply = api.send("DELETE", path, null, TestKeys.curator("If-Match", ifMatch(resource.get("version").asLong())));
            JsonNode problem = problem(reply, 403);
            assertThat(problem.get("type").asString()).isEqualTo("/problems/forbidden");
            assertThat(reply.body()).doesNotContain(TestKeys.CURATOR);
            assertThat(api.ok(path).get("id")).isEqualTo(resource.get("id"));
        }
        assertThat(api.ok("/api/findings/" + finding.get("id").asLong())).isEqualTo(finding);
    }

    private static String pathOf(JsonNode resource, JsonNode study, JsonNode finding, JsonNode mechanism) {
        long id = resource.get("id").asLong();
        if (resource == study) {
            return "/api/studies/" + id;
        }
        if (resource == finding) {
            return "/api/findings/" + id;
        }
        return resource == mechanism ? "/api/mechanisms/" + id : "/api/concepts/" + id;
    }

    @Test
    void curatorsAndAdminsMayIngestAnArticleButNotWithoutAKey() {
        JsonNode counts = api.counts();
        String article = "Curators and ingestion\n\nResearchers at the Curation Institute found that "
                + uniqueWord("ing") + " improved recall in mice within hours, the team reported.";
        problem(api.send("POST", "/api/sources?force=true", article, "Content-Type", "text/plain"), 401);
        assertThat(api.counts()).as("a refused ingest stores nothing").isEqualTo(counts);
        Reply byCurator = api.send("POST", "/api/sources?force=true", article, TestKeys.curator("Content-Type", "text/plain"));
        assertThat(byCurator.status()).as("%s", byCurator).isEqualTo(201);
        Reply byAdmin = api.send("POST", "/api/sources?force=true", article + " Again.", TestKeys.admin("Content-Type", "text/plain"));
        assertThat(byAdmin.status()).as("%s", byAdmin).isEqualTo(201);
    }

    @Test
    void readsNeedNoKey() {
        long findingId = api.seedFindings().get(0).get("id").asLong();
        for (String path : List.of("/api", "/api/studies", "/api/studies/1", "/api/studies/1/findings",
                "/api/studies/1/mechanisms", "/api/studies/1/summary", "/api/studies/1/revisions", "/api/findings",
                "/api/findings/" + findingId, "/api/findings/" + findingId + "/revisions", "/api/mechanisms",
                "/api/concepts", "/api/sources", "/api/search?q=ketamine", "/v3/api-docs", "/actuator/health")) {
            Reply reply = api.get(path);
            assertThat(reply.status()).as("GET %s: %s", path, reply).isEqualTo(200);
        }
        Reply head = api.send("HEAD", "/api/findings/" + findingId, null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("ETag")).isPresent();
        Reply options = api.send("OPTIONS", "/api/findings/" + findingId, null);
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.header("Allow")).get().asString().contains("GET");
    }

    @Test
    void anXApiKeyHeaderWorksLikeABearerToken() {
        Reply byHeader = api.send("POST", "/api/studies", json("title", "Study by header " + uniqueWord("hdr")),
                "X-API-Key", TestKeys.CURATOR, "Content-Type", "application/json");
        assertThat(byHeader.status()).as("%s", byHeader).isEqualTo(201);
        long id = byHeader.json().get("id").asLong();
        assertThat(api.ok("/api/studies/" + id + "/revisions").get(0).get("keyName").asString())
                .isEqualTo(keyName("curator", TestKeys.CURATOR));

        Reply lowerCaseScheme = api.send("PATCH", "/api/studies/" + id, json("population", "rats"),
                "Authorization", "bearer " + TestKeys.CURATOR, "Content-Type", "application/json",
                "If-Match", ifMatch(byHeader.json().get("version").asLong()));
        assertThat(lowerCaseScheme.status()).as("the scheme is case-insensitive: %s", lowerCaseScheme).isEqualTo(200);

        Reply curatorDeletes = api.send("DELETE", "/api/studies/" + id, null, "X-API-Key", TestKeys.CURATOR,
                "If-Match", ifMatch(lowerCaseScheme.json().get("version").asLong()));
        problem(curatorDeletes, 403);
        Reply adminDeletes = api.send("DELETE", "/api/studies/" + id, null, "X-API-Key", TestKeys.ADMIN,
                "If-Match", ifMatch(lowerCaseScheme.json().get("version").asLong()));
        assertThat(adminDeletes.status()).as("%s", adminDeletes).isEqualTo(204);
    }

    @Test
    void anAdminMayDoWhatACuratorMay() {
        Reply study = api.asAdmin("POST", "/api/studies", json("title", "Study by an admin " + uniqueWord("adm")));
        assertThat(study.status()).as("%s", study).isEqualTo(201);
        long studyId = study.json().get("id").asLong();
        Reply finding = api.asAdmin("POST", "/api/findings", api.findingBody(studyId, "An admin's finding."));
        assertThat(finding.status()).as("%s", finding).isEqualTo(201);
        Reply reviewed = api.asAdmin("POST", "/api/findings/" + finding.json().get("id").asLong() + "/review",
                json("status", "ACCEPTED"), "If-Match", ifMatch(finding.json().get("version").asLong()));
        assertThat(reviewed.status()).as("%s", reviewed).isEqualTo(200);
    }

    @Test
    void keysNeverAppearInResponsesOrHistoryOnlyTheirNames() {
        JsonNode study = api.createStudy("Study for key names " + uniqueWord("key"));
        long studyId = study.get("id").asLong();
        JsonNode finding = api.createFinding(studyId, "A finding for key names.");
        long findingId = finding.get("id").asLong();
        Reply reviewed = api.asAdmin("POST", "/api/findings/" + findingId + "/review", json("status", "ACCEPTED"),
                "If-Match", ifMatch(finding.get("version").asLong()));
        assertThat(reviewed.status()).isEqualTo(200);

        List<Reply> replies = new ArrayList<>();
        replies.add(reviewed);
        for (String path : List.of("/api/findings/" + findingId + "/revisions", "/api/studies/" + studyId + "/revisions",
                "/api/findings/" + findingId, "/api", "/v3/api-docs", "/actuator/health", "/actuator/info")) {
            replies.add(api.get(path));
        }
        for (Reply reply : replies) {
            assertThat(reply.body()).as("%s", reply.response().uri())
                    .doesNotContain(TestKeys.CURATOR).doesNotContain(TestKeys.ADMIN);
        }
        List<String> names = api.ok("/api/findings/" + findingId + "/revisions").valueStream()
                .map(r -> r.get("keyName").asString()).toList();
        assertThat(names).containsExactly(keyName("curator", TestKeys.CURATOR), keyName("admin", TestKeys.ADMIN));
        assertThat(api.get("/actuator/env").status()).as("the environment, which holds the keys, is not exposed")
                .isEqualTo(404);
        assertThat(api.get("/actuator/configprops").status()).isEqualTo(404);
    }

    @Test
    void theApplicationKeepsOnlyHashesOfTheKeys() throws IllegalAccessException {
        ApiKeys keys = context.getBean(ApiKeys.class);
        List<String> strings = new ArrayList<>();
        collectStrings(keys, strings, new IdentityHashMap<>(), 0);
        assertThat(strings).as("strings held by ApiKeys").isNotEmpty()
                .noneMatch(s -> s.contains(TestKeys.CURATOR) || s.contains(TestKeys.ADMIN));
    }

    /** Every String (and char[] as String) reachable from {@code value} through its fields, arrays and collections. */
    private static void collectStrings(Object value, List<String> strings, Map<Object, Boolean> seen, int depth)
            throws IllegalAccessException {
        if (value == null || depth > 8 || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof String s) {
            strings.add(s);
            return;
        }
        if (value instanceof char[] chars) {
            strings.add(new String(chars));
            return;
        }
        if (value instanceof byte[] bytes) {
            strings.add(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        Class<?> type = value.getClass();
        if (type.isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                collectStrings(Array.get(value, i), strings, seen, depth + 1);
            }
            return;
        }
        if (value instanceof Collection<?> collection) {
            for (Object element : collection) {
                collectStrings(element, strings, seen, depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                collectStrings(entry.getKey(), strings, seen, depth + 1);
                collectStrings(entry.getValue(), strings, seen, depth + 1);
            }
            return;
        }
        if (type.getName().startsWith("java.") || type.isEnum()) {
            return;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                } catch (RuntimeException e) {
                    continue;
                }
                collectStrings(field.get(value), strings, seen, depth + 1);
            }
        }
    }
}
