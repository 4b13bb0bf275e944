package org.findingskb.reliability;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.findingskb.shared.UserQuery;
import org.findingskb.shared.InvalidParameter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded generative tests of the query syntax: {@code UserQuery.of} on hostile input (never an exception but the
 * 400 for an over-long query; null exactly when nothing can be searched for), and the same queries through every
 * searchable list over HTTP: never a 5xx, errors as problem details, and snippets that hold no markup but
 * {@code <mark>}.
 *
 * <p>System properties: {@code kb.fuzz.seed} (default fixed, printed), {@code kb.fuzz.queries} (default 600).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchQueryFuzzTests {

    private static final int QUERIES = Integer.getInteger("kb.fuzz.queries", 300);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void userQueryOfHostileInputIsNullALongQueryErrorOrTheStrippedText() {
        Random rng = new Random(TextPipelineFuzzTests.SEED);
        for (int i = 0; i < 20 * QUERIES; i++) {
            String q = rng.nextInt(10) == 0 ? HostileText.article(rng) : HttpFuzzTests.query(rng);
            if (q.length() > UserQuery.MAX_LENGTH) {
                try {
                    UserQuery.of(q);
                    throw new AssertionError("a query of " + q.length() + " characters was accepted");
                } catch (InvalidParameter expected) {
                    continue;
                }
            }
            UserQuery query;
            try {
                query = UserQuery.of(q);
            } catch (InvalidParameter tooCostly) {
                // more words or deeper parentheses than a search may cost
                assertThat(tooCostly.getMessage()).as("UserQuery.of(%s)", TextPipelineFuzzTests.escape(q))
                        .containsAnyOf("at most " + UserQuery.MAX_WORDS + " words", "at most " + UserQuery.MAX_DEPTH + " deep");
                continue;
            }
            boolean searchable = q.chars().anyMatch(Character::isLetterOrDigit);
            assertThat(query == null).as("UserQuery.of(%s)", TextPipelineFuzzTests.escape(q)).isEqualTo(!searchable);
            if (query != null) {
                assertThat(query.text()).isEqualTo(q.strip());
            }
        }
        assertThat(UserQuery.of(null)).isNull();
    }

    /** Whether a 400 refuses a query for its words or its nesting, the limits of what a search may cost. */
    private static boolean tooCostly(byte[] problem) {
        String detail = JSON.readTree(problem).path("detail").asString("");
        return detail.contains("at most " + UserQuery.MAX_WORDS + " words") || detail.contains("at most " + UserQuery.MAX_DEPTH + " deep");
    }

    @Test
    void hostileQueriesThroughEverySearchableListAreNeverA5xx() throws Exception {
        System.out.println("SearchQueryFuzzTests: seed " + TextPipelineFuzzTests.SEED + ", " + QUERIES + " queries");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Random rng = new Random(TextPipelineFuzzTests.SEED + 1);
        List<String> problems = new ArrayList<>();
        int requests = 0;
        long started = System.nanoTime();
        for (int i = 0; i < QUERIES; i++) {
            String q = HttpFuzzTests.query(rng);
            for (String list : new String[] {"/api/search", "/api/findings", "/api/studies", "/api/concepts",
                "/api/mechanisms"}) {
                String path = list + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                        + (rng.nextInt(4) == 0 ? "&size=" + (1 + rng.nextInt(100)) : "");
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                requests++;
                int status = response.statusCode();
                String where = "GET " + list + "?q=" + TextPipelineFuzzTests.escape(q);
                if (status >= 500) {
                    problems.add(where + " -> " + status);
                } else if (status >= 400) {
                    String defect = HttpFuzzTests.problemDefect(status,
                            response.headers().firstValue("Content-Type").orElse(null), response.body());
                    if (defect != null) {
                        problems.add(where + " -> " + defect);
                    } else if (q.length() <= UserQuery.MAX_LENGTH
                            && !(status == 400 && tooCostly(response.body()))
                            && !(list.equals("/api/search") && status == 400 && UserQuery.of(q) == null)
                            && !(status == 400 && q.indexOf('\0') >= 0)) {
                        // Only /api/search needs something to search for; a list without one lists everything.
                        // A NUL character is refused in every query parameter.
                        problems.add(where + " -> " + status + " for a query of " + q.length() + " characters");
                    }
                } else if (list.equals("/api/search")) {
                    for (JsonNode hit : JSON.readTree(response.body()).get("content")) {
                        String snippet = hit.path("snippet").asString("");
                        String bare = snippet.replace("<mark>", "").replace("</mark>", "");
                        if (bare.contains("<") || bare.contains(">")) {
                            problems.add(where + " -> a snippet with markup besides <mark>: " + snippet);
                        }
                    }
                }
            }
        }
        System.out.printf("SearchQueryFuzzTests: %d requests in %.1f s, %d problems%n", requests,
                (System.nanoTime() - started) / 1e9, problems.size());
        problems.stream().limit(20).forEach(p -> System.out.println("    " + p));
        assertThat(problems).isEmpty();
    }
}
