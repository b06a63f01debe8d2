package cn.luoshi.common;

import java.nio.file.Path;
import java.sql.DriverManager;

import cn.luoshi.common.db.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded database keeps its data in the data folder, so a restart finds everything again. */
class EmbeddedPostgresServerTest {

    @Test
    void dataSurvivesARestart(@TempDir Path dataDir) throws Exception {
        try (var server = EmbeddedPostgresServer.startIn(dataDir);
             var connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             var statement = connection.createStatement()) {
            statement.execute("create table kept (name text)");
            statement.execute("insert into kept values ('示例市')");
        }
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();

        try (var server = EmbeddedPostgresServer.startIn(dataDir);
             var connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             var rs = connection.createStatement().executeQuery("select name from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("示例市");
        }
    }

    @Test
    void everyCommitIsFlushedToDisk(@TempDir Path dataDir) throws Exception {
        try (var server = EmbeddedPostgresServer.startIn(dataDir);
             var connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             var statement = connection.createStatement()) {
            assertThat(setting(statement, "fsync")).isEqualTo("on");
            assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(statement, "full_page_writes")).isEqualTo("on");
        }
    }

    private static String setting(java.sql.Statement statement, String name) throws Exception {
        try (var rs = statement.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
