package cn.luoshi.common.db;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL lets in only who knows the password in the data folder: no trust, no Unix socket, only
 * SCRAM on 127.0.0.1. A cluster made by the earlier, trusting version is given the password and keeps its rows.
 */
class EmbeddedPostgresPasswordTest {

    @Test
    void aConnectionWithoutThePasswordIsRefused(@TempDir Path dataDir) throws Exception {
        try (var server = EmbeddedPostgresServer.startIn(dataDir)) {
            // The server asks for a SCRAM password before anything else instead of answering "ok".
            assertThat(Postmaster.authenticationRequest(server.port())).isEqualTo(10);

            Properties noPassword = new Properties();
            noPassword.setProperty("user", "postgres");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), noPassword).close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("no password was provided");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "wrong").close())
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28P01");
            // Nothing listens on the IPv6 loopback, and there is no Unix socket to connect through.
            assertThatThrownBy(() -> DriverManager.getConnection(
                    "jdbc:postgresql://[::1]:" + server.port() + "/luoshi", "postgres", server.password()).close())
                    .isInstanceOf(SQLException.class);
            assertThat(Path.of("/tmp", ".s.PGSQL." + server.port())).doesNotExist();
        }
    }

    @Test
    void theConnectionWithThePasswordWorksAndTheServerAllowsOnlyScramOnLoopback(@TempDir Path dataDir)
            throws Exception {
        try (var server = EmbeddedPostgresServer.startIn(dataDir);
             var connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password());
             var statement = connection.createStatement()) {
            assertThat(rows(statement.executeQuery("select current_database(), current_user")))
                    .containsExactly("luoshi|postgres");
            // What the server has loaded, not only what the file says.
            assertThat(rows(statement.executeQuery("select type, database::text, user_name::text, address,"
                    + " auth_method, error from pg_hba_file_rules")))
                    .containsExactly("host|{all}|{all}|127.0.0.1|scram-sha-256|null");
            assertThat(rows(statement.executeQuery("show listen_addresses"))).containsExactly("127.0.0.1");
            assertThat(rows(statement.executeQuery("show unix_socket_directories"))).containsExactly("");
            assertThat(rows(statement.executeQuery(
                    "select left(rolpassword, 14) from pg_authid where rolname = 'postgres'")))
                    .containsExactly("SCRAM-SHA-256$");
        }
        assertThat(Files.readString(dataDir.resolve("postgres").resolve("pg_hba.conf")))
                .isEqualTo(EmbeddedPostgresServer.PG_HBA);
    }

    @Test
    void thePasswordFileIsReadableByItsOwnerOnlyAndKeptAcrossStarts(@TempDir Path dataDir) throws Exception {
        String first;
        try (var server = EmbeddedPostgresServer.startIn(dataDir)) {
            first = server.password();
        }
        Path file = dataDir.resolve("postgres-password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(first + "\n");
        // 24 random bytes in URL-safe Base64
        assertThat(first).hasSize(32).matches("[A-Za-z0-9_-]{32}");

        // A copy restored with looser permissions is tightened; the password stays the same.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (var server = EmbeddedPostgresServer.startIn(dataDir);
             var connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", first)) {
            assertThat(server.password()).isEqualTo(first);
            assertThat(connection.isValid(5)).isTrue();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aClusterOfTheTrustingVersionIsGivenThePasswordAndKeepsItsRows(@TempDir Path dataDir) throws Exception {
        Path cluster = dataDir.resolve("postgres");
        // The cluster as the earlier version made it: initdb with trust, the library's default.
        try (var old = EmbeddedPostgres.builder().setDataDirectory(cluster).setCleanDataDirectory(false).start()) {
            assertThat(Postmaster.authenticationRequest(old.getPort())).isZero();
            try (var connection = old.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("create database luoshi encoding 'UTF8' template template0");
            }
            try (var connection = old.getDatabase("postgres", "luoshi").getConnection();
                 var statement = connection.createStatement()) {
                statement.execute("create table kept (id int primary key, name text)");
                statement.execute("insert into kept values (1, '示例市'), (2, '东城区'), (3, '西城区')");
            }
        }
        assertThat(dataDir.resolve("postgres-password")).doesNotExist();
        assertThat(EmbeddedPostgresServer.trustsEveryone(cluster)).isTrue();

        try (var server = EmbeddedPostgresServer.startIn(dataDir)) {
            assertThat(Postmaster.authenticationRequest(server.port())).isEqualTo(10);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            try (var connection = server.connect();
                 var statement = connection.createStatement()) {
                assertThat(rows(statement.executeQuery("select id, name from kept order by id")))
                        .containsExactly("1|示例市", "2|东城区", "3|西城区");
            }
        }
        assertThat(Files.readString(cluster.resolve("pg_hba.conf"))).isEqualTo(EmbeddedPostgresServer.PG_HBA);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("postgres-password"))))
                .isEqualTo("rw-------");

        // The next start is an ordinary one.
        try (var server = EmbeddedPostgresServer.startIn(dataDir);
             var connection = server.connect();
             var statement = connection.createStatement()) {
            assertThat(rows(statement.executeQuery("select count(*) from kept"))).containsExactly("3");
        }
    }

    @Test
    void aPasswordClusterWithoutItsPasswordFileIsNotStartedWithANewPassword(@TempDir Path dataDir) throws Exception {
        EmbeddedPostgresServer.startIn(dataDir).close();
        Files.delete(dataDir.resolve("postgres-password"));

        assertThatThrownBy(() -> EmbeddedPostgresServer.startIn(dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("postgres-password is missing");
        assertThat(dataDir.resolve("postgres-password")).doesNotExist();
    }

    /** Each row as its columns joined with '|'. */
    private static List<String> rows(java.sql.ResultSet rs) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (rs) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(rs.getString(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
