package org.findingskb.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The restore checks the whole file before it writes: a damaged, truncated or foreign file is refused naming
 * its line, and a database that holds anything is refused, each leaving the database as it was. A whole export
 * comes back row for row, with every id sequence past the ids it restored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RestoreTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    KnowledgeBaseExport export;

    @Autowired
    DataSource seeded;

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    private List<String> lines;
    private DataSource empty;

    @BeforeEach
    void exportTheSeededKnowledgeBaseAndMakeAnEmptyOne() throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.export(out);
        lines = new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:restore_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        empty = h2;
    }

    @Test
    void theExportStartsWithAHeaderCountingEveryTypeAndHoldsThatManyRows() {
        JsonNode header = JSON.readTree(lines.get(0));
        assertThat(header.get("type").asString()).isEqualTo("header");
        assertThat(header.get("format").asString()).isEqualTo(KnowledgeBaseExport.FORMAT);
        assertThat(header.get("version").asInt()).isEqualTo(KnowledgeBaseExport.VERSION);
        JsonNode counts = header.get("counts");
        assertThat(counts.propertyNames()).contains("source", "study", "finding", "mechanism", "concept", "link",
                "revision", "finding_aud");
        long total = counts.propertyStream().mapToLong(e -> e.getValue().asLong()).sum();
        assertThat(lines).hasSize((int) total + 1);
        assertThat(counts.get("study").asLong()).isPositive();
        JsonNode finding = lines.stream().map(JSON::readTree).filter(l -> l.get("type").asString().equals("finding"))
                .findFirst().orElseThrow();
        assertThat(finding.get("row").propertyNames()).contains("id", "version", "study_id", "statement",
                "review_status", "review_note", "needs_review", "reported_by", "created_at");
    }

    @Test
    void onlyAnAdminKeyDownloadsTheExport() {
        Http http = new Http(port);
        assertThat(http.get("/api/export").status()).isEqualTo(401);
        assertThat(http.get("/api/export", TestKeys.curator()).status()).isEqualTo(403);
        Reply reply = http.get("/api/export", TestKeys.admin());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith(ExportController.NDJSON);
        assertThat(reply.header("Content-Disposition").orElseThrow()).startsWith("attachment; filename=\"findings-kb-");
        assertThat(reply.body().lines().toList()).hasSameSizeAs(lines);
        assertThat(reply.body().lines().skip(1).toList()).containsExactlyElementsOf(lines.subList(1, lines.size()));
    }

    @Test
    void theExportCommandWritesTheFileAndStopsTheApplication() throws IOException {
        Path file = files.resolve("command.ndjson");
        try (RunningApplication app = RunningApplication.start(RunningApplication.Backend.H2,
                Map.of("kb.export", file.toString()))) {
            assertThat(app.isRunning()).as("stopped after the export").isFalse();
        }
        List<String> written = Files.readAllLines(file);
        JsonNode header = JSON.readTree(written.get(0));
        assertThat(header.get("format").asString()).isEqualTo(KnowledgeBaseExport.FORMAT);
        long total = header.get("counts").propertyStream().mapToLong(e -> e.getValue().asLong()).sum();
        assertThat(written).hasSize((int) total + 1);
        assertThat(header.get("counts").get("study").asLong()).isPositive();
        assertThat(files.resolve("command.ndjson.partial")).doesNotExist();
    }

    @Test
    void aWholeExportComesBackRowForRowWithSequencesPastItsIds() throws SQLException, IOException {
        Path file = write(lines);
        new KnowledgeBaseRestore(empty).restore(file);

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        new KnowledgeBaseExport(empty).export(again);
        List<String> restored = again.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(restored.subList(1, restored.size())).containsExactlyElementsOf(lines.subList(1, lines.size()));
        JdbcTemplate jdbc = new JdbcTemplate(empty);
        for (String table : List.of("finding", "study", "source_document", "revision", "concept", "mechanism")) {
            long highest = jdbc.queryForObject("select max(id) from " + table, Long.class);
            long next = jdbc.queryForObject("select next value for " + table + "_seq", Long.class);
            // Hibernate takes the block of 50 ids ending at the value it reads.
            assertThat(next - 49).as(table).isGreaterThan(highest);
        }
    }

    @Test
    void aDatabaseThatHoldsAnythingIsRefused() {
        assertThatThrownBy(() -> new KnowledgeBaseRestore(seeded).restore(write(lines)))
                .isInstanceOf(RestoreRefused.class)
                .hasMessageContaining("empty database only")
                .hasMessageContaining("study=");
    }

    @Test
    void aTruncatedFileIsRefusedNamingItsLastLine() throws IOException {
        List<String> truncated = lines.subList(0, lines.size() - 3);
        refused(truncated, "line " + truncated.size() + ": the file ends after");
        List<String> cut = new ArrayList<>(lines.subList(0, lines.size() - 1));
        String last = lines.get(lines.size() - 1);
        cut.add(last.substring(0, last.length() / 2));
        refused(cut, "line " + cut.size() + ": not JSON");
    }

    @Test
    void aDamagedLineIsRefusedByNumber() throws IOException {
        int line = lines.size() / 2;
        refused(replaced(line, lines.get(line - 1).replace("\"row\":{", "\"row\":{\"colour\":\"red\",")),
                "line " + line + ": " + JSON.readTree(lines.get(line - 1)).get("type").asString() + " has no column colour");
        refused(replaced(line, "{\"type\":\"gossip\",\"row\":{}}"), "line " + line + ": unknown type \"gossip\"");
        int finding = 1 + indexOfFirst("finding");
        refused(replaced(finding, lines.get(finding - 1).replaceFirst("\"id\":\\d+", "\"id\":\"seven\"")),
                "line " + finding + ": finding.id = \"seven\" is not a valid integer");
        refused(replaced(finding, lines.get(finding - 1).replaceFirst("\"statement\":\"[^\"]*\"", "\"statement\":null")),
                "line " + finding + ": finding.statement is missing");
        refused(replaced(1, "{\"hello\": \"world\"}"), "line 1: not a header");
        refused(List.of(), "line 1: the file is empty");
    }

    @Test
    void aRowTheDatabaseRefusesAfterSeveralCommitsLeavesTheDatabaseEmpty() throws IOException {
        int first = indexOfFirst("finding");
        int last = lines.size() - 1;
        while (!lines.get(last).startsWith("{\"type\":\"finding\"")) {
            last--;
        }
        assertThat(last).as("the damaged row comes after several transactions of 10 rows").isGreaterThan(30);
        // The same id twice passes every check of the file; only the database's primary key refuses it.
        Path file = write(replaced(last + 1, lines.get(first)));
        assertThatThrownBy(() -> new KnowledgeBaseRestore(empty, 10).restore(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing was kept");
        JdbcTemplate jdbc = new JdbcTemplate(empty);
        for (String table : List.of("concept", "source_document", "study", "finding", "finding_concept", "revision")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class)).as(table).isZero();
        }
    }

    @Test
    void rowsBeforeTheRowsTheyReferToAreRefused() throws IOException {
        int concept = indexOfFirst("concept");
        int finding = indexOfFirst("finding");
        List<String> swapped = new ArrayList<>(lines);
        swapped.add(concept, swapped.remove(finding));
        refused(swapped, "line " + (concept + 2) + ": a concept row after finding rows");
    }

    @Test
    void aDamagedFileStopsTheApplicationAtStartUpWithItsLineNumber() throws IOException {
        Path damaged = write(replaced(3, "{\"type\":"));
        assertThatThrownBy(() -> RunningApplication.start(RunningApplication.Backend.H2,
                Map.of("kb.restore", damaged.toString())))
                .rootCause().hasMessageContaining("line 3: not JSON");
    }

    private void refused(List<String> file, String message) throws IOException {
        Path path = write(file);
        assertThatThrownBy(() -> new KnowledgeBaseRestore(empty).restore(path))
                .isInstanceOf(RestoreRefused.class)
                .hasMessageContaining(message)
                .hasMessageContaining("Nothing was written");
        assertThat(new JdbcTemplate(empty).queryForObject("select count(*) from concept", Long.class)).isZero();
    }

    private List<String> replaced(int lineNumber, String text) {
        List<String> copy = new ArrayList<>(lines);
        copy.set(lineNumber - 1, text);
        return copy;
    }

    private int indexOfFirst(String type) {
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("{\"type\":\"" + type + "\"")) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " row");
    }

    private Path write(List<String> file) throws IOException {
        Path path = Files.createTempFile(files, "kb", ".ndjson");
        Files.write(path, file, StandardCharsets.UTF_8);
        return path;
    }
}
