package org.findingskb.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The knowledge base's tables as the database describes them, each after the tables it references, so that rows
 * written in this order never point at a row not written yet. Read from the schema rather than listed here, so a
 * table a later migration adds is exported and restored without a change to this module.
 */
final class Tables {

    /** Flyway's own bookkeeping: the target database has its own, written by its own migration. */
    private static final String MIGRATION_HISTORY = "flyway_schema_history";
    /** Vectors of meaning: derived from the text, computed again after a restore rather than carried in an export. */
    private static final Set<String> DERIVED = Set.of("finding_meaning", "mechanism_meaning", "study_meaning");
    /** Export line types that differ from their table's name. */
    private static final Map<String, String> TYPE_OF_TABLE = Map.of("source_document", "source", "finding_link", "link");

    private final List<Table> ordered;
    private final Map<String, Table> byType = new LinkedHashMap<>();

    private Tables(List<Table> ordered) {
        this.ordered = List.copyOf(ordered);
        ordered.forEach(table -> byType.put(table.type(), table));
    }

    static Tables of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, Set<String>> references = new TreeMap<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = lower(rs.getString("TABLE_NAME"));
                if (!name.equals(MIGRATION_HISTORY) && !DERIVED.contains(name)) {
                    references.put(name, new TreeSet<>());
                }
            }
        }
        for (Map.Entry<String, Set<String>> table : references.entrySet()) {
            try (ResultSet rs = meta.getImportedKeys(null, schema, stored(meta, table.getKey()))) {
                while (rs.next()) {
                    String referenced = lower(rs.getString("PKTABLE_NAME"));
                    if (!referenced.equals(table.getKey())) {
                        table.getValue().add(referenced);
                    }
                }
            }
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new TreeSet<>();
        while (placed.size() < references.size()) {
            // Alphabetical among the tables whose references are all placed: the same order on every database.
            String next = references.entrySet().stream()
                    .filter(e -> !placed.contains(e.getKey()) && placed.containsAll(e.getValue()))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The tables' foreign keys form a cycle"));
            placed.add(next);
            ordered.add(describe(meta, schema, next));
        }
        return new Tables(ordered);
    }

    private static Table describe(DatabaseMetaData meta, String schema, String name) throws SQLException {
        String stored = stored(meta, name);
        List<Column> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, schema, stored, "%")) {
            while (rs.next()) {
                String typeName = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
                boolean required = "NO".equals(rs.getString("IS_NULLABLE")) && rs.getString("COLUMN_DEF") == null;
                columns.add(new Column(lower(rs.getString("COLUMN_NAME")), kindOf(rs.getInt("DATA_TYPE"), typeName),
                        rs.getInt("DATA_TYPE"), required));
            }
        }
        Map<Short, String> key = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, stored)) {
            while (rs.next()) {
                key.put(rs.getShort("KEY_SEQ"), lower(rs.getString("COLUMN_NAME")));
            }
        }
        return new Table(name, TYPE_OF_TABLE.getOrDefault(name, name), columns, List.copyOf(key.values()));
    }

    private static Kind kindOf(int sqlType, String typeName) {
        return switch (sqlType) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> Kind.INTEGER;
            case Types.DOUBLE, Types.FLOAT, Types.REAL, Types.NUMERIC, Types.DECIMAL -> Kind.DECIMAL;
            case Types.BOOLEAN, Types.BIT -> Kind.BOOLEAN;
            // PostgreSQL's driver reports timestamptz as a plain TIMESTAMP; its type name tells them apart.
            case Types.TIMESTAMP_WITH_TIMEZONE -> Kind.TIMESTAMP;
            case Types.TIMESTAMP -> typeName.contains("tz") || typeName.contains("time zone") ? Kind.TIMESTAMP : Kind.LOCAL_TIMESTAMP;
            default -> Kind.TEXT;
        };
    }

    /** The name as the database stores it: H2 folds unquoted names to upper case, PostgreSQL to lower case. */
    private static String stored(DatabaseMetaData meta, String name) throws SQLException {
        return meta.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Every table, each after those it references. */
    List<Table> ordered() {
        return ordered;
    }

    /** The table an export line of this type goes to, or null for a type this database has no table for. */
    Table ofType(String type) {
        return byType.get(type);
    }

    /** How a column's values are written to JSON and read back. */
    enum Kind {
        INTEGER, DECIMAL, BOOLEAN, TIMESTAMP, LOCAL_TIMESTAMP, TEXT
    }

    record Column(String name, Kind kind, int sqlType, boolean required) {
    }

    /**
     * @param type the name of its rows in an export
     * @param primaryKey the columns rows are exported in the order of (an index-backed, stable order)
     */
    record Table(String name, String type, List<Column> columns, List<String> primaryKey) {

        Column column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        }

        /** Position of this table in the replay order (its index in {@link Tables#ordered()}). */
        int position(Tables tables) {
            return tables.ordered().indexOf(this);
        }
    }
}
