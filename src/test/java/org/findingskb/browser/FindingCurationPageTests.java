package org.findingskb.browser;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The finding view shows a finding's curation as a curator left it through the API: its review status and note,
 * its links to and from other findings (named by their statements), and its history with each field's old and new
 * value. A real browser against the real server, in the test context where writes are expected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kb.test.context=curation")
class FindingCurationPageTests extends PageTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonNode send(String method, String path, Map<String, Object> body, String... headers) {
        Reply reply = new Http(port).send(method, path, JSON.writeValueAsString(body),
                TestKeys.curator(concat(headers, "Content-Type", "application/json")));
        assertThat(reply.status()).as("%s %s: %s", method, path, reply).isBetween(200, 201);
        return reply.json();
    }

    private static String[] concat(String[] headers, String... more) {
        String[] all = new String[headers.length + more.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    private static String ifMatch(JsonNode resource) {
        return "\"" + resource.get("version").asLong() + "\"";
    }

    /** A finding of the study, resting on a stretch of the seed source quoted exactly. */
    private JsonNode createFinding(long studyId, String statement, int start) {
        JsonNode source = new Http(port).get("/api/sources/1").json();
        String exact = source.get("text").asString().substring(start, start + 40);
        return send("POST", "/api/findings", Map.of("studyId", studyId, "statement", statement, "kind", "RESULT",
                "certainty", "REPORTED", "evidence", List.of(Map.of("sourceId", 1, "start", start, "end", start + 40, "exact", exact))));
    }

    @Test
    void theFindingViewShowsReviewNoteLinksBothWaysAndHistoryWithOldAndNewValues() {
        String word = UUID.randomUUID().toString().substring(0, 8);
        long studyId = send("POST", "/api/studies", Map.of("title", "Study curated on the page " + word)).get("id").asLong();
        JsonNode supported = createFinding(studyId, "The supported finding " + word + ".", 100);
        JsonNode finding = createFinding(studyId, "The first wording " + word + ".", 200);
        long id = finding.get("id").asLong();
        String newStatement = "The corrected wording " + word + ".";
        finding = send("PATCH", "/api/findings/" + id, Map.of("statement", newStatement, "certainty", "SUGGESTED"),
                "If-Match", ifMatch(finding));
        String note = "Checked against the paper " + word;
        finding = send("POST", "/api/findings/" + id + "/review", Map.of("status", "ACCEPTED", "note", note),
                "If-Match", ifMatch(finding));
        send("POST", "/api/findings/" + id + "/links", Map.of("type", "SUPPORTS", "findingId", supported.get("id").asLong()));
        JsonNode revisions = new Http(port).get("/api/findings/" + id + "/revisions").json();
        Map<String, String> linkTypes = labels("linkType");
        Map<String, String> reviewStatuses = labels("reviewStatus");
        Map<String, String> certainties = labels("certainty");

        browser.load("http://localhost:" + port + "/#/finding/" + id);
        WebElement review = browser.visible(".curation .review");
        assertThat(text(review.findElement(By.cssSelector(".badge--reviewStatus")))).endsWith(reviewStatuses.get("ACCEPTED"));
        assertThat(text(review.findElement(By.cssSelector(".review__note")))).isEqualTo(note);

        // The link out names the other finding by its statement once it is loaded.
        WebElement outgoing = browser.find(".link--outgoing");
        browser.until(d -> text(outgoing).contains(supported.get("statement").asString()));
        assertThat(text(outgoing)).isEqualTo("This finding " + linkTypes.get("SUPPORTS") + " " + supported.get("statement").asString());
        assertThat(outgoing.findElement(By.cssSelector("a")).getDomAttribute("href"))
                .isEqualTo("#/finding/" + supported.get("id").asLong());

        // History, newest first: one entry per revision; the edit shows each changed field's old and new value.
        browser.until(d -> d.findElements(By.cssSelector(".revision")).size() == revisions.size());
        List<WebElement> entries = browser.findAll(".revision");
        assertThat(text(entries.get(entries.size() - 1))).startsWith("Created · revision " + revisions.get(0).get("revision").asLong());
        WebElement statement = browser.find(".change[data-field=statement]");
        assertThat(text(statement.findElement(By.cssSelector(".change__old")))).isEqualTo("Before: The first wording " + word + ".");
        assertThat(text(statement.findElement(By.cssSelector(".change__new")))).isEqualTo("After: " + newStatement);
        WebElement certainty = browser.find(".change[data-field=certainty]");
        assertThat(text(certainty.findElement(By.cssSelector(".change__old")))).isEqualTo("Before: " + certainties.get("REPORTED"));
        assertThat(text(certainty.findElement(By.cssSelector(".change__new")))).isEqualTo("After: " + certainties.get("SUGGESTED"));
        WebElement reviewNote = browser.find(".change[data-field=reviewNote]");
        assertThat(text(reviewNote.findElement(By.cssSelector(".change__old")))).isEqualTo("Before: none");
        assertThat(text(reviewNote.findElement(By.cssSelector(".change__new")))).isEqualTo("After: " + note);
        browser.fullPageScreenshot("finding-curation");

        // The other finding shows the same link from its side.
        browser.find(".link--outgoing a").click();
        WebElement incoming = browser.visible(".link--incoming");
        browser.until(d -> text(incoming).contains(newStatement));
        assertThat(text(incoming)).isEqualTo(newStatement + " " + linkTypes.get("SUPPORTS") + " this finding");
        assertThat(text(browser.find(".review__note"))).isEqualTo("No review note.");
    }

    private Map<String, String> labels(String field) {
        Map<String, String> labels = new java.util.HashMap<>();
        new Http(port).get("/api/vocabulary").json().get(field)
                .forEach(term -> labels.put(term.get("value").asString(), term.get("label").asString()));
        return labels;
    }
}
