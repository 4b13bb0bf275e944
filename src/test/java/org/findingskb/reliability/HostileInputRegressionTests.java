package org.findingskb.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests the HTTP fuzz suite found answered with a 5xx, one test each, so that each defect is seen (and
 * its fix confirmed) on its own. Every one must be refused with a 4xx problem detail, or answered normally.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputRegressionTests {

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<byte[]> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertRefusedWithProblem(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as("status of %s: %s", response.request().uri(), body).isBetween(400, 499);
        assertThat(HttpFuzzTests.problemDefect(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body())).as(body).isNull();
    }

    /** PageQuery.orders splits "," into no parts at all and reads parts[0]: ArrayIndexOutOfBoundsException. */
    @Test
    void aSortOfOnlyACommaIsA400NotA500() throws Exception {
        for (String list : new String[] {"/api/findings", "/api/studies", "/api/sources", "/api/mechanisms",
            "/api/concepts"}) {
            assertRefusedWithProblem(send("GET", list + "?sort=%2C", null));
        }
    }

    /** An empty element in reviewStatus becomes a null in the set; FindingService puts it in a TreeSet: NPE. */
    @Test
    void anEmptyReviewStatusElementIsNotA500() throws Exception {
        for (String value : new String[] {"%2C", "UNREVIEWED%2C", "+", "%2CACCEPTED"}) {
            HttpResponse<byte[]> response = send("GET", "/api/findings?reviewStatus=" + value, null);
            assertThat(response.statusCode()).as("reviewStatus=%s", value).isLessThan(500);
            response = send("GET", "/api/studies/1/findings?reviewStatus=" + value, null);
            assertThat(response.statusCode()).as("study findings, reviewStatus=%s", value).isLessThan(500);
        }
    }

    /**
     * A cross-origin request (with Origin) whose Content-Type is a wildcard: the CORS filter reads the headers
     * through Spring's HttpHeaders, which refuses a wildcard content type with an IllegalArgumentException.
     */
    @Test
    void aWildcardContentTypeOnACrossOriginRequestIsRefusedNotA500() throws Exception {
        for (String type : new String[] {"*/*", "application/*"}) {
            assertRefusedWithProblem(send("POST", "/api/findings", "{\"fuzzUnknown\":1}", "Content-Type", type,
                    "Origin", "http://evil.example", "Authorization", "Bearer " + TestKeys.ADMIN));
            assertRefusedWithProblem(send("POST", "/api/sources", "{}", "Content-Type", type,
                    "Origin", "http://evil.example"));
        }
    }

    /** FormContentFilter parses PUT/PATCH/DELETE form bodies before Spring MVC; a broken one escapes as a 500. */
    @Test
    void aBrokenFormBodyOnPatchIsRefusedNotA500() throws Exception {
        assertRefusedWithProblem(send("PATCH", "/api/findings/1", "a=%zz&%", "Content-Type",
                "application/x-www-form-urlencoded", "If-Match", "\"999999\"", "Authorization", "Bearer " + TestKeys.ADMIN));
        assertRefusedWithProblem(send("PUT", "/api/mechanisms/1", "{\"name\":\"%\"}", "Content-Type",
                "application/x-www-form-urlencoded", "Authorization", "Bearer " + TestKeys.ADMIN));
    }

    /**
     * A query Tomcat cannot decode was refused with 400 only because a filter parsed the parameters early; now
     * that nothing parses them before authentication, the handler that first asks must still answer 400.
     */
    @Test
    void anUndecodableQueryIsRefusedNotA500() throws Exception {
        for (String path : new String[] {"/api/studies?size=%ff", "/api/findings?studyId=%c3%28", "/api/search?q=%ff%fe"}) {
            HttpResponse<byte[]> response = send("GET", path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertRefusedWithProblem(response);
        }
    }

    /** The error path requested directly has no error status: ProblemErrorController falls back to 500. */
    @Test
    void theErrorPathRequestedDirectlyIsNotA500() throws Exception {
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            assertRefusedWithProblem(send(method, "/error", null));
        }
        assertThat(send("HEAD", "/error", null).statusCode()).isBetween(400, 499);
    }

    /** An empty Accept header makes the Prometheus scrape endpoint fail with a NullPointerException. */
    @Test
    void thePrometheusEndpointWithAnEmptyAcceptHeaderIsNotA500() throws Exception {
        for (String method : new String[] {"GET", "HEAD"}) {
            assertThat(send(method, "/actuator/prometheus", null, "Accept", "", "Authorization", "Bearer " + TestKeys.ADMIN)
                    .statusCode()).isEqualTo(200);
        }
    }

    /**
     * A NUL character in a string parameter reaches the database, which PostgreSQL refuses ("invalid byte
     * sequence for encoding UTF8: 0x00"); the refusal was answered as a write conflict (409) even on a GET.
     */
    @Test
    void aNulCharacterInAQueryParameterIsA400() throws Exception {
        for (String path : new String[] {"/api/studies?journal=a%00b", "/api/studies?concept=%00",
            "/api/mechanisms?concept=bmp%00", "/api/findings?q=ketamine%00depression", "/api/concepts?q=%00",
            "/api/search?q=a%00", "/api/findings?concept=x&kind=result%00"}) {
            HttpResponse<byte[]> response = send("GET", path, null);
            assertRefusedWithProblem(response);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
        }
    }

    /**
     * A NUL character in a curator's text reached the database: PostgreSQL refused it (answered as a 409 conflict),
     * H2 stored it. Every text field of a request body now refuses it with a 400 naming the field.
     */
    @Test
    void aNulCharacterInATextFieldOfARequestBodyIsA400NamingTheField() throws Exception {
        HttpResponse<byte[]> finding = send("GET", "/api/findings/1", null);
        String etag = finding.headers().firstValue("ETag").orElseThrow();
        String key = "Bearer " + TestKeys.ADMIN;
        HttpResponse<byte[]> patch = send("PATCH", "/api/findings/1", "{\"statement\":\"Ketamine\\u0000 works.\"}",
                "Content-Type", "application/merge-patch+json", "If-Match", etag, "Authorization", key);
        HttpResponse<byte[]> concept = send("POST", "/api/concepts", "{\"name\":\"nul\\u0000concept\",\"type\":\"DRUG\"}",
                "Content-Type", "application/json", "Authorization", key);
        HttpResponse<byte[]> review = send("POST", "/api/findings/1/review",
                "{\"status\":\"REJECTED\",\"note\":\"\\u0000\"}", "Content-Type", "application/json", "If-Match", etag,
                "Authorization", key);
        for (HttpResponse<byte[]> response : List.of(patch, concept, review)) {
            assertRefusedWithProblem(response);
            String body = new String(response.body(), StandardCharsets.UTF_8);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(body).as(body).contains("NUL");
        }
        assertThat(send("GET", "/api/findings/1", null).headers().firstValue("ETag")).contains(etag);
    }

    /** Tomcat refuses these before any servlet runs; its own error page was HTML. */
    @Test
    void requestsTomcatRefusesAreAnsweredWithProblemDetails() throws Exception {
        for (String target : List.of("/api/search?q=ketamine|bmp", "/api/findings/%2F1", "/api/findings?q=a%20b|c")) {
            RawHttp.Response response = RawHttp.send(port, ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), false);
            assertThat(response.status()).as(target).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(target).startsWith("application/problem+json");
            assertThat(response.bodyText()).as(target).contains("\"status\":400").doesNotContain("<html");
        }
    }
}
