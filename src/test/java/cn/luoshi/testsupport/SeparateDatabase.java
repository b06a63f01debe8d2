package cn.luoshi.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import cn.luoshi.common.db.EmbeddedPostgresServer;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A PostgreSQL of its own, started from the embedded binaries in a folder of its own, standing in for the external
 * database several Luoshi nodes (or a Luoshi process killed and started again) share. The demo city can be limited
 * to its org chart and users, so that a test knows every task, appeal and project there is.
 */
public final class SeparateDatabase implements AutoCloseable {

    /** The demo parts a test marks as loaded so that only the org chart ("org") is loaded by the nodes. */
    private static final String[] SKIPPED_DEMO_PARTS = {"indicator", "target", "enterprise", "task", "project",
            "appeal"};

    private final EmbeddedPostgresServer server;
    private final JdbcClient jdbc;

    private SeparateDatabase(EmbeddedPostgresServer server) {
        this.server = server;
        var data = new PGSimpleDataSource();
        data.setURL(server.jdbcUrl());
        data.setUser(server.username());
        data.setPassword(server.password());
        this.jdbc = JdbcClient.create(data);
    }

    public static SeparateDatabase startIn(Path folder) {
        return new SeparateDatabase(EmbeddedPostgresServer.startIn(folder));
    }

    /** Migrates the database and marks every demo part but the org chart loaded. */
    public SeparateDatabase withDemoOrgChartOnly() {
        Flyway.configure().dataSource(server.jdbcUrl(), server.username(), server.password())
                .locations("classpath:db/migration").load().migrate();
        for (String part : SKIPPED_DEMO_PARTS) {
            jdbc.sql("insert into demo_load (contributor, loaded_at) values (?, now()) on conflict do nothing")
                    .param(part).update();
        }
        return this;
    }

    /** The arguments pointing a Luoshi at this database. */
    public String[] arguments() {
        return new String[] {"--spring.datasource.url=" + server.jdbcUrl(),
                "--spring.datasource.username=" + server.username(),
                "--spring.datasource.password=" + server.password()};
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public String url() {
        return server.jdbcUrl();
    }

    public String username() {
        return server.username();
    }

    public String password() {
        return server.password();
    }

    public long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
