package org.findingskb.curation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import org.findingskb.FindingsKbApplication;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.findingskb.curation.CurationClient.json;
import static org.findingskb.curation.CurationClient.keyName;
import static org.findingskb.curation.CurationClient.uniqueWord;

/**
 * With no key configured, start-up generates one ADMIN key, says so and shows it once in the log; it works for
 * writes, differs at every start, and never shows up again, not even in history.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kb.test.context=generated-key", "kb.api-keys=", "kb.seed.enabled=false"})
class GeneratedApiKeyTests {

    /** The log line's key: what the operator copies. */
    private static final Pattern GENERATED = Pattern.compile("generated an ADMIN key for this run: ([A-Za-z0-9_-]{20,})");

    @LocalServerPort
    int port;

    private static List<String> generatedKeys(CapturedOutput output) {
        List<String> keys = new ArrayList<>();
        Matcher matcher = GENERATED.matcher(output.getAll());
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }

    private static Reply createStudy(CurationClient api, String key) {
        return api.send("POST", "/api/studies", json("title", "Study with a generated key " + uniqueWord("gen")),
                "Authorization", "Bearer " + key, "Content-Type", "application/json");
    }

    @Test
    void startUpWithoutKeysGeneratesAnAdminKeyThatWorksAndIsShownOnlyOnce(CapturedOutput output) {
        assertThat(output.getAll()).contains("No API key is configured");
        List<String> keys = generatedKeys(output);
        assertThat(keys).as("the generated key in the start-up log").hasSize(1);
        String key = keys.get(0);
        assertThat(output.getAll().split(Pattern.quote(key), -1)).as("the key is shown exactly once").hasSize(2);

        CurationClient api = new CurationClient(port);
        assertThat(createStudy(api, TestKeys.ADMIN).status()).as("the test keys are not configured here").isEqualTo(401);
        Reply created = createStudy(api, key);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode study = created.json();
        Reply deleted = api.send("DELETE", "/api/studies/" + study.get("id").asLong(), null,
                "X-API-Key", key, "If-Match", "\"" + study.get("version").asLong() + "\"");
        assertThat(deleted.status()).as("the generated key is an ADMIN key: %s", deleted).isEqualTo(204);

        Reply history = api.get("/api/studies/" + study.get("id").asLong() + "/revisions");
        for (Reply reply : List.of(created, history, api.get("/api"), api.get("/v3/api-docs"))) {
            assertThat(reply.body()).doesNotContain(key);
        }
        assertThat(output.getAll().split(Pattern.quote(key), -1)).as("not logged again while serving").hasSize(2);
        if (history.status() == 200) {
            assertThat(history.json().get(0).get("keyName").asString()).isEqualTo(keyName("admin", key));
        }
    }

    @Test
    void everyStartGeneratesADifferentKeyAndOnlyItsOwnKeyWorks(CapturedOutput output) {
        List<String> before = generatedKeys(output);
        assertThat(before).hasSize(1);
        String first = before.get(0);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(FindingsKbApplication.class)
                .run("--server.port=0", "--kb.api-keys=", "--kb.seed.enabled=false", "--kb.test.context=generated-key-2")) {
            List<String> after = generatedKeys(output);
            assertThat(after).as("a second start logs its own key").hasSize(2);
            String again = after.get(1);
            assertThat(again).isNotEqualTo(first);

            CurationClient secondApi = new CurationClient(Integer.parseInt(
                    second.getEnvironment().getProperty("local.server.port")));
            CurationClient firstApi = new CurationClient(port);
            assertThat(createStudy(secondApi, first).status()).as("the first run's key").isEqualTo(401);
            assertThat(createStudy(secondApi, again).status()).as("the second run's key").isEqualTo(201);
            assertThat(createStudy(firstApi, again).status()).isEqualTo(401);
            assertThat(createStudy(firstApi, first).status()).isEqualTo(201);
        }
    }
}
