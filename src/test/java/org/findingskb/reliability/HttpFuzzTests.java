package org.findingskb.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.findingskb.support.Http;
import org.findingskb.support.TestKeys;

import org.assertj.core.api.SoftAssertions;

/**
 * Hostile input over real HTTP: thousands of seeded, generated malformed requests to every endpoint the
 * application maps (lists with bad paging, enums, cursors and query syntax; single reads with bad ids; path
 * tricks; writes without keys, with bad keys and with malformed bodies, content types and preconditions), sent
 * with java.net.http and, for what that client refuses to send, over a raw socket. None may be answered with a
 * 5xx; every error the application answers is an RFC 9457 problem; and since every write sent must be refused,
 * the knowledge base is the same afterwards.
 *
 * <p>System properties: {@code kb.fuzz.seed} (default fixed, printed), {@code kb.fuzz.requests} (default 10,000
 * through java.net.http; the raw-socket requests come on top).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpFuzzTests {

    private static final long SEED = Long.getLong("kb.fuzz.seed", 20_251_126L);
    private static final int REQUESTS = Integer.getInteger("kb.fuzz.requests", 5_000);
    private static final int THREADS = 4;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> WRITE_METHODS = List.of("POST", "PUT", "PATCH", "DELETE");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    private HttpClient client;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> containerAnswers = new ConcurrentHashMap<>();
    private final Map<String, String> containerExamples = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong sent = new AtomicLong();

    /** A mapped path pattern and one of its methods. */
    record Endpoint(String method, String pattern) {

        boolean hasVariables() {
            return pattern.contains("{");
        }

        boolean isList() {
            return method.equals("GET") && (pattern.equals("/api/studies") || pattern.equals("/api/findings")
                    || pattern.equals("/api/mechanisms") || pattern.equals("/api/concepts") || pattern.equals("/api/sources")
                    || pattern.equals("/api/search") || pattern.endsWith("/findings"));
        }
    }

    /** One request to send: method, raw path with query, headers, body, and what kind of hostility it carries. */
    record Fuzz(String category, String method, String path, List<String[]> headers, byte[] body) {

        String describe() {
            String b = body == null ? "" : " body[" + body.length + "]=" + preview(new String(body, StandardCharsets.UTF_8));
            StringBuilder h = new StringBuilder();
            headers.forEach(x -> h.append(' ').append(x[0]).append(": ").append(preview(x[1])));
            return category + ": " + method + " " + preview(path) + h + b;
        }
    }

    @BeforeAll
    void setUp() {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(THREADS)).build();
        Set<String> seen = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<String> names = methods.isEmpty() ? List.of("GET", "POST", "PUT", "PATCH", "DELETE")
                    : methods.stream().map(RequestMethod::name).toList();
            for (String pattern : info.getPatternValues()) {
                for (String method : names) {
                    if (seen.add(method + " " + pattern)) {
                        endpoints.add(new Endpoint(method, pattern));
                    }
                }
            }
        }
        for (String actuator : List.of("/actuator", "/actuator/health", "/actuator/info", "/actuator/prometheus",
                "/actuator/env", "/actuator/heapdump", "/actuator/health/liveness")) {
            endpoints.add(new Endpoint("GET", actuator));
        }
        Collections.sort(endpoints, (a, b) -> (a.pattern() + a.method()).compareTo(b.pattern() + b.method()));
    }

    @Test
    void malformedRequestsAreRefusedWithProblemDetailsNeverA5xxAndChangeNothing() throws Exception {
        System.out.println("HttpFuzzTests: seed " + SEED + " (-Dkb.fuzz.seed=" + SEED + " repeats it), " + REQUESTS
                + " requests through java.net.http plus the raw-socket set, over " + endpoints.size() + " endpoints: "
                + endpoints.stream().map(e -> e.method() + " " + e.pattern()).toList());
        String before = snapshot();
        long started = System.nanoTime();

        Random rng = new Random(SEED);
        List<Fuzz> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(generate(rng));
        }
        requests.addAll(rawRequests(rng));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int slice = (requests.size() + THREADS - 1) / THREADS;
            for (int t = 0; t < THREADS; t++) {
                List<Fuzz> part = requests.subList(Math.min(requests.size(), t * slice),
                        Math.min(requests.size(), (t + 1) * slice));
                futures.add(pool.submit(() -> part.forEach(this::sendAndCheck)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String after = snapshot();

        System.out.printf(Locale.ROOT, "HttpFuzzTests: %d requests in %.1f s (%.0f/s); statuses %s%n", sent.get(), seconds,
                sent.get() / seconds, new TreeMap<>(statuses));
        System.out.println("HttpFuzzTests: answered by the container before the application (no problem body): "
                + new TreeMap<>(containerAnswers));
        containerExamples.forEach((k, v) -> System.out.println("    " + k + " <- " + v));
        synchronized (failures) {
            // One example per kind of failure: status, category, method and path without its query.
            Map<String, List<String>> kinds = new TreeMap<>();
            for (String f : failures) {
                kinds.computeIfAbsent(f.replaceAll("^(\\d+) via (\\S+) to ([^:]+): (\\S+) (/?[^/?;\\s]*/?[^/?;\\s]*).*$",
                        "$1 $3: $4 $5"), k -> new ArrayList<>()).add(f);
            }
            kinds.forEach((kind, list) -> System.out.println("    FAILURE x" + list.size() + " [" + kind + "] e.g. "
                    + list.get(0)));
            java.nio.file.Path report = java.nio.file.Path.of("target", "http-fuzz-failures.txt");
            java.nio.file.Files.createDirectories(report.getParent());
            java.nio.file.Files.write(report, failures);
        }
        System.out.println("HttpFuzzTests: knowledge base before: " + before);
        System.out.println("HttpFuzzTests: knowledge base after:  " + after);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(sent.get()).isGreaterThanOrEqualTo(REQUESTS);
        soft.assertThat(after).as("the knowledge base after the fuzzing (every write must have been refused)")
                .isEqualTo(before);
        soft.assertThat(failures).as("5xx answers or errors that are not problem details (%d; all in "
                + "target/http-fuzz-failures.txt)", failures.size()).isEmpty();
        soft.assertAll();
    }

    // ---- sending and checking ----

    private void sendAndCheck(Fuzz fuzz) {
        if (fuzz.method().equals("RAW")) {
            sendRaw(fuzz);
            return;
        }
        try {
            HttpRequest request;
            try {
                request = javaRequest(fuzz);
            } catch (IllegalArgumentException refused) {
                request = null;
            }
            if (request != null) {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                Map<String, String> headers = new LinkedHashMap<>();
                response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
                check(fuzz, "java.net.http", response.statusCode(), headers, response.body());
            } else {
                RawHttp.Response response = RawHttp.send(port, rawBytes(fuzz), false);
                check(fuzz, "raw", response.status(), response.headers(), response.body());
            }
        } catch (IOException e) {
            // The server closed the connection without an answer: recorded, not a 5xx.
            count("no answer (" + e.getClass().getSimpleName() + ")");
            sent.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest javaRequest(Fuzz fuzz) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + fuzz.path()))
                .timeout(Duration.ofSeconds(30))
                .method(fuzz.method(), fuzz.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(fuzz.body()));
        for (String[] header : fuzz.headers()) {
            builder.header(header[0], header[1]);
        }
        return builder.build();
    }

    private byte[] rawBytes(Fuzz fuzz) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(fuzz.method()).append(' ').append(fuzz.path()).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
        for (String[] header : fuzz.headers()) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        if (fuzz.body() != null) {
            head.append("Content-Length: ").append(fuzz.body().length).append("\r\n");
        }
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (fuzz.body() != null) {
            out.writeBytes(fuzz.body());
        }
        return out.toByteArray();
    }

    private static final Set<String> IMPLEMENTED_METHODS = Set.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH",
            "DELETE");

    private void check(Fuzz fuzz, String transport, int status, Map<String, String> headers, byte[] body) {
        sent.incrementAndGet();
        count(status < 0 ? "no answer" : Integer.toString(status));
        boolean fromContainer = !headers.containsKey("x-request-id");
        if (fromContainer && (status == 501 || status == 505)) {
            // Tomcat's own answer, as RFC 9112 prescribes, to a transfer coding (or CONNECT) it does not implement
            // and to an HTTP version it does not support; the request never reaches the application.
            String key = status + " " + headers.getOrDefault("content-type", "(no content type)") + " [" + fuzz.category() + "]";
            containerAnswers.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            containerExamples.putIfAbsent(key, fuzz.describe());
            return;
        }
        // RFC 9110 (9.1): a method the server does not implement is a 501; the application answers it as a problem.
        boolean unimplementedMethod = status == 501 && !IMPLEMENTED_METHODS.contains(fuzz.method());
        if (status >= 500 && !unimplementedMethod) {
            failures.add(status + " via " + transport + " to " + fuzz.describe() + " -> " + preview(new String(body,
                    StandardCharsets.UTF_8)));
            return;
        }
        if (status < 400) {
            return;
        }
        // Only the servlet container answers without the application's request id.
        if (fromContainer) {
            String key = status + " " + headers.getOrDefault("content-type", "(no content type)") + " [" + fuzz.category() + "]";
            containerAnswers.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            containerExamples.putIfAbsent(key, fuzz.describe());
            return;
        }
        if (status == 409 && (fuzz.method().equals("GET") || fuzz.method().equals("HEAD"))) {
            // A conflict is what a refused write answers; a read meeting it means the database refused a parameter.
            failures.add("409 to a read via " + transport + " to " + fuzz.describe());
            return;
        }
        if (fuzz.method().equals("HEAD")) {
            return;
        }
        String problem = problemDefect(status, headers.get("content-type"), body);
        if (problem != null) {
            failures.add(status + " via " + transport + " to " + fuzz.describe() + ": " + problem);
        }
    }

    /** What makes the answer not an RFC 9457 problem with type, title, status and detail, or null. */
    static String problemDefect(int status, String contentType, byte[] body) {
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "content type " + contentType + ", not application/problem+json; body "
                    + preview(new String(body, StandardCharsets.UTF_8));
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (RuntimeException e) {
            return "body is not JSON: " + preview(new String(body, StandardCharsets.UTF_8));
        }
        for (String field : List.of("type", "title", "status", "detail")) {
            if (json == null || !json.has(field) || json.get(field).isNull()) {
                return "problem without " + field + ": " + preview(new String(body, StandardCharsets.UTF_8));
            }
        }
        if (json.get("status").asInt() != status) {
            return "problem status " + json.get("status") + " on an HTTP " + status;
        }
        return null;
    }

    private void count(String key) {
        statuses.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    static String preview(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 160) + "...(" + oneLine.length() + " chars)";
    }

    // ---- what the knowledge base holds ----

    private String snapshot() throws Exception {
        Http http = new Http(port);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        StringBuilder counts = new StringBuilder(http.get("/api").json().get("counts").toString());
        for (String list : List.of("/api/findings?reviewStatus=UNREVIEWED,ACCEPTED,REJECTED,RETRACTED&sort=id,asc",
                "/api/studies?sort=id,asc", "/api/sources?sort=id,asc", "/api/mechanisms?sort=id,asc",
                "/api/concepts?sort=id,asc")) {
            int items = 0;
            for (int page = 0; ; page++) {
                JsonNode json = http.get(list + "&size=100&page=" + page).json();
                for (JsonNode item : json.get("content")) {
                    items++;
                    digest.update(item.toString().getBytes(StandardCharsets.UTF_8));
                    if (list.startsWith("/api/findings")) {
                        digest.update(http.get("/api/findings/" + item.get("id")).body().getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (page + 1 >= json.get("page").get("totalPages").asInt()) {
                    break;
                }
            }
            counts.append(' ').append(list, 0, list.indexOf('?')).append('=').append(items);
        }
        return counts + " sha256=" + HexFormat.of().formatHex(digest.digest());
    }

    // ---- generators ----

    private static final String[] NUMBERS = {"", " ", "-1", "0", "-0", "+1", "1.5", "1e3", "1e309", "NaN", "Infinity",
        "0x10", "010", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "99999999999999999999999999", "10001", "500000", "true", "null", "[]", "{}",
        "\u0661\u0662", "\uFF11\uFF12", "1 ", " 1", "1;1", "1,2", "%00", "\u0000", "1\u0000", "abc", "\u00b9"};
    private static final String[] QUERIES = {"' OR '1'='1", "1; DROP TABLE finding; --", "\" OR \"\"=\"", "admin'--",
        "%' AND 1=1 --", "_", "%", "%%", "\\", "\\\\", "*:*", "title:*", "statement:ketamine", "a AND OR NOT b", "((((((",
        "))))", "\"unbalanced", "\"\"", "\"", "~", "a~2", "a^10", "ketamine^", "[a TO z]", "{a TO z}", "/.*/", "/[/",
        "?", "*", "-", "--", "|", "||", "&&", "+", "!", "a | | b", "-*", "\"*\"", "ket*", "*amine", "k*e*t", "-ketamine",
        "ketamine -", "\"young neurons\" -mood", "a|b|c|d|e|f", "NOT", "AND", "OR", "(ketamine", "ketamine)", "~~~",
        "${jndi:ldap://127.0.0.1/x}", "#{7*7}", "{{7*7}}", "<script>alert(1)</script>", "<mark>", "&lt;", "../../etc/passwd",
        "\r\n", "\t", "\u0000", "\u0007", "\u00ad", "\u0131", "\u0130", "\u00df", "\ufb01", "\ud83d\ude00", "\u202e", "\ufeff",
        "\ud800", "\udc00x", "\u0301", "e\u0301", "\uffff", "\uFF4B\uFF45\uFF54", "\u4e2d\u6587", "\u0645\u0631\u062d\u0628\u0627",
        "ketamine\u0000depression", "SELECT * FROM finding", "UNION SELECT", "'; --", "`", "$", "^", "=", ":", ";", "\u2028"};
    private static final String[] ENUM_VALUES = {"x", "", " ", ",", ",,", "RESULT,bogus", "result,,mechanism",
        "R\u00c9SULT", "RESULT\u0000", "resulT ", " result", "RESULT'--", "null", "0", "-1", "1", "UNREVIEWED,",
        "\u0130MPLICATION", "rapid;DROP", "*", "%", "finding,bogus", "FINDING", "study,study", "SUSTAINED,RAPID",
        "accepted,retracted,rejected,unreviewed,bogus", "\ud83d\ude00"};
    private static final String[] SORTS = {"", ",", "id", "id,asc", "id,ASC", "id,sideways", "id,asc,desc", "bogus",
        "bogus,asc", "statement", "title,desc", "kind,desc", "timescale", "id;drop", "id,asc;", ",asc", "id,", " id , asc ",
        "id%00", "\u0000", "study.title", "id,desc,id", "ID", "score", "_score", "name"};
    private static final String[] CURSORS = {"", "x", "AAAA", "====", "eyJ9", "eyJhIjoxfQ", "eyJzIjpbXX0",
        "e30", "W10", "bnVsbA", "-_-_", "..", "%", "////", "eyJzIjpbImEiXSwiaSI6LTF9"};
    private static final String[] IDS = {"-1", "0", "00", "1.0", "1e2", "abc", "null", "9223372036854775807",
        "9223372036854775808", "99999999999999999999", "%20", "1%20", "%00", "1%00", "..", "%2e%2e", "%2E", "1;x=y",
        ";", "%3B", "1%2F2", "%2F", "%5C", "~", "*", "\u0661", "%EF%BC%91", "%C3%28", "%FF", "%ED%A0%80", "%C0%AF", "+1",
        "1+1", "0x1", "-0", "1,2", "%7B%7D", "%27%20OR%201%3D1", "a%22b", "no-study-has-this-slug",
        "HOW-KETAMINE", "..%2F..%2Fetc%2Fpasswd"};
    private static final String[] CONTENT_TYPES = {null, "text/xml", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=xyz", "application/json; charset=ISO-8859-1", "application/json; charset=bogus",
        "text/plain; charset=UTF-16", "text/plain; charset=latin1", "*/*", "application/*", "garbage", "application/json;;;",
        "application/json; charset=utf-8", "application/merge-patch+json", "application/problem+json",
        "application/ld+json", "text/csv", "application/octet-stream", "application/json, text/plain", "/", ";", "a/b/c"};
    private static final String[] ACCEPTS = {"image/png", "text/html", "application/xml", "*/*;q=0", "}}}", "text/csv",
        "application/ld+json", "text/markdown", "application/json;q=0, text/csv;q=0", "application/problem+json", "",
        "text/*", "application/json;q=abc", "*/json", "application/json; charset=ebcdic"};
    /** Preconditions no stored version meets; {@code *} is left out: it meets any, and would let a write through. */
    private static final String[] IF_MATCH = {"\"999999\"", "W/\"999999\"", "\"-1\"", "\"abc\"", "", " ", "\"\"",
        "\"9223372036854775808\"", "999999", "\"999999\", \"888888\"", "W/", "\u00ff", "\"1e9\""};
    private static final String[] PATH_TRICKS = {"/api/findings/../studies", "/api//findings", "//api/findings",
        "/api/findings;jsessionid=x", "/api/findings/1;x=y", "/API/findings", "/api/Findings", "/api/findings/",
        "/api/findings/1/", "/api/findings/%2e%2e/%2e%2e/actuator/env", "/api/findings/1/../2", "/api/./findings",
        "/api/findings/1/revisions/..", "/api/findings%2F1", "/api/findings%5C1", "/api/findings.json", "/api/findings/1.json",
        "/api/findings/1.xml", "/api/%00", "/api/findings%00", "/h2-console", "/h2-console/login.do", "/actuator/env",
        "/actuator/heapdump", "/actuator/shutdown", "/error", "/error/", "/error?status=500", "/swagger-ui.html",
        "/swagger-ui/index.html", "/v3/api-docs", "/v3/api-docs/../../api", "/api/..;/actuator", "/;/api/findings",
        "/api/findings/1/links/abc", "/api/studies/1/summary.md", "/api/studies/%2e", "/api/sources/1/../../..",
        "/api/search/", "/api/search;q=x", "/%61pi/findings", "/api/%66indings", "/api/findings/%31", "/robots.txt",
        "/favicon.ico", "/index.html", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF", "/api/findings/1?%=", "/api?&&&",
        "/api?=", "/api?a", "/api?%26=%3D", "/api/findings?page", "/api/findings?size=&page=", "/api#frag"};

    private Fuzz generate(Random rng) {
        int roll = rng.nextInt(100);
        if (roll < 34) {
            return listParams(rng);
        }
        if (roll < 48) {
            return badId(rng);
        }
        if (roll < 55) {
            return new Fuzz("path trick", pick(rng, "GET", "GET", "HEAD", "OPTIONS", "DELETE", "POST"),
                    pick(rng, PATH_TRICKS), List.of(), null);
        }
        if (roll < 72) {
            return unauthenticatedWrite(rng);
        }
        if (roll < 94) {
            return refusedAuthenticatedWrite(rng);
        }
        return oddHeaders(rng);
    }

    private List<Endpoint> endpoints(java.util.function.Predicate<Endpoint> filter) {
        return endpoints.stream().filter(filter).toList();
    }

    private Fuzz listParams(Random rng) {
        List<Endpoint> lists = endpoints(Endpoint::isList);
        Endpoint endpoint = lists.get(rng.nextInt(lists.size()));
        String path = fill(endpoint.pattern(), rng, false);
        List<String> params = new ArrayList<>();
        int n = 1 + rng.nextInt(4);
        for (int i = 0; i < n; i++) {
            String name = pick(rng, "page", "size", "sort", "q", "q", "kind", "timescale", "certainty", "concept",
                    "conceptType", "reviewStatus", "type", "studyId", "journal", "cursor", "format", "pretty", "bogus",
                    "page", "size");
            String value = switch (name) {
                case "page", "size", "studyId" -> pick(rng, NUMBERS);
                case "sort" -> pick(rng, SORTS);
                case "q", "concept", "journal" -> query(rng);
                case "cursor" -> pick(rng, CURSORS) + (rng.nextBoolean() ? "" : randomBase64(rng));
                default -> pick(rng, ENUM_VALUES);
            };
            params.add(encodeName(rng, name) + "=" + encode(rng, value));
            if (rng.nextInt(6) == 0) {
                params.add(name + "=" + encode(rng, pick(rng, NUMBERS))); // duplicate parameter
            }
        }
        List<String[]> headers = new ArrayList<>();
        if (rng.nextInt(5) == 0) {
            headers.add(new String[] {"Accept", pick(rng, ACCEPTS)});
        }
        return new Fuzz("list parameters", rng.nextInt(10) == 0 ? "HEAD" : "GET", path + "?" + String.join("&", params),
                headers, null);
    }

    private Fuzz badId(Random rng) {
        List<Endpoint> single = endpoints(e -> e.hasVariables() && (e.method().equals("GET")));
        Endpoint endpoint = single.get(rng.nextInt(single.size()));
        List<String[]> headers = new ArrayList<>();
        if (rng.nextInt(3) == 0) {
            headers.add(new String[] {"If-None-Match", rng.nextInt(10) == 0 ? "*" : pick(rng, IF_MATCH)});
        }
        if (rng.nextInt(4) == 0) {
            headers.add(new String[] {"Accept", pick(rng, ACCEPTS)});
        }
        return new Fuzz("bad id", rng.nextInt(8) == 0 ? "HEAD" : "GET", fill(endpoint.pattern(), rng, true), headers, null);
    }

    private Fuzz unauthenticatedWrite(Random rng) {
        List<Endpoint> writes = endpoints(e -> WRITE_METHODS.contains(e.method()));
        Endpoint endpoint = writes.get(rng.nextInt(writes.size()));
        List<String[]> headers = new ArrayList<>();
        String auth = pick(rng, "none", "Bearer", "Bearer ", "Bearer short", "Bearer " + TestKeys.CURATOR + "x",
                "Basic YWRtaW46YWRtaW4=", "bearer " + randomBase64(rng), "Bearer " + "k".repeat(5000),
                "Bearer \u00ff\u00fe", "Token " + TestKeys.ADMIN, TestKeys.ADMIN, "x-api-key");
        if (auth.equals("x-api-key")) {
            headers.add(new String[] {"X-API-Key", pick(rng, "", "short", TestKeys.ADMIN + " ", "x".repeat(300))});
        } else if (!auth.equals("none")) {
            headers.add(new String[] {"Authorization", auth});
        }
        String contentType = pick(rng, CONTENT_TYPES);
        if (contentType != null) {
            headers.add(new String[] {"Content-Type", contentType});
        }
        if (rng.nextBoolean()) {
            headers.add(new String[] {"If-Match", pick(rng, IF_MATCH)});
        }
        // Without a valid key any body may be sent, even a valid one: it must be refused all the same.
        byte[] body = rng.nextInt(3) == 0 ? validLookingBody(rng) : malformedBody(rng);
        return new Fuzz("write without a valid key", endpoint.method(), fill(endpoint.pattern(), rng, rng.nextBoolean()),
                headers, body);
    }

    private Fuzz refusedAuthenticatedWrite(Random rng) {
        List<Endpoint> writes = endpoints(e -> WRITE_METHODS.contains(e.method()) && !e.pattern().equals("/error"));
        Endpoint endpoint = writes.get(rng.nextInt(writes.size()));
        List<String[]> headers = new ArrayList<>();
        boolean curatorDelete = endpoint.method().equals("DELETE") && rng.nextBoolean();
        headers.add(new String[] {"Authorization", "Bearer " + (curatorDelete ? TestKeys.CURATOR : TestKeys.ADMIN)});
        String contentType = pick(rng, CONTENT_TYPES);
        if (contentType != null) {
            headers.add(new String[] {"Content-Type", contentType});
        }
        // A write to an existing resource never carries the current version: missing, stale or not a version.
        if (rng.nextInt(3) > 0) {
            headers.add(new String[] {"If-Match", pick(rng, IF_MATCH)});
        }
        if (rng.nextInt(6) == 0) {
            headers.add(new String[] {"Origin", pick(rng, "http://evil.example", "null", "file://", "http://127.0.0.1:1")});
        }
        // Unlinking needs no If-Match: only ids that name no link there.
        boolean realIds = !endpoint.pattern().contains("{linkId}") && rng.nextBoolean();
        String path = fill(endpoint.pattern(), rng, !realIds);
        byte[] body = endpoint.method().equals("DELETE") && rng.nextBoolean() ? null : malformedBody(rng);
        if (endpoint.pattern().equals("/api/sources") && rng.nextInt(4) == 0) {
            // Plain-text ingest: only bodies that are not valid UTF-8 text, blank, too long, or in another charset.
            headers.removeIf(h -> h[0].equals("Content-Type"));
            int kind = rng.nextInt(4);
            headers.add(new String[] {"Content-Type", kind == 3 ? pick(rng, "text/plain; charset=ISO-8859-1",
                    "text/plain; charset=UTF-16BE", "text/plain; charset=windows-1252") : "text/plain"});
            body = switch (kind) {
                case 0 -> invalidUtf8(rng);
                case 1 -> pick(rng, "", " ", "\n\n\t ", "\u00a0").getBytes(StandardCharsets.UTF_8);
                case 2 -> ("Long article " + "word ".repeat(41_000 + rng.nextInt(1000))).getBytes(StandardCharsets.UTF_8);
                default -> "Eine Studie zeigt\n\nForscher fanden heraus.".getBytes(StandardCharsets.ISO_8859_1);
            };
        }
        return new Fuzz(curatorDelete ? "delete with a curator key" : "refused write with a valid key",
                endpoint.method(), path, headers, body);
    }

    private Fuzz oddHeaders(Random rng) {
        Endpoint endpoint = endpoints(e -> e.method().equals("GET")).get(rng.nextInt((int) endpoints.stream()
                .filter(e -> e.method().equals("GET")).count()));
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Accept", pick(rng, ACCEPTS)});
        headers.add(new String[] {pick(rng, "If-None-Match", "If-Match", "X-Request-Id", "Origin", "Accept-Language",
                "Accept-Charset", "Range", "If-Modified-Since", "Content-Type", "Access-Control-Request-Method",
                "X-Forwarded-For", "X-Forwarded-Host", "Forwarded"), pick(rng, "", "x".repeat(1 + rng.nextInt(4000)),
                "\u00ff\u00fe", "bytes=0-1", "bytes=-1-", "Thu, 01 Jan 1970", "DELETE", "1.1.1.1, 2.2.2.2", "evil.example",
                "for=\"_x\";proto=ftp", "\"999999\"", "application/x-www-form-urlencoded", "../../", "%00")});
        String method = pick(rng, "GET", "GET", "HEAD", "OPTIONS");
        if (method.equals("OPTIONS")) {
            headers.add(new String[] {"Origin", "http://evil.example"});
            headers.add(new String[] {"Access-Control-Request-Method", pick(rng, "DELETE", "POST", "GET", "BREW", "")});
        }
        return new Fuzz("odd headers", method, fill(endpoint.pattern(), rng, rng.nextBoolean()), headers, null);
    }

    /** Bodies that no endpoint may accept: broken, nested too deep, too large, of the wrong shape or with unknown fields. */
    private byte[] malformedBody(Random rng) {
        int kind = rng.nextInt(14);
        String text = switch (kind) {
            case 0 -> pick(rng, "{", "}", "[", "{\"text\":", "{\"text\":\"abc", "{'text':'x'}", "nul", "tru", "{,}",
                    "{\"a\":1,,}", "{\"text\" \"x\"}", "{\"text\":\"x\"}}", "\"\\u12\"", "{\"status\":ACCEPTED}", "",
                    " ", "\u0000", "{\"text\":\"\\uD800\\uD800\",\"fuzzUnknown\":1}", "[1,2,", "{\"a\":[}", "0x10",
                    "{\"publishedYear\":0777}", "{\"status\":\"ACCEPTED\",\"status\":\"REJECTED\",\"note\":\"x\"}",
                    "{\"name\":\"x\",\"type\":\"DRUG\",\"name\":\"y\"}", "{\"name\":\"x\\uDC00\",\"type\":\"DRUG\"}");
            case 1 -> "[".repeat(200 + rng.nextInt(20_000)) + "]".repeat(rng.nextInt(2) * 100);
            case 2 -> "{\"a\":".repeat(200 + rng.nextInt(5_000)) + "1" + "}".repeat(200);
            case 3 -> "{\"fuzzUnknown\":1,\"text\":\"" + "x".repeat(1_048_600 + rng.nextInt(10_000)) + "\"}";
            case 4 -> "{\"text\":\"" + "word ".repeat(41_000) + "\",\"fuzzUnknown\":true}";
            case 5 -> pick(rng, "[]", "[{}]", "1", "-1", "1e400", "\"text\"", "null", "true", "[\"text\"]", "{}\n{}");
            case 6 -> "{\"text\":" + pick(rng, "123", "[\"a\"]", "{\"a\":1}", "true", "1e999", "null") + ",\"fuzzUnknown\":0}";
            case 7 -> "{\"statement\":\"x\",\"kind\":\"" + pick(rng, ENUM_VALUES) + "\",\"certainty\":\"REPORTED\","
                    + "\"evidence\":[{\"sourceId\":1,\"start\":-5,\"end\":99999999999,\"exact\":null}],\"fuzzUnknown\":1}";
            case 8 -> "{\"status\":\"" + pick(rng, ENUM_VALUES) + "\",\"note\":\"" + "n".repeat(rng.nextInt(3000))
                    + "\",\"fuzzUnknown\":1}";
            case 9 -> "{\"name\":\"" + query(rng).replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"type\":\""
                    + pick(rng, ENUM_VALUES) + "\",\"fuzzUnknown\":null}";
            case 10 -> "{\"findingId\":" + pick(rng, "1", "-1", "\"x\"", "1e30") + ",\"type\":\"" + pick(rng, ENUM_VALUES) + "\",\"fuzzUnknown\":[]}";
            case 11 -> "{\"text\":\"ok\",\"text\":\"dup\",\"title\":\"" + "t".repeat(600) + "\",\"fuzzUnknown\":1}";
            case 12 -> "\ufeff{\"text\":\"bom\",\"fuzzUnknown\":1}";
            default -> null;
        };
        if (text == null) {
            // invalid UTF-8 inside a JSON string
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("{\"text\":\"".getBytes(StandardCharsets.UTF_8));
            out.writeBytes(invalidUtf8(rng));
            out.writeBytes("\",\"fuzzUnknown\":1}".getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Bodies that a valid key would get accepted; sent only without one. */
    private byte[] validLookingBody(Random rng) {
        return pick(rng, "{\"text\":\"Fuzz title\\n\\nThe researchers found that ketamine increases young neurons.\"}",
                "{\"status\":\"ACCEPTED\",\"note\":\"fuzz\"}", "{\"statement\":\"fuzz\"}",
                "{\"name\":\"Fuzzamine\",\"type\":\"DRUG\"}", "{\"findingId\":2,\"type\":\"SUPPORTS\"}",
                "{\"title\":\"Fuzz study\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] invalidUtf8(Random rng) {
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0x80}};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Title of a study\n\nThe researchers found ".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad[rng.nextInt(bad.length)]);
        out.writeBytes(" that it works.".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static String query(Random rng) {
        int kind = rng.nextInt(6);
        if (kind == 0) {
            return "q".repeat(rng.nextBoolean() ? 501 : 400 + rng.nextInt(200));
        }
        if (kind == 2 && rng.nextInt(3) == 0) {
            return costlyQuery(rng);
        }
        if (kind == 1) {
            StringBuilder s = new StringBuilder();
            int n = 1 + rng.nextInt(40);
            for (int i = 0; i < n; i++) {
                s.appendCodePoint(rng.nextInt(4) == 0 ? rng.nextInt(0x30000) : 0x20 + rng.nextInt(0x5f));
            }
            return s.toString().replace("\ud800", "");
        }
        StringBuilder q = new StringBuilder();
        int parts = 1 + rng.nextInt(4);
        for (int i = 0; i < parts; i++) {
            q.append(i == 0 ? "" : pick(rng, " ", "", " | ", " -", "\"")).append(rng.nextInt(3) == 0
                    ? pick(rng, "ketamine", "BMP", "hippocampus", "young neurons", "depression") : pick(rng, QUERIES));
        }
        return q.toString();
    }

    /**
     * Queries crafted to cost a search more than their length: many words, many exclusions or alternatives (each a
     * clause in every field), deep parentheses. Within the length limit; beyond the word or depth limit or not.
     */
    static String costlyQuery(Random rng) {
        int n = 1 + rng.nextInt(70);
        StringBuilder q = new StringBuilder();
        switch (rng.nextInt(4)) {
            case 0 -> IntStream.range(0, n).forEach(i -> q.append(i == 0 ? "" : " ").append("w").append(i));
            case 1 -> IntStream.range(0, n).forEach(i -> q.append(i == 0 ? "ketamine" : "").append(" -x").append(i));
            case 2 -> IntStream.range(0, n).forEach(i -> q.append(i == 0 ? "" : " | ").append("a").append(i));
            default -> {
                q.append("(a|".repeat(n)).append('a').append(")".repeat(rng.nextInt(n + 1)));
            }
        }
        return q.toString();
    }

    private String fill(String pattern, Random rng, boolean bad) {
        String path = pattern;
        while (path.contains("{")) {
            int start = path.indexOf('{');
            int end = path.indexOf('}', start);
            String value = bad ? pick(rng, IDS) : pick(rng, "1", "2", "1", "3", "20");
            if (!bad && path.substring(start, end).contains("linkId")) {
                value = "999999";
            }
            path = path.substring(0, start) + value + path.substring(end + 1);
        }
        return path;
    }

    private static String encodeName(Random rng, String name) {
        return rng.nextInt(30) == 0 ? name.toUpperCase(Locale.ROOT) : name;
    }

    /** Usually well encoded; sometimes with raw or broken percent sequences that only the raw client sends. */
    private static String encode(Random rng, String value) {
        int mode = rng.nextInt(12);
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        return switch (mode) {
            case 0 -> encoded + pick(rng, "%", "%2", "%zz", "%C3%28", "%FF", "%ED%A0%80", "%C0%AF", "%00");
            case 1 -> value.replace(" ", "+"); // raw: may hold characters a URI may not
            case 2 -> encoded.replace("%2C", ",");
            default -> encoded;
        };
    }

    private static String randomBase64(Random rng) {
        byte[] bytes = new byte[rng.nextInt(64)];
        rng.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @SafeVarargs
    static <T> T pick(Random rng, T... values) {
        return values[rng.nextInt(values.length)];
    }

    // ---- malformed at the HTTP level: only a raw socket sends these ----

    private List<Fuzz> rawRequests(Random rng) {
        List<Fuzz> raw = new ArrayList<>();
        String host = "Host: 127.0.0.1:" + port + "\r\n";
        String[] lines = {
            "GET\r\n\r\n", "GET /api\r\n\r\n", "GET /api HTTP/1.1\r\n\r\n", "GET /api HTTP/9.9\r\n" + host + "\r\n",
            "GET /api HTTP/1.0\r\n\r\n", "GET /api HTTP/2.0\r\n" + host + "\r\n", "G ET /api HTTP/1.1\r\n" + host + "\r\n",
            "GET  /api HTTP/1.1\r\n" + host + "\r\n", "GET /api HTTP/1.1 extra\r\n" + host + "\r\n",
            "\r\n\r\nGET /api HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n", "GET /api?q=a b HTTP/1.1\r\n" + host + "\r\n",
            "GET /api/findings?q=\u0001 HTTP/1.1\r\n" + host + "\r\n", "GET /api/\u00e9 HTTP/1.1\r\n" + host + "\r\n",
            "GET http://evil.example/api HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n", "GET * HTTP/1.1\r\n" + host + "\r\n",
            "OPTIONS * HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n", "CONNECT 127.0.0.1:80 HTTP/1.1\r\n" + host + "\r\n",
            "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "get /api HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
            "BREW /api HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n", "TRACE /api HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
            "G\u0000T /api HTTP/1.1\r\n" + host + "\r\n", "GETGETGETGETGETGETGETGETGETGET /api HTTP/1.1\r\n" + host + "\r\n",
            "GET /api/findings/%zz HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
            "GET /api/findings/% HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
            "GET /api/../../etc/passwd HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
            "GET /api/findings/1%00 HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
            "GET /api/findings\\1 HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
            "GET /api/findings/%2F1 HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
            "GET /api/findings/%5C1 HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
            "GET /api/%C3%28 HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
            "GET /api/findings?q=%C3%28 HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
            "GET /api/search?q=%ED%A0%80 HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
            "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\n" + host + "\r\n",
            "GET /api/findings?q=" + "x".repeat(100_000) + " HTTP/1.1\r\n" + host + "\r\n",
            "GET /api HTTP/1.1\r\n" + host + "Foo\r\nConnection: close\r\n\r\n",
            "GET /api HTTP/1.1\r\nHost : 127.0.0.1\r\nConnection: close\r\n\r\n",
            "GET /api HTTP/1.1\r\n" + host + "X-Fold: a\r\n b\r\nConnection: close\r\n\r\n",
            "GET /api HTTP/1.1\r\n" + host + "X-Nul: a\u0000b\r\nConnection: close\r\n\r\n",
            "GET /api HTTP/1.1\r\n" + host + "X-Big: " + "b".repeat(20_000) + "\r\nConnection: close\r\n\r\n",
            "GET /api HTTP/1.1\r\n" + "X-Many: m\r\n".repeat(300) + host + "Connection: close\r\n\r\n",
            "GET /api HTTP/1.1\r\n" + host + host + "Connection: close\r\n\r\n",
            "GET /api HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n",
            "GET /api HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n",
            "GET /api HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n",
            "GET /api HTTP/1.1\r\nHost: 127.0.0.1:99999999\r\nConnection: close\r\n\r\n",
            "GET /api HTTP/1.1\n" + host.replace("\r\n", "\n") + "Connection: close\n\n",
            "GET /api HTTP/1.1\r" + host.replace("\r\n", "\r") + "\r\r",
            "GET /api HTTP/1.1\r\n" + host + "Expect: bogus\r\nConnection: close\r\n\r\n",
            "GET /api HTTP/1.1\r\n" + host + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n",
            "GET /api HTTP/1.1\r\n" + host + "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: x\r\n\r\n",
        };
        for (String line : lines) {
            raw.add(rawFuzz("malformed request line or header", line));
        }
        String[] writes = {"POST /api/sources", "POST /api/findings", "PUT /api/findings/1", "PATCH /api/findings/1",
            "POST /api/findings/1/review", "POST /api/studies", "POST /api/concepts", "DELETE /api/findings/1"};
        String[] auths = {"", "Authorization: Bearer " + TestKeys.ADMIN + "\r\n", "Authorization: Bearer wrong-key-000000000\r\n"};
        String[] lengths = {"Content-Length: -1\r\n", "Content-Length: abc\r\n", "Content-Length: 1, 2\r\n",
            "Content-Length: 5\r\nContent-Length: 6\r\n", "Content-Length: +5\r\n", "Content-Length: 99999999999999999999\r\n",
            "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", "Transfer-Encoding: gzip\r\n", "Transfer-Encoding: chunked, chunked\r\n",
            "Transfer-Encoding: xchunked\r\n", "Transfer-Encoding: identity\r\n", "Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n",
            "Content-Length: 2000000\r\n", "Expect: 100-continue\r\nContent-Length: 3\r\n"};
        String[] chunkedBodies = {"zz\r\n{}\r\n0\r\n\r\n", "-1\r\n{}\r\n0\r\n\r\n", "fffffffffffffffffffff\r\n{}\r\n0\r\n\r\n",
            "2;" + ";".repeat(10_000) + "\r\n{}\r\n0\r\n\r\n", "2\r\n{}", "10\r\n{}\r\n0\r\n\r\n", "2 \r\n{}\r\n0\r\n\r\n",
            "2\r\n{}\r\n0\r\nBad Trailer\r\n\r\n", "2\r\n{}\r\n0\r\nContent-Length: 5\r\n\r\n", "2\r\n{}0\r\n\r\n",
            "1\r\n{\r\n1\r\n\"\r\n0\r\n\r\n", "0\r\n\r\n", "\r\n\r\n", "5\r\n\u00ff\u00fe{}x\r\n0\r\n\r\n"};
        for (String write : writes) {
            for (String auth : auths) {
                String head = write + " HTTP/1.1\r\n" + host + auth + "Content-Type: application/json\r\nIf-Match: \"999999\"\r\n"
                        + "Connection: close\r\n";
                for (String length : lengths) {
                    raw.add(rawFuzz("malformed length or transfer coding", head + length + "\r\n{\"a\"}"));
                }
                for (String chunked : chunkedBodies) {
                    raw.add(rawFuzz("malformed chunked body", head + "Transfer-Encoding: chunked\r\n\r\n" + chunked));
                }
                if (!auth.isEmpty()) {
                    // A chunked body past the size limit: refused while it streams in.
                    StringBuilder big = new StringBuilder(head + "Transfer-Encoding: chunked\r\n\r\n");
                    String chunk = "{\"fuzzUnknown\":\"" + "y".repeat(60_000) + "\"}";
                    for (int i = 0; i < 20; i++) {
                        big.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
                    }
                    raw.add(rawFuzz("chunked body over the limit", big.append("0\r\n\r\n").toString()));
                }
            }
        }
        Collections.shuffle(raw, rng);
        return raw;
    }

    private static Fuzz rawFuzz(String category, String request) {
        return new Fuzz(category, "RAW", request, List.of(), null);
    }

    private void sendRaw(Fuzz fuzz) {
        try {
            RawHttp.Response response = RawHttp.send(port, fuzz.path().getBytes(StandardCharsets.ISO_8859_1), true);
            check(fuzz, "raw", response.status(), response.headers(), response.body());
        } catch (IOException e) {
            count("no answer (" + e.getClass().getSimpleName() + ")");
            sent.incrementAndGet();
        }
    }
}
