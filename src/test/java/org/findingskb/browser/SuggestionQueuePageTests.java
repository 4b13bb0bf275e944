package org.findingskb.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

/**
 * The curators' queue of suggested links: each suggestion shows both statements, its type, score and reason;
 * Accept and Dismiss appear once a curator key is entered, and act through the API. A real browser against the
 * real server, with the seed and two invented articles about an antidepressant and BMP signalling.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kb.test.context=curation")
class SuggestionQueuePageTests extends PageTestSupport {

    private void ingest(String resource) throws IOException {
        String text = new String(new ClassPathResource(resource).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Reply reply = new Http(port).send("POST", "/api/sources", text, TestKeys.curator("Content-Type", "text/plain"));
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
    }

    private WebElement item(long id) {
        return browser.visible(".suggestion[data-id='" + id + "']");
    }

    @Test
    void theQueueListsSuggestionsAndACuratorKeyAcceptsOneAndDismissesAnother() throws IOException {
        ingest("compare/antidepressant-quiets-bmp-in-hippocampus.txt");
        ingest("suggestion/antidepressant-raises-bmp-in-old-rats.txt");
        Http http = new Http(port);
        List<JsonNode> waiting = new ArrayList<>();
        http.get("/api/links/suggested?size=20").json().get("content").forEach(waiting::add);
        assertThat(waiting).as("suggestions waiting for a verdict").hasSizeGreaterThanOrEqualTo(2);
        JsonNode first = waiting.get(0);
        JsonNode second = waiting.get(1);

        browser.load(url("#/suggestions"));
        WebElement shown = item(first.get("id").asLong());
        assertThat(text(shown)).contains(first.get("from").get("statement").asString())
                .contains(first.get("to").get("statement").asString())
                .contains(first.get("reason").asString())
                .contains(String.format("score %.2f", first.get("score").asDouble()));
        assertThat(shown.findElement(By.cssSelector(".link__type")).getText()).isNotBlank();
        assertThat(shown.findElements(By.cssSelector(".suggestion__accept"))).as("no key, no verdict").isEmpty();

        browser.find("#curator-key").sendKeys(TestKeys.CURATOR);
        browser.find(".key-form button[type=submit]").click();
        item(first.get("id").asLong()).findElement(By.cssSelector(".suggestion__accept")).click();
        browser.until(d -> text(item(first.get("id").asLong())).contains("Accepted"));
        item(second.get("id").asLong()).findElement(By.cssSelector(".suggestion__dismiss")).click();
        browser.until(d -> text(item(second.get("id").asLong())).contains("Dismissed"));

        assertThat(http.get("/api/links/suggested/" + first.get("id").asLong()).json().get("status").asString())
                .isEqualTo("ACCEPTED");
        assertThat(http.get("/api/links/suggested/" + second.get("id").asLong()).json().get("status").asString())
                .isEqualTo("DISMISSED");
        List<Long> linked = new ArrayList<>();
        http.get("/api/findings/" + first.get("from").get("id").asLong()).json().get("links")
                .forEach(l -> linked.add(l.get("findingId").asLong()));
        assertThat(linked).contains(first.get("to").get("id").asLong());
    }
}
