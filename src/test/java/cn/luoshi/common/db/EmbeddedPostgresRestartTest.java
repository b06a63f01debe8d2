package cn.luoshi.common.db;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A killed embedded PostgreSQL is started again on the same folder and port, with its data. */
class EmbeddedPostgresRestartTest {

    /** Generous: a restart takes about a second here; the bound only stops a broken test from hanging. */
    private static final Duration BOUND = Duration.ofSeconds(90);

    @Test
    void theWatcherStartsAKilledServerAgain(@TempDir Path dataDir) throws Exception {
        try (var server = EmbeddedPostgresServer.startIn(dataDir)) {
            try (var connection = server.connect(); var statement = connection.createStatement()) {
                // The server runs with synchronous_commit off: a commit is on disk within about 0.6 s, and a kill
                // may lose the commits of that window (never a part of one). These rows are flushed at commit.
                statement.execute("set synchronous_commit = on");
                statement.execute("create table kept (id int primary key)");
                statement.execute("insert into kept select generate_series(1, 500)");
            }
            int port = server.port();

            long started = System.nanoTime();
            long killed = Postmaster.kill(dataDir);

            await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                    .until(() -> server.isAvailable() && Postmaster.pid(dataDir) != killed && count(server) == 500);
            System.out.printf("embedded PostgreSQL killed and back with its rows after %d ms%n",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            assertThat(server.port()).isEqualTo(port);
        }
    }

    @Test
    void healthIsDownWhileTheServerIsGoneAndThePoolRecoversOnceItIsBack(@TempDir Path dataDir) throws Exception {
        try (var server = EmbeddedPostgresServer.startIn(dataDir, Duration.ZERO);
             var pool = pool(server)) {
            var health = new EmbeddedDatabaseConfiguration().embeddedPostgresHealthIndicator(server);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(select1(pool)).isEqualTo(1);
            assertThat(server.restartIfGone()).isFalse();

            Postmaster.kill(dataDir);

            assertThat(server.isAvailable()).isFalse();
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            // A request fails after at most the connection timeout instead of waiting.
            long asked = System.nanoTime();
            assertThatThrownBy(() -> select1(pool)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> select1(pool)).isInstanceOf(SQLException.class);
            long waited = Duration.ofNanos(System.nanoTime() - asked).toMillis();
            System.out.printf("two queries on the pool of the dead server failed after %d ms%n", waited);
            assertThat(waited).isLessThan(2 * 5000 + 10_000);

            assertThat(server.restartIfGone()).isTrue();

            assertThat(server.isAvailable()).isTrue();
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            await().atMost(BOUND).ignoreExceptions().until(() -> select1(pool) == 1);
            // and stays well: every connection of the pool works again
            for (int i = 0; i < 10; i++) {
                assertThat(select1(pool)).isEqualTo(1);
            }
        }
    }

    @Test
    void aRestartThatCannotBeDoneNowIsTriedAgainAtTheNextCheck(@TempDir Path dataDir) throws Exception {
        try (var server = EmbeddedPostgresServer.startIn(dataDir, Duration.ZERO)) {
            Postmaster.kill(dataDir);
            try (var squatter = new ServerSocket()) {
                squatter.bind(new InetSocketAddress("127.0.0.1", server.port()));
                assertThat(server.restartIfGone()).isTrue();
                assertThat(server.isAvailable()).isFalse();
            }
            // The failed attempt left nothing behind that blocks the next one.
            assertThat(server.restartIfGone()).isTrue();
            assertThat(server.isAvailable()).isTrue();
            try (var connection = server.connect()) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    /** The pool as the application configures it (application.properties). */
    private static HikariDataSource pool(EmbeddedPostgresServer server) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername(server.username());
        pool.setPassword(server.password());
        pool.setMaximumPoolSize(3);
        pool.setConnectionTimeout(5000);
        pool.setValidationTimeout(2000);
        pool.setKeepaliveTime(60000);
        return pool;
    }

    private static int select1(HikariDataSource pool) throws SQLException {
        try (var connection = pool.getConnection();
             var rs = connection.createStatement().executeQuery("select 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long count(EmbeddedPostgresServer server) throws SQLException {
        try (var connection = server.connect();
             var rs = connection.createStatement().executeQuery("select count(*) from kept")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
