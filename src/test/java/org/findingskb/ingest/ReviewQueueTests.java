package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

/**
 * Findings the sentence model is unsure of wait for a curator: stored with {@code needsReview}, listed by the
 * curators' queue, left out of the summary, and out of the queue once reviewed. The threshold is set high here so
 * that an article surely has findings on both sides of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kb.test.context=review", "kb.ingest.review-threshold=0.97"})
class ReviewQueueTests {

    private static final double THRESHOLD = 0.97;

    @LocalServerPort
    int port;

    @Test
    void findingsBelowTheReviewThresholdWaitInTheQueueAndStayOutOfTheSummary() {
        Http http = new Http(port);
        String text = TestArticles.read("corpus/dev/newborn-neurons-activity-2019.txt")
                .replaceFirst("\n", " (review queue)\n");
        Reply posted = http.send("POST", "/api/sources", text, TestKeys.curator("Content-Type", "text/plain"));
        assertThat(posted.status()).isEqualTo(201);
        long studyId = posted.json().get("studyId").asLong();

        JsonNode findings = http.get("/api/findings?size=100&studyId=" + studyId).json().get("content");
        Set<Long> unsure = new HashSet<>();
        List<Long> sure = new ArrayList<>();
        for (JsonNode f : findings) {
            boolean below = f.get("confidence").asDouble() < THRESHOLD;
            assertThat(f.get("needsReview").asBoolean()).as("%s", f.get("statement")).isEqualTo(below);
            (below ? unsure : sure).add(f.get("id").asLong());
        }
        assertThat(unsure).isNotEmpty();
        assertThat(sure).isNotEmpty();

        JsonNode queue = http.get("/api/findings?size=100&needsReview=true&studyId=" + studyId).json().get("content");
        assertThat(queue.valueStream().map(f -> f.get("id").asLong()).toList()).containsExactlyInAnyOrderElementsOf(unsure);
        assertThat(http.get("/api/studies/" + studyId + "/findings?size=100&needsReview=false").json().get("content")
                .valueStream().map(f -> f.get("id").asLong()).toList()).containsExactlyInAnyOrderElementsOf(sure);

        Set<Long> summarised = new HashSet<>();
        http.get("/api/studies/" + studyId + "/summary").json().findValues("findings")
                .forEach(refs -> refs.forEach(ref -> summarised.add(ref.get("id").asLong())));
        assertThat(summarised).isNotEmpty().doesNotContainAnyElementsOf(unsure);

        long reviewed = unsure.iterator().next();
        String etag = http.get("/api/findings/" + reviewed).header("ETag").orElseThrow();
        Reply review = http.send("POST", "/api/findings/" + reviewed + "/review", "{\"status\": \"ACCEPTED\"}",
                TestKeys.curator("Content-Type", "application/json", "If-Match", etag));
        assertThat(review.status()).as("%s", review).isEqualTo(200);
        assertThat(http.get("/api/findings/" + reviewed).json().get("needsReview").asBoolean()).isFalse();
        assertThat(http.get("/api/findings?size=100&needsReview=true&studyId=" + studyId).json().get("content")
                .valueStream().map(f -> f.get("id").asLong()).toList()).doesNotContain(reviewed);
    }
}
