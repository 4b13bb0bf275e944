package org.findingskb.backup;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.findingskb.backup.Tables.Column;
import org.findingskb.backup.Tables.Table;

/**
 * Writes the whole knowledge base as NDJSON: a header line naming the format, its version and the row count of
 * each type, then every row of every table, a table's rows after the rows they reference, each line
 * {@code {"type": ..., "row": {column: value, ...}}}. All of it is read in one repeatable-read transaction (one
 * consistent state however long it takes) and streamed row by row through a database cursor, so memory stays the
 * same at any size.
 */
@Component
class KnowledgeBaseExport {

    static final String FORMAT = "findings-kb-export";
    static final int VERSION = 1;

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBaseExport.class);
    private static final int FETCH_SIZE = 500;

    private final DataSource dataSource;
    private final JsonMapper json = JsonMapper.builder().build();

    KnowledgeBaseExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes the export to {@code out} (left open); returns the row count of each type. */
    Map<String, Long> export(OutputStream out) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            boolean h2 = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
            try {
                if (h2) {
                    // Else H2 builds each result in full before handing over its first row.
                    execute(connection, "SET LAZY_QUERY_EXECUTION TRUE");
                }
                return write(connection, out);
            } finally {
                connection.rollback();
                if (h2) {
                    execute(connection, "SET LAZY_QUERY_EXECUTION FALSE");
                }
            }
        }
    }

    private Map<String, Long> write(Connection connection, OutputStream out) throws SQLException {
        Tables tables = Tables.of(connection);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Table table : tables.ordered()) {
            counts.put(table.type(), count(connection, table));
        }
        log.info("Export: {} rows: {}", counts.values().stream().mapToLong(Long::longValue).sum(), counts);
        Progress progress = new Progress(log, "Export", counts);
        try (JsonGenerator ndjson = json.writer().withRootValueSeparator("\n").createGenerator(out)) {
            writeHeader(ndjson, connection, counts);
            for (Table table : tables.ordered()) {
                writeRows(ndjson, connection, table, progress);
            }
            ndjson.writeRaw('\n');
        }
        progress.finished(counts);
        return counts;
    }

    private void writeHeader(JsonGenerator out, Connection connection, Map<String, Long> counts) throws SQLException {
        out.writeStartObject();
        out.writeStringProperty("type", "header");
        out.writeStringProperty("format", FORMAT);
        out.writeNumberProperty("version", VERSION);
        out.writeStringProperty("schema", schemaVersion(connection));
        out.writeStringProperty("exportedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        out.writeName("counts");
        out.writeStartObject();
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            out.writeNumberProperty(count.getKey(), count.getValue());
        }
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void writeRows(JsonGenerator out, Connection connection, Table table, Progress progress)
            throws SQLException {
        List<Column> columns = table.columns();
        String sql = "select " + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + " from "
                + table.name() + (table.primaryKey().isEmpty() ? "" : " order by " + String.join(", ", table.primaryKey()));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    out.writeStartObject();
                    out.writeStringProperty("type", table.type());
                    out.writeName("row");
                    out.writeStartObject();
                    for (int i = 0; i < columns.size(); i++) {
                        out.writeName(columns.get(i).name());
                        writeValue(out, rs, i + 1, columns.get(i));
                    }
                    out.writeEndObject();
                    out.writeEndObject();
                    progress.row(table.type());
                }
            }
        }
    }

    private static void writeValue(JsonGenerator out, ResultSet rs, int index, Column column) throws SQLException {
        Object value = switch (column.kind()) {
            // Read as primitives: PostgreSQL's driver converts no smallint to a Long object.
            case INTEGER -> {
                long number = rs.getLong(index);
                yield rs.wasNull() ? null : number;
            }
            case DECIMAL -> {
                double number = rs.getDouble(index);
                yield rs.wasNull() ? null : number;
            }
            case BOOLEAN -> {
                boolean flag = rs.getBoolean(index);
                yield rs.wasNull() ? null : flag;
            }
            case TIMESTAMP -> rs.getObject(index, OffsetDateTime.class);
            case LOCAL_TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
            case TEXT -> rs.getString(index);
        };
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof Double number) {
            out.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else {
            out.writeString(value.toString());
        }
    }

    private static long count(Connection connection, Table table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select count(*) from " + table.name())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The last migration applied: an export restores into a database migrated at least as far. */
    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select \"version\" from \"flyway_schema_history\""
                        + " where \"success\" and \"version\" is not null order by \"installed_rank\" desc")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
