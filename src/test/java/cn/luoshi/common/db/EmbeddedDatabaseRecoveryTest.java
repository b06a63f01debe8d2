package cn.luoshi.common.db;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import cn.luoshi.LuoshiApplication;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application on its own embedded database, whose PostgreSQL is killed: /actuator/health says DOWN while it is
 * gone, the watcher starts it again, and the application's pool serves queries again without a restart of Luoshi.
 */
class EmbeddedDatabaseRecoveryTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theApplicationIsDownWhileItsDatabaseIsGoneAndRecoversWhenTheWatcherHasStartedIt(@TempDir Path dataDir)
            throws Exception {
        try (var context = new SpringApplication(LuoshiApplication.class).run("--server.port=0",
                "--luoshi.data-dir=" + dataDir, "--luoshi.demo=false", "--luoshi.admin-password=Recovery2026",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
            String port = context.getEnvironment().getProperty("local.server.port");
            var server = context.getBean(EmbeddedPostgresServer.class);
            var pool = context.getBean(HikariDataSource.class);
            var jdbc = context.getBean(JdbcClient.class);
            // application.properties' pool settings reach the embedded database's pool
            assertThat(pool.getConnectionTimeout()).isEqualTo(5000);
            assertThat(pool.getValidationTimeout()).isEqualTo(2000);
            assertThat(pool.getKeepaliveTime()).isEqualTo(60000);
            assertThat(pool.getPassword()).isEqualTo(server.password());
            assertThat(health(port).statusCode()).isEqualTo(200);

            // The server commits asynchronously: without this flush the admin account, written a moment ago at
            // start-up, may be lost with the kill (seen in the full suite, where start-up is quick).
            jdbc.sql("checkpoint").update();
            server.pauseWatching();
            Postmaster.kill(dataDir);
            HttpResponse<String> down = health(port);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"DOWN\"");
            // A request that needs the database meanwhile is told to come back, in plain words, not an internal error.
            HttpResponse<String> lookup = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/appeals/track?code=SQ-2026-000001&token=abc")).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(lookup.statusCode()).as(lookup.body()).isEqualTo(503);
            assertThat(lookup.headers().firstValue("Retry-After")).contains("10");
            assertThat(lookup.body()).contains("\"code\":\"error.busy\"", "系统繁忙或数据库暂时无响应");

            long resumed = System.nanoTime();
            server.resumeWatching();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .untilAsserted(() -> {
                assertThat(server.isAvailable()).isTrue();
                HttpResponse<String> health = health(port);
                assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                assertThat(jdbc.sql("select username from app_user").query(String.class).list())
                        .containsExactly("admin");
            });
            System.out.printf("application healthy and querying again %d ms after the watcher resumed%n",
                    Duration.ofNanos(System.nanoTime() - resumed).toMillis());
            assertThat(health(port).body()).contains("\"status\":\"UP\"");
        }
    }

    private static HttpResponse<String> health(String port) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
