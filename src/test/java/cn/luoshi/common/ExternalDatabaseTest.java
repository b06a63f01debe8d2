package cn.luoshi.common;

import java.nio.file.Path;
import java.sql.DriverManager;

import cn.luoshi.LuoshiApplication;
import cn.luoshi.common.db.EmbeddedPostgresServer;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With SPRING_DATASOURCE_URL set, Luoshi uses that server: it starts no PostgreSQL of its own, migrates the given
 * database, creates the admin, and (by default) loads no demo data.
 */
class ExternalDatabaseTest {

    @Test
    void usesTheConfiguredServerAndStartsNoEmbeddedOne(@TempDir Path serverDir, @TempDir Path dataDir)
            throws Exception {
        // A PostgreSQL standing in for the production server, started outside the application.
        try (var server = EmbeddedPostgresServer.startIn(serverDir)) {
            try (var connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                 var statement = connection.createStatement()) {
                statement.execute("create database production");
            }
            String url = server.jdbcUrl().replace("/luoshi", "/production");
            var app = new SpringApplication(LuoshiApplication.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            try (var context = app.run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                    "--spring.datasource.password=" + server.password(), "--luoshi.data-dir=" + dataDir,
                    "--luoshi.admin-password=External2026", "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN")) {
                assertThat(context.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
                assertThat(dataDir.resolve("postgres")).doesNotExist();
                // the pool gives up after 5 s while the server is down and checks idle connections every minute
                var pool = context.getBean(HikariDataSource.class);
                assertThat(pool.getConnectionTimeout()).isEqualTo(5000);
                assertThat(pool.getValidationTimeout()).isEqualTo(2000);
                assertThat(pool.getKeepaliveTime()).isEqualTo(60000);
                JdbcClient jdbc = context.getBean(JdbcClient.class);
                assertThat(jdbc.sql("select current_database()").query(String.class).single())
                        .isEqualTo("production");
                assertThat(jdbc.sql("select username from app_user").query(String.class).list())
                        .containsExactly("admin");
                assertThat(jdbc.sql("select count(*) from org_unit").query(Long.class).single()).isZero();
            }
        }
    }
}
