package cn.luoshi.common.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a backup covers, read from PostgreSQL's catalog rather than listed by hand: every ordinary table and
 * sequence of the application's schema, so a table added by a later migration is backed up without anyone
 * remembering to.
 */
final class SchemaCatalog {

    private SchemaCatalog() {
    }

    static List<String> tables(Connection connection) throws SQLException {
        return names(connection, "r");
    }

    static List<String> sequences(Connection connection) throws SQLException {
        return names(connection, "S");
    }

    private static List<String> names(Connection connection, String kind) throws SQLException {
        try (var statement = connection.prepareStatement("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind = ?::"char" order by c.relname""")) {
            statement.setString(1, kind);
            return strings(statement);
        }
    }

    /** The columns COPY reads and writes, in table order; generated columns are computed again on load. */
    static List<String> columns(Connection connection, String table) throws SQLException {
        try (var statement = connection.prepareStatement("""
                select a.attname from pg_attribute a
                where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                order by a.attnum""")) {
            statement.setString(1, quote(table));
            return strings(statement);
        }
    }

    /** The last successful versioned migration, as Flyway writes it (e.g. {@code 9.5}). */
    static String schemaVersion(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("""
                select version from flyway_schema_history where success and version is not null
                order by installed_rank desc limit 1""")) {
            List<String> versions = strings(statement);
            return versions.isEmpty() ? null : versions.getFirst();
        }
    }

    /** The chain is ordered by id (the audit writer hands out ids under its chain lock), so the head is the max. */
    static Optional<BackupManifest.AuditHead> auditHead(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("select id, hash from audit_event order by id desc limit 1");
             var rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(new BackupManifest.AuditHead(rs.getLong(1), rs.getString(2)))
                    : Optional.empty();
        }
    }

    static long count(Connection connection, String table) throws SQLException {
        try (var statement = connection.prepareStatement("select count(*) from " + quote(table));
             var rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(SchemaCatalog::quote).toList());
    }

    private static List<String> strings(java.sql.PreparedStatement statement) throws SQLException {
        List<String> values = new ArrayList<>();
        try (var rs = statement.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
