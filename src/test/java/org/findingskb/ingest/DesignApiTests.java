package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

/** An ingested article's study design, served on the study through real HTTP, each part quoting the source. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kb.test.context=curation")
class DesignApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void theStudyOfAnIngestedArticleCarriesItsDesignWithASpanOfTheSourceForEachPart() {
        Http http = new Http(port);
        Reply reply = http.send("POST", "/api/sources",
                JSON.writeValueAsString(Map.of("text",
                        DesignReaderTests.TRIAL.replaceFirst("\n", " (" + System.nanoTime() + ")\n"))),
                TestKeys.curator("Content-Type", "application/json"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        long sourceId = reply.json().get("source").get("id").asLong();
        String text = http.get("/api/sources/" + sourceId).json().get("text").asString();

        JsonNode design = http.get("/api/studies/" + reply.json().get("studyId").asLong()).json().get("design");
        assertThat(design.get("type").asString()).isEqualTo("RANDOMIZED_TRIAL");
        assertThat(design.get("sampleSize").asInt()).isEqualTo(1500);
        assertThat(design.get("comparator").asString()).isEqualTo("placebo");
        assertThat(design.get("duration").asString()).isEqualTo("16 weeks");
        assertThat(design.get("intervention").asString()).isEqualToIgnoringCase("metformin");
        JsonNode evidence = design.get("evidence");
        assertThat(evidence.propertyNames()).containsExactlyInAnyOrder("type", "sampleSize", "comparator", "duration",
                "intervention");
        for (String part : evidence.propertyNames()) {
            JsonNode span = evidence.get(part);
            assertThat(span.get("sourceId").asLong()).isEqualTo(sourceId);
            assertThat(text.substring(span.get("start").asInt(), span.get("end").asInt()))
                    .as(part).isEqualTo(span.get("exact").asString());
        }
        assertThat(evidence.get("sampleSize").get("exact").asString()).isEqualTo("1,500");
        assertThat(evidence.get("type").get("exact").asString()).contains("randomly assigned");
    }

    @Test
    void aCuratorCorrectsAPartOfTheDesignWithAQuoteOfTheSourceAndAWrongQuoteChangesNothing() {
        Http http = new Http(port);
        Reply reply = http.send("POST", "/api/sources", DesignReaderTests.TRIAL.replaceFirst("\n",
                " (" + System.nanoTime() + ")\n"), TestKeys.curator("Content-Type", "text/plain"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        String path = "/api/studies/" + reply.json().get("studyId").asLong();
        String text = http.get("/api/sources/" + reply.json().get("source").get("id").asLong()).json().get("text")
                .asString();
        int start = text.indexOf("dummy tablets");
        JsonNode before = http.get(path).json();
        String ifMatch = "\"" + before.get("version").asLong() + "\"";
        String patch = """
                {"design": {"comparator": "dummy tablets", "evidence": {"comparator": {"start": %d, "end": %d,
                 "exact": "%s"}}}}""";

        Reply wrong = http.send("PATCH", path, patch.formatted(start, start + 13, "sugar pills"),
                TestKeys.curator("Content-Type", "application/merge-patch+json", "If-Match", ifMatch));
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(422);
        assertThat(wrong.body()).contains("design.evidence.comparator");
        assertThat(http.get(path).json().get("design")).isEqualTo(before.get("design"));

        Reply patched = http.send("PATCH", path, patch.formatted(start, start + 13, "dummy tablets"),
                TestKeys.curator("Content-Type", "application/merge-patch+json", "If-Match", ifMatch));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode design = http.get(path).json().get("design");
        assertThat(design.get("comparator").asString()).isEqualTo("dummy tablets");
        assertThat(design.get("evidence").get("comparator").get("start").asInt()).isEqualTo(start);
        assertThat(design.get("sampleSize")).isEqualTo(before.get("design").get("sampleSize"));
        assertThat(design.get("evidence").get("type")).isEqualTo(before.get("design").get("evidence").get("type"));
    }

    @Test
    void aStudyWhoseSourceSaysNothingOfItsDesignServesEveryPartAsNull() {
        Http http = new Http(port);
        Reply created = http.send("POST", "/api/studies", "{\"title\": \"A study curated by hand\"}",
                TestKeys.curator("Content-Type", "application/json"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode design = created.json().get("design");
        for (String part : new String[] {"type", "sampleSize", "comparator", "duration", "intervention"}) {
            assertThat(design.get(part).isNull()).as(part).isTrue();
        }
        assertThat(design.get("evidence").isEmpty()).isTrue();
    }
}
