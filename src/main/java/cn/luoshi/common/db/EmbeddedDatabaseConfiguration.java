package cn.luoshi.common.db;

import cn.luoshi.common.LuoshiProperties;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Without a configured database URL, Luoshi runs its own PostgreSQL in the data folder. */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalDatabaseCondition.Embedded.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(LuoshiProperties properties) {
        return EmbeddedPostgresServer.startIn(properties.dataDir());
    }

    /**
     * The pool settings under spring.datasource.hikari (short connection timeout, keepalive) apply here as they do
     * to an external database's pool, so both give up quickly while the server is down and recover when it is back.
     */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.username());
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("luoshi-embedded");
        return dataSource;
    }

    /** DOWN from the moment the server's process is gone until the watcher has started it again. */
    @Bean
    HealthIndicator embeddedPostgresHealthIndicator(EmbeddedPostgresServer server) {
        return () -> server.isAvailable()
                ? Health.up().withDetail("port", server.port()).build()
                : Health.down().withDetail("port", server.port()).build();
    }
}
