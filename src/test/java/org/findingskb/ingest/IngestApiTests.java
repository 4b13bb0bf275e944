package org.findingskb.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** Ingesting articles through real HTTP: new, repeated, overridden, and every kind of bad input. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kb.test.context=curation")
class IngestApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private static String article(String resource) {
        try {
            return new String(new ClassPathResource(resource).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, ?> body) {
        return JSON.writeValueAsString(body);
    }

    private Reply postJson(String body) {
        return http.send("POST", "/api/sources", body, TestKeys.curator("Content-Type", "application/json"));
    }

    private JsonNode counts() {
        return http.get("/api").json().get("counts");
    }

    /** A unique article, so each test ingests something new whatever ran before. */
    private static String uniqueArticle(String tag) {
        return article("corpus/dev/newborn-neurons-activity-2019.txt").replaceFirst("\n",
                " (" + tag + " " + System.nanoTime() + ")\n");
    }

    @Test
    void aNewArticleIsStoredAsAStudyWithItsFindingsAndAnsweredWith201() {
        String text = uniqueArticle("new");
        Reply reply = postJson(json(Map.of("text", text)));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode body = reply.json();
        String location = reply.header("Location").orElseThrow();
        assertThat(location).endsWith("/api/sources/" + body.get("source").get("id").asLong());
        assertThat(body.get("studyId").asLong()).isPositive();
        assertThat(body.get("findings").size()).isGreaterThan(5);
        assertThat(body.get("mechanisms")).isNotEmpty();
        assertThat(body.get("warnings").isArray()).isTrue();

        JsonNode source = http.get(URI.create(location).getPath()).json();
        assertThat(source.get("sha256").asString()).isEqualTo(body.get("source").get("sha256").asString());
        String stored = source.get("text").asString();
        for (JsonNode finding : body.get("findings")) {
            assertThat(finding.get("origin").asString()).isEqualTo("EXTRACTED");
            assertThat(finding.get("reviewStatus").asString()).isEqualTo("UNREVIEWED");
            assertThat(finding.get("confidence").asDouble()).isBetween(0.0, 1.0);
            JsonNode span = finding.get("evidence").get(0);
            assertThat(stored.substring(span.get("start").asInt(), span.get("end").asInt()))
                    .isEqualTo(span.get("exact").asString());
        }
        JsonNode study = http.get("/api/studies/" + body.get("studyId").asLong()).json();
        assertThat(study.get("findingCount").asLong()).isEqualTo(body.get("findings").size());
        assertThat(http.get("/api/search?q=" + "neurons&studyId=" + body.get("studyId").asLong()).json()
                .get("page").get("totalElements").asLong()).isPositive();
    }

    @Test
    void fieldsGivenByTheCallerWinOverWhatThePipelineReads() {
        Reply reply = postJson(json(Map.of("text", uniqueArticle("override"), "title", "A title of my own",
                "publisher", "My Outlet", "url", "https://example.org/story", "publishedYear", 2020)));
        assertThat(reply.status()).isEqualTo(201);
        JsonNode source = reply.json().get("source");
        assertThat(source.get("title").asString()).isEqualTo("A title of my own");
        assertThat(source.get("publisher").asString()).isEqualTo("My Outlet");
        assertThat(source.get("url").asString()).isEqualTo("https://example.org/story");
        assertThat(source.get("publishedYear").asInt()).isEqualTo(2020);
        assertThat(http.get("/api/studies/" + reply.json().get("studyId").asLong()).json().get("title").asString())
                .isEqualTo("A title of my own");
    }

    @Test
    void plainTextIsReadWithItsFirstLineAsTitle() {
        String text = uniqueArticle("plain");
        Reply reply = http.send("POST", "/api/sources", text, TestKeys.curator("Content-Type", "text/plain; charset=UTF-8"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().get("source").get("title").asString()).isEqualTo(text.lines().findFirst().orElseThrow());
    }

    @Test
    void controlCharactersAreDroppedFromTheStoredTextOnEveryDatabase() {
        String text = uniqueArticle("control");
        String sent = text.replaceFirst(" ", " \u0000").replaceFirst("\\.", ".\u0007");
        Reply reply = postJson(json(Map.of("text", sent)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        String stored = http.get("/api/sources/" + reply.json().get("source").get("id").asLong()).json()
                .get("text").asString();
        assertThat(stored).isEqualTo(TextNormalizer.normalize(text)).doesNotContain("\u0000", "\u0007");
        assertThat(postJson(json(Map.of("text", text))).status()).as("the same text without them").isEqualTo(200);
    }

    @Test
    void theSameTextAgainAnswers200WithTheStoredSourceWhateverItsWhitespace() {
        String text = uniqueArticle("again");
        Reply first = postJson(json(Map.of("text", text)));
        assertThat(first.status()).isEqualTo(201);
        JsonNode before = counts();

        for (Reply again : List.of(postJson(json(Map.of("text", text))), postJson(json(Map.of("text", "  " + text + "\n\n"))),
                http.send("POST", "/api/sources", text.replace("\n", "\r\n"), TestKeys.curator("Content-Type", "text/plain")))) {
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
            assertThat(again.header("Location")).isEmpty();
            assertThat(again.json().get("source").get("id").asLong()).isEqualTo(first.json().get("source").get("id").asLong());
            assertThat(again.json().get("studyId").asLong()).isEqualTo(first.json().get("studyId").asLong());
            assertThat(again.json().get("findings")).hasSize(first.json().get("findings").size());
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void concurrentPostsOfOneArticleStoreItOnce() throws Exception {
        String body = json(Map.of("text", uniqueArticle("race")));
        JsonNode before = counts();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                posts.add(() -> postJson(body).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(posts)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(counts().get("sources").asLong()).isEqualTo(before.get("sources").asLong() + 1);
        assertThat(counts().get("studies").asLong()).isEqualTo(before.get("studies").asLong() + 1);
    }

    @Test
    void concurrentPostsOfDifferentArticlesWithOneTitleAreAllStoredUnderTheirOwnSlugs() throws Exception {
        String title = "Namesake study " + System.nanoTime();
        int articles = 12;
        ExecutorService pool = Executors.newFixedThreadPool(articles);
        List<Reply> replies = new ArrayList<>();
        try {
            List<Callable<Reply>> posts = new ArrayList<>();
            for (int i = 0; i < articles; i++) {
                String text = uniqueArticle("namesake " + i);
                posts.add(() -> postJson(json(Map.of("text", text, "title", title))));
            }
            for (Future<Reply> reply : pool.invokeAll(posts)) {
                replies.add(reply.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(replies).extracting(Reply::status).containsOnly(201);
        List<String> slugs = replies.stream()
                .map(reply -> http.get("/api/studies/" + reply.json().get("studyId").asLong()).json().get("slug").asString())
                .toList();
        assertThat(slugs).doesNotHaveDuplicates().allSatisfy(slug -> assertThat(slug).startsWith("namesake-study-"));
    }

    static Stream<Arguments> badRequests() {
        String longText = "Title\n\n" + "word ".repeat(IngestService.MAX_TEXT_LENGTH / 5 + 10);
        return Stream.of(
                Arguments.of("empty text", "application/json", json(Map.of("text", "")), 400),
                Arguments.of("whitespace text", "application/json", json(Map.of("text", " \n\t \r\n ")), 400),
                Arguments.of("missing text", "application/json", json(Map.of("title", "x")), 400),
                Arguments.of("null body", "application/json", "null", 400),
                Arguments.of("malformed JSON", "application/json", "{\"text\": \"abc", 400),
                Arguments.of("JSON array", "application/json", "[\"text\"]", 400),
                Arguments.of("unknown field", "application/json", json(Map.of("text", "abc", "id", 5)), 400),
                Arguments.of("year of the wrong type", "application/json", "{\"text\":\"abc\",\"publishedYear\":\"soon\"}", 400),
                Arguments.of("year out of range", "application/json", json(Map.of("text", "abc", "publishedYear", 99999)), 400),
                Arguments.of("not a URL", "application/json", json(Map.of("text", "abc", "url", "javascript:alert(1)")), 400),
                Arguments.of("title too long", "application/json", json(Map.of("text", "abc", "title", "t".repeat(501))), 400),
                Arguments.of("empty plain text", "text/plain", "", 400),
                Arguments.of("text over the length limit", "application/json", json(Map.of("text", longText)), 413),
                Arguments.of("plain text over the length limit", "text/plain", longText, 413),
                Arguments.of("XML", "application/xml", "<text>abc</text>", 415),
                Arguments.of("form", "application/x-www-form-urlencoded", "text=abc", 415),
                Arguments.of("another charset", "text/plain; charset=ISO-8859-1", "Title\n\nText", 415));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsAProblemAndChangesNothing(String name, String contentType, String body, int status) {
        JsonNode before = counts();
        Reply reply = http.send("POST", "/api/sources", body, TestKeys.curator("Content-Type", contentType));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("detail").asString()).isNotBlank();
        assertThat(counts()).isEqualTo(before);
    }

    /** Two invented sentences under a title: more than 300 characters, fewer than three sentences. */
    private static final String TWO_SENTENCES = "Owls and warm springs\n\nResearchers at a northern field station"
            + " counted how long barn owls slept during three unusually warm springs and found that the birds napped"
            + " about an hour less each day than in cooler years, mostly in the late afternoon. The team said that"
            + " longer evening hunts, not the heat itself, seemed to explain the shorter naps, although the nest"
            + " boxes were not measured for temperature.";

    static Stream<Arguments> tooLittleText() {
        return Stream.of(
                Arguments.of("three characters as JSON", "application/json", json(Map.of("text", "abc")), "3 characters"),
                Arguments.of("three characters as plain text", "text/plain", "abc", "3 characters"),
                Arguments.of("two sentences as JSON", "application/json", json(Map.of("text", TWO_SENTENCES)), "2 sentences"),
                Arguments.of("two sentences as plain text", "text/plain", TWO_SENTENCES, "2 sentences"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooLittleText")
    void lessThanAnArticleIsA422ThatSaysWhyAndStoresNothing(String name, String contentType, String body, String measured) {
        assertThat(TWO_SENTENCES.length()).isGreaterThan(IngestService.MIN_LENGTH);
        JsonNode before = counts();
        Reply reply = http.send("POST", "/api/sources", body, TestKeys.curator("Content-Type", contentType));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).endsWith("/problems/source-too-short");
        assertThat(reply.json().get("detail").asString()).contains(measured, "300 characters", "3 sentences", "force=true");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void forceStoresLessThanAnArticleAsAQueryParameterOrInTheBody() {
        String text = TWO_SENTENCES.replaceFirst("\n", " " + System.nanoTime() + "\n");
        Reply byQuery = http.send("POST", "/api/sources?force=true", text.replace("Owls and", "Owls (plain) and"),
                TestKeys.curator("Content-Type", "text/plain"));
        assertThat(byQuery.status()).as(byQuery.toString()).isEqualTo(201);
        Reply byBody = postJson(json(Map.of("text", text, "force", true)));
        assertThat(byBody.status()).as(byBody.toString()).isEqualTo(201);
        assertThat(postJson(json(Map.of("text", text))).status()).as("a stored text is found again without force")
                .isEqualTo(200);
        assertThat(postJson(json(Map.of("text", text.replace("Owls and", "Owls (again) and"), "force", false))).status())
                .isEqualTo(422);
    }

    @Test
    void aPlainTextArticleOnOneLineIsRefusedOrForcedWithAnAdviceToSendItWithDataBinary() {
        // What curl -d @file sends: the file's line breaks dropped, so the whole article reads as its title.
        String flattened = uniqueArticle("one line").replaceAll("\\s*\\n\\s*", " ").strip();
        JsonNode before = counts();
        Reply refused = http.send("POST", "/api/sources", flattened, TestKeys.curator("Content-Type", "text/plain"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).contains("single line", "--data-binary", "force=true");
        assertThat(counts()).isEqualTo(before);

        Reply reply = http.send("POST", "/api/sources?force=true", flattened, TestKeys.curator("Content-Type", "text/plain"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().get("warnings").get(0).asString()).contains("single line", "--data-binary");

        Reply headlineOnly = http.send("POST", "/api/sources?force=true", "Owls nap less in warm springs " + System.nanoTime(),
                TestKeys.curator("Content-Type", "text/plain"));
        assertThat(headlineOnly.json().get("warnings").valueStream().map(JsonNode::asString))
                .as("a line no longer than a headline").noneMatch(w -> w.contains("--data-binary"));
        Reply article = http.send("POST", "/api/sources", uniqueArticle("lines"), TestKeys.curator("Content-Type", "text/plain"));
        assertThat(article.json().get("warnings").valueStream().map(JsonNode::asString)).noneMatch(w -> w.contains("--data-binary"));
    }

    @Test
    void theSameTextWithOtherMetadataAnswers200WithAWarningThatNamesPatchAndChangesNothing() {
        String text = uniqueArticle("metadata");
        Reply first = postJson(json(Map.of("text", text, "title", "First title", "publishedYear", 2020)));
        assertThat(first.status()).isEqualTo(201);
        long id = first.json().get("source").get("id").asLong();

        Reply same = postJson(json(Map.of("text", text, "title", "First title")));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("warnings")).as("the same metadata again").isEmpty();

        Reply other = postJson(json(Map.of("text", text, "title", "Second title", "publisher", "Another Outlet",
                "publishedYear", 2020)));
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.json().get("warnings")).hasSize(1);
        assertThat(other.json().get("warnings").get(0).asString())
                .contains("PATCH /api/sources/" + id, "title", "publisher").doesNotContain("publishedYear");
        JsonNode stored = http.get("/api/sources/" + id).json();
        assertThat(stored.get("title").asString()).isEqualTo("First title");
        assertThat(stored.get("publisher").asString("")).isNotEqualTo("Another Outlet");
    }

    @Test
    void unknownFieldsAreNamed() {
        Reply reply = postJson(json(Map.of("text", "abc", "origin", "CURATED")));
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("origin");
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        JsonNode before = counts();
        byte[] body = {'T', 'i', 't', 'l', 'e', '\n', '\n', (byte) 0xff, (byte) 0xfe, 'x'};
        HttpResponse<String> plain = raw("text/plain", HttpRequest.BodyPublishers.ofByteArray(body));
        assertThat(plain.statusCode()).isEqualTo(400);
        byte[] jsonBody = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'};
        HttpResponse<String> json = raw("application/json", HttpRequest.BodyPublishers.ofByteArray(jsonBody));
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void bodiesOverOneMebibyteAreRefusedBeforeBeingReadEvenWhenChunked() throws Exception {
        JsonNode before = counts();
        byte[] huge = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        HttpResponse<String> declared = raw("text/plain", HttpRequest.BodyPublishers.ofByteArray(huge));
        assertThat(declared.statusCode()).isEqualTo(413);
        // A publisher of unknown length makes the client send the body chunked, without a Content-Length.
        HttpResponse<String> chunked = raw("text/plain", HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(huge)));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(counts()).isEqualTo(before);
    }

    private HttpResponse<String> raw(String contentType, HttpRequest.BodyPublisher body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/sources"))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + TestKeys.CURATOR)
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }
}
