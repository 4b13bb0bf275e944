package org.findingskb.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.findingskb.backup.Tables.Column;
import org.findingskb.backup.Tables.Table;

/**
 * Loads an export into an empty database: ids, versions, review states, curated edits, links and the revision
 * history come back as they were, because every row of every table does. The whole file is read and checked first
 * (header, order, columns, value types, and each type's row count against the header, which catches a truncated
 * file), so a damaged one is refused, naming its line, before anything is written; the rows are then written with
 * many-row inserts in transactions of a bounded size (all deleted again if one fails), and each id sequence is
 * moved past the highest id restored, once, at the end.
 */
final class KnowledgeBaseRestore {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBaseRestore.class);
    /** Rows per commit: large enough that commits cost little, small enough that no transaction grows big. */
    private static final int ROWS_PER_TRANSACTION = 20_000;
    private static final int MAX_ROWS_PER_STATEMENT = 200;
    /** Bind parameters per statement, well under PostgreSQL's limit of 65,535. */
    private static final int MAX_PARAMETERS = 20_000;
    /** Hibernate's pooled sequences hand out the block of ids just below the value read; this keeps it above. */
    private static final long SEQUENCE_CLEARANCE = 100;

    private final DataSource dataSource;
    private final JsonMapper json = JsonMapper.builder().build();

    private final int rowsPerTransaction;

    KnowledgeBaseRestore(DataSource dataSource) {
        this(dataSource, ROWS_PER_TRANSACTION);
    }

    /** With fewer rows per transaction, a test sees a failure after commits undone as a real one would be. */
    KnowledgeBaseRestore(DataSource dataSource, int rowsPerTransaction) {
        this.dataSource = dataSource;
        this.rowsPerTransaction = rowsPerTransaction;
    }

    /** Restores {@code file}; throws {@link RestoreRefused} without writing anything when it cannot. */
    void restore(Path file) {
        try (Connection connection = dataSource.getConnection()) {
            Tables tables = Tables.of(connection);
            refuseUnlessEmpty(connection, tables);
            log.info("Restore: checking {}", file.toAbsolutePath());
            Map<String, Long> counts = check(file, tables);
            log.info("Restore: {} is whole ({} rows); writing", file.getFileName(),
                    counts.values().stream().mapToLong(Long::longValue).sum());
            write(connection, file, tables, counts);
            resetSequences(connection, tables);
        } catch (SQLException e) {
            throw new IllegalStateException("Restore failed: " + e.getMessage(), e);
        }
    }

    private static void refuseUnlessEmpty(Connection connection, Tables tables) throws SQLException {
        Map<String, Long> held = new LinkedHashMap<>();
        for (Table table : tables.ordered()) {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select count(*) from " + table.name())) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    held.put(table.type(), rs.getLong(1));
                }
            }
        }
        if (!held.isEmpty()) {
            throw new RestoreRefused("kb.restore loads into an empty database only, and this one holds " + held
                    + ". Point the application at a new database (and a new kb.data-dir for H2), or drop kb.restore"
                    + " if the restore has been done already.");
        }
    }

    /** Reads the whole file without writing; returns the header's counts, which the rows were found to match. */
    private Map<String, Long> check(Path file, Tables tables) {
        long line = 0;
        try (BufferedReader reader = open(file)) {
            String text = reader.readLine();
            line = 1;
            if (text == null) {
                throw refused(line, "the file is empty, not an export");
            }
            Map<String, Long> announced = header(parse(text, line), line, tables);
            Map<String, Long> found = new LinkedHashMap<>();
            int lastPosition = -1;
            String lastType = null;
            while ((text = reader.readLine()) != null) {
                line++;
                Line row = row(parse(text, line), line, tables);
                Table table = row.table();
                if (!announced.containsKey(table.type())) {
                    throw refused(line, "a " + table.type() + " row, a type the header does not count");
                }
                int position = tables.ordered().indexOf(table);
                if (position < lastPosition) {
                    throw refused(line, "a " + table.type() + " row after " + lastType
                            + " rows: the rows are out of order (a row must follow the rows it refers to)");
                }
                lastPosition = position;
                lastType = table.type();
                checkColumns(row, line);
                found.merge(table.type(), 1L, Long::sum);
            }
            for (Map.Entry<String, Long> count : announced.entrySet()) {
                long rows = found.getOrDefault(count.getKey(), 0L);
                if (rows != count.getValue()) {
                    throw refused(line, "the file ends after " + rows + " of the " + count.getValue() + " "
                            + count.getKey() + " rows its header announces: it is truncated or damaged");
                }
            }
            return announced;
        } catch (CharacterCodingException e) {
            throw refused(line + 1, "not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static Map<String, Long> header(JsonNode header, long line, Tables tables) {
        if (!"header".equals(header.path("type").stringValue(null))
                || !KnowledgeBaseExport.FORMAT.equals(header.path("format").stringValue(null))) {
            throw refused(line, "not a header naming the format " + KnowledgeBaseExport.FORMAT
                    + ": this is not a knowledge base export");
        }
        JsonNode version = header.path("version");
        if (!version.isIntegralNumber() || version.longValue() != KnowledgeBaseExport.VERSION) {
            throw refused(line, "format version " + version + "; this application reads version "
                    + KnowledgeBaseExport.VERSION);
        }
        JsonNode counts = header.path("counts");
        if (!counts.isObject()) {
            throw refused(line, "the header has no counts");
        }
        Map<String, Long> announced = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> count : counts.properties()) {
            if (tables.ofType(count.getKey()) == null) {
                throw refused(line, "the header counts " + count.getKey() + " rows, a type this database has no table for"
                        + " (an export from a newer version?)");
            }
            if (!count.getValue().isIntegralNumber() || count.getValue().longValue() < 0) {
                throw refused(line, "the count of " + count.getKey() + " is not a whole number");
            }
            announced.put(count.getKey(), count.getValue().longValue());
        }
        return announced;
    }

    private static Line row(JsonNode node, long line, Tables tables) {
        Set<String> names = Set.copyOf(node.propertyNames());
        if (!names.equals(Set.of("type", "row")) || !node.get("type").isString() || !node.get("row").isObject()) {
            throw refused(line, "not a row: a line holds exactly {\"type\": ..., \"row\": {...}}");
        }
        Table table = tables.ofType(node.get("type").stringValue());
        if (table == null) {
            throw refused(line, "unknown type " + node.get("type"));
        }
        return new Line(table, node.get("row"));
    }

    private static void checkColumns(Line row, long line) {
        for (Map.Entry<String, JsonNode> value : row.values().properties()) {
            Column column = row.table().column(value.getKey());
            if (column == null) {
                throw refused(line, row.table().type() + " has no column " + value.getKey());
            }
            if (!fits(column, value.getValue())) {
                throw refused(line, row.table().type() + "." + column.name() + " = " + value.getValue()
                        + " is not a valid " + column.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
        }
        for (Column column : row.table().columns()) {
            JsonNode value = row.values().get(column.name());
            if (column.required() && (value == null || value.isNull())) {
                throw refused(line, row.table().type() + "." + column.name() + " is missing; it may not be empty");
            }
        }
    }

    private static boolean fits(Column column, JsonNode value) {
        if (value.isNull()) {
            return true;
        }
        try {
            return switch (column.kind()) {
                case INTEGER -> value.isIntegralNumber() && value.canConvertToLong();
                case DECIMAL -> value.isNumber();
                case BOOLEAN -> value.isBoolean();
                case TIMESTAMP -> value.isString() && OffsetDateTime.parse(value.stringValue()) != null;
                case LOCAL_TIMESTAMP -> value.isString() && LocalDateTime.parse(value.stringValue()) != null;
                case TEXT -> value.isString();
            };
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * Writes the rows in transactions of {@link #ROWS_PER_TRANSACTION} rows (one huge transaction costs H2 far more
     * than the commits); should any of them fail, every row written so far is deleted again, so a failed restore
     * leaves the database as empty as it was.
     */
    private void write(Connection connection, Path file, Tables tables, Map<String, Long> counts) throws SQLException {
        Progress progress = new Progress(log, "Restore", counts);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        long line = 1;
        long uncommitted = 0;
        Insert insert = null;
        try (BufferedReader reader = open(file)) {
            reader.readLine();
            String text;
            while ((text = reader.readLine()) != null) {
                line++;
                Line row = row(parse(text, line), line, tables);
                List<String> columns = List.copyOf(row.values().propertyNames());
                if (insert == null || !insert.accepts(row.table(), columns)) {
                    if (insert != null) {
                        insert.close();
                    }
                    insert = new Insert(connection, row.table(), columns);
                }
                insert.add(row.values());
                progress.row(row.table().type());
                if (++uncommitted == rowsPerTransaction) {
                    insert.flush();
                    connection.commit();
                    uncommitted = 0;
                }
            }
            if (insert != null) {
                insert.close();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            undo(connection, tables);
            throw new IllegalStateException("Restore failed at or before line " + line + ", nothing was kept: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            undo(connection, tables);
            throw new UncheckedIOException("Cannot read " + file + "; nothing was kept", e);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        progress.finished(counts);
    }

    /** Deletes every row the restore committed (the database was empty before it), referencing tables first. */
    private static void undo(Connection connection, Tables tables) throws SQLException {
        connection.rollback();
        List<Table> reversed = new ArrayList<>(tables.ordered());
        Collections.reverse(reversed);
        try (Statement statement = connection.createStatement()) {
            for (Table table : reversed) {
                statement.executeUpdate("delete from " + table.name());
            }
        }
        connection.commit();
    }

    /** Moves each {@code TABLE_seq} past the highest id of its table, so later inserts take fresh ids. */
    private static void resetSequences(Connection connection, Tables tables) throws SQLException {
        List<String> sequences = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select sequence_name from information_schema.sequences where sequence_schema = ?")) {
            statement.setString(1, connection.getSchema());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    sequences.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        for (String sequence : sequences) {
            Table table = sequence.endsWith("_seq") ? tableNamed(tables, sequence.substring(0, sequence.length() - 4)) : null;
            if (table == null || table.column("id") == null) {
                continue;
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select max(id) from " + table.name())) {
                rs.next();
                long highest = rs.getLong(1);
                if (!rs.wasNull()) {
                    try (Statement alter = connection.createStatement()) {
                        alter.execute("ALTER SEQUENCE " + sequence + " RESTART WITH " + (highest + SEQUENCE_CLEARANCE));
                    }
                }
            }
        }
    }

    private static Table tableNamed(Tables tables, String name) {
        return tables.ordered().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    private JsonNode parse(String text, long line) {
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw refused(line, "not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw refused(line, "not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RestoreRefused("kb.restore: no file " + file.toAbsolutePath());
        }
    }

    private static RestoreRefused refused(long line, String problem) {
        return new RestoreRefused("kb.restore: line " + line + ": " + problem + ". Nothing was written.");
    }

    private record Line(Table table, JsonNode values) {
    }

    /**
     * Inserts into one table for one set of columns, many rows per statement ({@code insert ... values (...), (...)}):
     * a round trip and a statement execution per {@code rowsPerStatement} rows instead of per row, on any database.
     */
    private static final class Insert {

        private final Connection connection;
        private final Table table;
        private final List<String> names;
        private final List<Column> columns;
        private final int rowsPerStatement;
        private final List<JsonNode> pending = new ArrayList<>();
        private PreparedStatement full;

        Insert(Connection connection, Table table, List<String> names) {
            this.connection = connection;
            this.table = table;
            this.names = names;
            this.columns = names.stream().map(table::column).toList();
            this.rowsPerStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, MAX_PARAMETERS / Math.max(1, names.size())));
        }

        boolean accepts(Table table, List<String> names) {
            return this.table == table && Objects.equals(this.names, names);
        }

        void add(JsonNode values) throws SQLException {
            pending.add(values);
            if (pending.size() == rowsPerStatement) {
                if (full == null) {
                    full = prepare(rowsPerStatement);
                }
                execute(full);
            }
        }

        /** Writes the rows held back for a full statement. */
        void flush() throws SQLException {
            if (!pending.isEmpty()) {
                try (PreparedStatement partial = prepare(pending.size())) {
                    execute(partial);
                }
            }
        }

        void close() throws SQLException {
            flush();
            if (full != null) {
                full.close();
            }
        }

        private PreparedStatement prepare(int rows) throws SQLException {
            String row = names.stream().map(n -> "?").collect(Collectors.joining(", ", "(", ")"));
            return connection.prepareStatement("insert into " + table.name() + " (" + String.join(", ", names)
                    + ") values " + String.join(", ", Collections.nCopies(rows, row)));
        }

        private void execute(PreparedStatement statement) throws SQLException {
            int index = 1;
            for (JsonNode values : pending) {
                for (Column column : columns) {
                    bind(statement, index++, column, values.get(column.name()));
                }
            }
            statement.executeUpdate();
            pending.clear();
        }

        private static void bind(PreparedStatement statement, int index, Column column, JsonNode value)
                throws SQLException {
            if (value.isNull()) {
                statement.setNull(index, column.sqlType());
                return;
            }
            switch (column.kind()) {
                case INTEGER -> statement.setObject(index, value.longValue(), column.sqlType());
                case DECIMAL -> statement.setObject(index, value.doubleValue(), column.sqlType());
                case BOOLEAN -> statement.setObject(index, value.booleanValue(), column.sqlType());
                case TIMESTAMP -> statement.setObject(index, OffsetDateTime.parse(value.stringValue()));
                case LOCAL_TIMESTAMP -> statement.setObject(index, LocalDateTime.parse(value.stringValue()));
                case TEXT -> statement.setString(index, value.stringValue());
            }
        }
    }
}
