package org.findingskb.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.findingskb.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety: the application runs in a child JVM on its file database (H2, with the production URL of
 * application.properties; or a PostgreSQL database of its own when the {@code postgres} profile is active), takes
 * ingests and curator edits from several threads, is killed with SIGKILL at a random moment and restarted. After
 * each restart every write acknowledged with a 2xx must be present and intact, the database and the search index
 * must reopen, and nothing half-written may be visible. {@code bench/crash} runs the same check for many cycles.
 *
 * <p>System properties: {@code kb.crash.cycles} (default 1: a build runs one kill; {@code bench/crash} and this property run many), {@code kb.crash.seed} (default random, printed).
 *
 * <p>It fails only on lost or wrong data, never on slowness: each cycle waits, however long it takes, until the
 * app has acknowledged an ingest before the kill, and a write that times out on a loaded machine is simply a
 * write whose outcome is unknown. The only clock is the JUnit timeout, a guard against a hang.
 */
class CrashRecoveryTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "crash-test-admin-key-000001";
    private static final String ALL_REVIEW = "UNREVIEWED,ACCEPTED,REJECTED,RETRACTED";
    private static final int WRITERS = 3;
    /**
     * How long a request may take on a loaded machine. A killed server fails requests at once (the connection
     * closes), so waiting long costs nothing; only answers are judged.
     */
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @TempDir
    Path work;

    private Process app;
    private String database;

    record IngestAck(long sourceId, String sha256, long studyId, int findingCount, String token,
            List<long[]> spans, List<String> quotes) {
    }

    record EditAck(long version, String statement, String reviewStatus) {
    }

    private final Map<Long, IngestAck> ingests = new ConcurrentHashMap<>();
    private final Map<Long, EditAck> edits = new ConcurrentHashMap<>();
    private final List<Long> pool = new CopyOnWriteArrayList<>();
    private final AtomicLong counter = new AtomicLong();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger acknowledgedIngests = new AtomicInteger();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopAndDrop() {
        if (app != null) {
            app.destroyForcibly();
            waitFor(app);
        }
        if (database != null) {
            postgres("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void acknowledgedWritesSurviveSigkillAndNothingHalfWrittenIsVisible() throws Exception {
        int cycles = Integer.getInteger("kb.crash.cycles", 1);
        long seed = Long.getLong("kb.crash.seed", new Random().nextLong());
        System.out.println("CrashRecoveryTests: seed " + seed + " (-Dkb.crash.seed=" + seed + " repeats it), " + cycles
                + " cycles, " + (postgresProfile() ? "PostgreSQL" : "H2 file database"));
        Random rng = new Random(seed);
        int port = freePort();
        List<String> arguments = arguments(port);
        start(arguments, port);
        new Http(port, PATIENCE).get("/api/findings?size=20&sort=id,asc").json().get("content").forEach(f -> pool.add(f.get("id").asLong()));

        List<String> problems = new ArrayList<>();
        for (int cycle = 1; cycle <= cycles; cycle++) {
            AtomicBoolean stop = new AtomicBoolean();
            int before = acknowledged.get();
            int ingestsBefore = acknowledgedIngests.get();
            List<Thread> writers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                Random writerRng = new Random(rng.nextLong());
                Thread writer = new Thread(() -> write(new Http(port, PATIENCE), writerRng, stop), "crash-writer-" + i);
                writer.setDaemon(true);
                writer.start();
                writers.add(writer);
            }
            // Kill at a random moment once the cycle has had an ingest acknowledged, however slow the machine.
            while (acknowledgedIngests.get() == ingestsBefore) {
                assertThat(app.isAlive()).as("the app is running; its log ends:%n%s", logTail()).isTrue();
                Thread.sleep(20);
            }
            Thread.sleep(rng.nextInt(2_000));
            app.destroyForcibly();
            waitFor(app);
            stop.set(true);
            for (Thread writer : writers) {
                writer.join(60_000);
            }
            int acked = acknowledged.get() - before;
            start(arguments, port);
            List<String> found = verify(new Http(port, PATIENCE));
            System.out.println("CrashRecoveryTests: cycle " + cycle + ": " + acked + " writes acknowledged before the"
                    + " SIGKILL; after restart " + found.size() + " problems");
            int done = cycle;
            found.forEach(p -> problems.add("cycle " + done + ": " + p));
            assertThat(acked).as("writes acknowledged in cycle %d", cycle).isPositive();
        }
        assertThat(unexpected).as("answers other than 2xx and 412 to the writers; the app logged:%n%s", loggedErrors())
                .isEmpty();
        assertThat(problems).as("acknowledged writes lost or half-written state visible after SIGKILL").isEmpty();
        assertThat(ingests).as("acknowledged ingests").isNotEmpty();
    }

    // ---- writers ----

    private void write(Http http, Random rng, AtomicBoolean stop) {
        while (!stop.get()) {
            try {
                if (rng.nextDouble() < 0.4 || pool.isEmpty()) {
                    ingest(http, rng);
                } else {
                    edit(http, rng);
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                // Killed under this writer, or too slow to answer in time: the write's outcome is unknown, and
                // the writer goes on until the cycle stops it.
                sleep(50);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ingest(Http http, Random rng) {
        String token = KbArticles.token("kb", counter.incrementAndGet());
        String body = JSON.writeValueAsString(Map.of("text", KbArticles.article(rng, token)));
        Http.Reply reply = http.send("POST", "/api/sources", body, "Authorization", "Bearer " + KEY,
                "Content-Type", "application/json");
        if (reply.status() != 201) {
            unexpected.add("POST /api/sources -> " + reply);
            return;
        }
        JsonNode json = reply.json();
        List<long[]> spans = new ArrayList<>();
        List<String> quotes = new ArrayList<>();
        for (JsonNode finding : json.get("findings")) {
            for (JsonNode e : finding.get("evidence")) {
                spans.add(new long[] {finding.get("id").asLong(), e.get("start").asLong(), e.get("end").asLong()});
                quotes.add(e.get("exact").asString());
            }
        }
        long sourceId = json.get("source").get("id").asLong();
        ingests.put(sourceId, new IngestAck(sourceId, json.get("source").get("sha256").asString(),
                json.get("studyId").asLong(), json.get("findings").size(), token, spans, quotes));
        json.get("findings").forEach(f -> pool.add(f.get("id").asLong()));
        acknowledged.incrementAndGet();
        acknowledgedIngests.incrementAndGet();
    }

    private void edit(Http http, Random rng) {
        List<Long> snapshot = List.copyOf(pool);
        List<Long> recent = snapshot.subList(Math.max(0, snapshot.size() - 30), snapshot.size());
        long id = recent.get(rng.nextInt(recent.size()));
        for (int attempt = 0; attempt < 8; attempt++) {
            Http.Reply current = http.get("/api/findings/" + id);
            if (current.status() != 200) {
                unexpected.add("GET /api/findings/" + id + " -> " + current);
                return;
            }
            String etag = current.header("ETag").orElseThrow();
            String token = KbArticles.token("ed", counter.incrementAndGet());
            String exact = current.json().get("evidence").get(0).get("exact").asString();
            String statement = "Curated " + token + " " + exact.substring(0, Math.min(300, exact.length()));
            Http.Reply reply = rng.nextBoolean()
                    ? http.send("PATCH", "/api/findings/" + id, JSON.writeValueAsString(Map.of("statement", statement)),
                            "Authorization", "Bearer " + KEY, "Content-Type", "application/merge-patch+json", "If-Match", etag)
                    : http.send("POST", "/api/findings/" + id + "/review",
                            JSON.writeValueAsString(Map.of("status", "ACCEPTED", "note", "checked " + token)),
                            "Authorization", "Bearer " + KEY, "Content-Type", "application/json", "If-Match", etag);
            if (reply.status() == 200) {
                JsonNode json = reply.json();
                EditAck ack = new EditAck(json.get("version").asLong(), json.get("statement").asString(),
                        json.get("reviewStatus").asString());
                edits.merge(id, ack, (a, b) -> a.version() >= b.version() ? a : b);
                acknowledged.incrementAndGet();
                return;
            }
            if (reply.status() != 412) {
                unexpected.add("edit of finding " + id + " -> " + reply);
                return;
            }
        }
    }

    // ---- verification ----

    private List<String> verify(Http http) {
        List<String> problems = new ArrayList<>();
        Map<Long, JsonNode> sources = new HashMap<>();
        pages(http, "/api/sources?sort=id,asc").forEach(s -> sources.put(s.get("id").asLong(), s));
        Map<Long, Long> storedStudies = new HashMap<>();
        sources.values().forEach(s -> {
            if (s.get("studyIds").isEmpty()) {
                problems.add("source " + s.get("id") + " has no study");
            }
            s.get("studyIds").forEach(id -> storedStudies.put(id.asLong(), s.get("id").asLong()));
        });
        Set<Long> indexedStudies = new HashSet<>();
        pages(http, "/api/studies?sort=id,asc").forEach(s -> indexedStudies.add(s.get("id").asLong()));
        if (!indexedStudies.equals(storedStudies.keySet())) {
            problems.add("studies stored " + new java.util.TreeSet<>(storedStudies.keySet()) + " but indexed "
                    + new java.util.TreeSet<>(indexedStudies));
        }
        for (IngestAck ack : ingests.values()) {
            JsonNode source = sources.get(ack.sourceId());
            if (source == null) {
                problems.add("acknowledged source " + ack.sourceId() + " (" + ack.token() + ") is missing");
            } else if (!source.get("sha256").asString().equals(ack.sha256())) {
                problems.add("source " + ack.sourceId() + " has another sha256 than acknowledged");
            }
        }
        Map<Long, IngestAck> bySource = ingests.values().stream()
                .collect(Collectors.toMap(IngestAck::sourceId, a -> a));
        storedStudies.forEach((studyId, sourceId) -> checkStudy(http, studyId, sourceId, bySource.get(sourceId), problems));
        edits.forEach((id, ack) -> {
            Http.Reply reply = http.get("/api/findings/" + id);
            if (reply.status() != 200) {
                problems.add("finding " + id + " with acknowledged version " + ack.version() + " answers " + reply.status());
                return;
            }
            JsonNode finding = reply.json();
            long version = finding.get("version").asLong();
            if (version < ack.version()) {
                problems.add("finding " + id + " is at version " + version + ", " + ack.version() + " was acknowledged");
            } else if (version == ack.version() && !(finding.get("statement").asString().equals(ack.statement())
                    && finding.get("reviewStatus").asString().equals(ack.reviewStatus()))) {
                problems.add("finding " + id + " at the acknowledged version " + version + " differs from the acknowledged one");
            }
            String statement = finding.get("statement").asString();
            if (statement.startsWith("Curated ")) {
                String token = statement.split(" ")[1];
                boolean found = http.get("/api/findings?q=" + token).json().get("content").valueStream()
                        .anyMatch(f -> f.get("id").asLong() == id);
                if (!found) {
                    problems.add("finding " + id + " v" + version + " is not found by its statement's word " + token);
                }
            }
        });
        return problems;
    }

    private void checkStudy(Http http, long studyId, long sourceId, IngestAck ack, List<String> problems) {
        Http.Reply reply = http.get("/api/studies/" + studyId);
        if (reply.status() != 200) {
            problems.add("study " + studyId + " answers " + reply.status());
            return;
        }
        JsonNode study = reply.json();
        long findingCount = study.get("findingCount").asLong();
        if (findingCount == 0) {
            problems.add("study " + studyId + " has no findings");
        }
        if (ack != null && findingCount != ack.findingCount()) {
            problems.add("study " + studyId + " has " + findingCount + " findings, " + ack.findingCount() + " acknowledged");
        }
        List<JsonNode> listed = pages(http, "/api/studies/" + studyId + "/findings?reviewStatus=" + ALL_REVIEW);
        if (listed.size() != findingCount) {
            problems.add("study " + studyId + " counts " + findingCount + " findings but lists " + listed.size());
        }
        String text = http.get("/api/sources/" + sourceId).json().get("text").asString();
        if (ack != null && !sha256(text).equals(ack.sha256())) {
            problems.add("source " + sourceId + ": the stored text does not hash to the acknowledged sha256");
        }
        Set<Long> listedIds = new HashSet<>();
        for (JsonNode finding : listed) {
            listedIds.add(finding.get("id").asLong());
            for (JsonNode e : finding.get("evidence")) {
                int start = e.get("start").asInt();
                int end = e.get("end").asInt();
                if (end > text.length() || !text.substring(start, end).equals(e.get("exact").asString())) {
                    problems.add("finding " + finding.get("id") + ": evidence does not quote its source");
                }
            }
        }
        if (ack != null) {
            for (int i = 0; i < ack.spans().size(); i++) {
                long[] span = ack.spans().get(i);
                if (!listedIds.contains(span[0])) {
                    problems.add("acknowledged finding " + span[0] + " of study " + studyId + " is not listed");
                } else if (!text.substring((int) span[1], (int) span[2]).equals(ack.quotes().get(i))) {
                    problems.add("acknowledged evidence of finding " + span[0] + " no longer quotes its source");
                }
            }
        }
        String title = study.get("title").asString();
        if (title.startsWith("Study kb")) {
            String token = title.split(" ")[1];
            boolean found = http.get("/api/search?type=study&q=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
                    .json().get("content").valueStream().anyMatch(h -> h.get("id").asLong() == studyId);
            if (!found) {
                problems.add("study " + studyId + " is not found by searching its word " + token);
            }
        }
    }

    private static List<JsonNode> pages(Http http, String path) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            Http.Reply reply = http.get(path + (path.contains("?") ? "&" : "?") + "size=100&page=" + page);
            assertThat(reply.status()).as("GET %s", path).isEqualTo(200);
            JsonNode json = reply.json();
            json.get("content").forEach(items::add);
            if (page + 1 >= json.get("page").get("totalPages").asInt()) {
                return items;
            }
        }
    }

    // ---- the child JVM ----

    private List<String> arguments(int port) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The test classes are left out: their spring.factories would give the child an in-memory database.
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                "org.findingskb.FindingsKbApplication", "--kb.data-dir=" + work.resolve("data"),
                "--server.port=" + port, "--kb.api-keys=ADMIN:" + KEY, "--kb.rate-limit.writes-per-key=1000000",
                "--kb.rate-limit.writes-per-address=1000000",
                // slowness is not what this test looks for: a loaded machine must not turn a read into a 503
                "--kb.search.timeout=120s"));
        if (postgresProfile()) {
            database = "kb_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            postgres("CREATE DATABASE " + database);
            command.addAll(List.of("--spring.profiles.active=postgres",
                    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                    "--spring.datasource.username=postgres", "--spring.datasource.password="));
        } else {
            command.add("--spring.profiles.active=default");
        }
        return command;
    }

    private void start(List<String> command, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("app.log").toFile()));
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        app = builder.start();
        Http http = new Http(port);
        // However long a loaded machine takes to start it: only a process that died fails here.
        while (true) {
            assertThat(app.isAlive()).as("the app is running; its log ends:%n%s", logTail()).isTrue();
            try {
                Http.Reply health = http.get("/actuator/health");
                if (health.status() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(work.resolve("app.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** The first errors the app logged, with the lines after each, so a failure names its cause. */
    private String loggedErrors() {
        try {
            List<String> lines = Files.readAllLines(work.resolve("app.log"));
            List<String> picked = new ArrayList<>();
            for (int i = 0; i < lines.size() && picked.size() < 120; i++) {
                if (lines.get(i).contains(" ERROR ")) {
                    picked.addAll(lines.subList(i, Math.min(lines.size(), i + 30)));
                    i += 29;
                }
            }
            return picked.isEmpty() ? "(no error logged)" : String.join("\n", picked);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void waitFor(Process process) {
        try {
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean postgresProfile() {
        return Arrays.asList(System.getProperty("spring.profiles.active", "").split(",")).contains("postgres");
    }

    private static void postgres(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static {
        // Keeps java.net.http from holding connections to a killed server for long.
        System.setProperty("jdk.httpclient.keepalive.timeout", "2");
    }
}
