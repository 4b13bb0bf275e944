package org.findingskb.curation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import org.findingskb.curation.MappedWrites.Write;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.findingskb.curation.CurationClient.uniqueWord;

/**
 * Request bodies over 1 MiB are refused with 413 before they are read in full, whether their length is declared
 * or they come in chunks, on every write the application maps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kb.test.context=curation")
class BodySizeLimitTests {

    private static final int LIMIT = 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    CurationClient api;
    RawHttp raw;

    @BeforeEach
    void client() {
        api = new CurationClient(port);
        raw = new RawHttp(port);
    }

    private static void assertTooLarge(RawHttp.Response response, Object what) {
        assertThat(response.status()).as("%s: %s", what, response).isEqualTo(413);
        assertThat(response.header("Content-Type")).as("%s", what).startsWith("application/problem+json");
        JsonNode problem = CurationClient.parse(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("type").asString()).isEqualTo("/problems/payload-too-large");
        assertThat(problem.get("detail").asString()).contains(String.valueOf(LIMIT));
    }

    private String[] headers(Write write) {
        return new String[] {"Authorization", "Bearer " + TestKeys.ADMIN, "Content-Type", write.contentType(),
                "If-Match", "\"0\""};
    }

    @Test
    void everyWriteRefusesADeclaredBodyOverTheLimitBeforeReadingAnyOfIt() {
        JsonNode counts = api.counts();
        List<Write> writes = MappedWrites.of(context);
        assertThat(writes).hasSizeGreaterThan(15);
        for (Write write : writes) {
            assertTooLarge(raw.declareWithoutSending(write.method(), write.path(), LIMIT + 1, headers(write)), write);
        }
        assertThat(api.counts()).isEqualTo(counts);
    }

    @Test
    void everyWriteWithABodyRefusesAChunkedBodyLongBeforeItEnds() {
        JsonNode counts = api.counts();
        List<Write> writes = MappedWrites.of(context).stream().filter(Write::takesBody).toList();
        assertThat(writes).hasSizeGreaterThan(10);
        List<String> late = new ArrayList<>();
        for (Write write : writes) {
            // A body of 16 MiB, sent in chunks; the client stops sending as soon as an answer arrives.
            RawHttp.Streamed streamed = raw.chunkedUntilAnswered(write.method(), write.path(), 16L * LIMIT, headers(write));
            assertTooLarge(streamed.response(), write);
            if (streamed.bytesSent() > 4L * LIMIT) {
                late.add(write + " answered after " + streamed.bytesSent() + " bytes");
            }
        }
        assertThat(late).as("writes that read far past the limit before answering").isEmpty();
        assertThat(api.counts()).isEqualTo(counts);
    }

    @Test
    void aChunkedBodyFromJavaNetHttpOverTheLimitIsA413() throws Exception {
        JsonNode counts = api.counts();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> answers = new ArrayList<>();
        for (String[] target : List.of(new String[] {"POST", "/api/sources", "text/plain"},
                new String[] {"POST", "/api/findings", "application/json"},
                new String[] {"PATCH", "/api/studies/1", "application/json"})) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target[1]))
                    .method(target[0], HttpRequest.BodyPublishers.ofInputStream(() -> spaces(3 * LIMIT)))
                    .header("Content-Type", target[2]).header("Authorization", "Bearer " + TestKeys.ADMIN)
                    .header("If-Match", "\"0\"").timeout(Duration.ofSeconds(30)).build();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                answers.add(target[0] + " " + target[1] + " -> " + response.statusCode());
                assertThat(response.statusCode()).as("%s %s: %s", target[0], target[1], response.body()).isEqualTo(413);
                assertThat(response.headers().firstValue("Content-Type")).get().asString()
                        .startsWith("application/problem+json");
                assertThat(request.bodyPublisher().orElseThrow().contentLength()).as("sent chunked").isNegative();
            } catch (IOException e) {
                answers.add(target[0] + " " + target[1] + " -> " + e);
            }
        }
        assertThat(answers).as("each request answered 413 rather than failing the connection")
                .allMatch(a -> a.endsWith("413"));
        assertThat(api.counts()).isEqualTo(counts);
    }

    @Test
    void aBodyOfExactlyTheLimitIsAcceptedDeclaredOrChunked() throws Exception {
        String name = "Concept " + uniqueWord("big");
        String json = "{\"name\":\"" + name + "\",\"type\":\"DRUG\"}";
        String padded = " ".repeat(LIMIT - json.length()) + json;
        assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(LIMIT);
        Reply reply = api.asCurator("POST", "/api/concepts", padded);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        assertThat(reply.json().get("name").asString()).isEqualTo(name);

        String chunkedName = "Concept " + uniqueWord("chk");
        String chunkedJson = "{\"name\":\"" + chunkedName + "\",\"type\":\"DRUG\"}";
        byte[] body = (" ".repeat(LIMIT - chunkedJson.length()) + chunkedJson).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/concepts"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TestKeys.CURATOR)
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as("%s", chunked.body()).isEqualTo(201);
        assertThat(CurationClient.parse(chunked.body()).get("name").asString()).isEqualTo(chunkedName);
    }

    private static InputStream spaces(long length) {
        return new InputStream() {
            private long left = length;

            @Override
            public int read() {
                return left-- > 0 ? ' ' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(count, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) ' ');
                left -= n;
                return n;
            }
        };
    }

    @Test
    void formAndMultipartBodiesAreRefusedWith415BeforeAnyOfThemIsReadEvenWithPretty() {
        JsonNode counts = api.counts();
        for (String type : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            for (String path : List.of("/api/studies?pretty", "/api/sources", "/api/findings/1/review?pretty=true")) {
                // Nothing of the declared body is sent: an answer can only come from judging the headers.
                RawHttp.Response refused = raw.declareWithoutSending("POST", path, 100_000, "Content-Type", type);
                assertThat(refused.status()).as("%s %s: %s", type, path, refused).isEqualTo(415);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                assertThat(CurationClient.parse(refused.body()).get("detail").asString()).contains("form");
            }
        }
        assertThat(raw.send(null, "GET", "/api/concepts/1", null, "Content-Type", "").status())
                .as("an empty Content-Type is no form").isEqualTo(200);
        assertThat(api.counts()).isEqualTo(counts);
    }

    @Test
    void aBodyThatStopsArrivingTimesOutInsteadOfHoldingAThread() {
        // The server gives up on a silent client after its connection timeout (10 s); the client waits far longer.
        RawHttp.Response answer = raw.stalled("POST", "/api/studies", 100, Duration.ofSeconds(55),
                "Authorization", "Bearer " + TestKeys.CURATOR, "Content-Type", "application/json");
        if (answer != null) {
            assertThat(answer.status()).as("%s", answer).isBetween(400, 499);
        }
    }
}
