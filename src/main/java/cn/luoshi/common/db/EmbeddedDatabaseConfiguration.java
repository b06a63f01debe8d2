package cn.luoshi.common.db;

import javax.sql.DataSource;

import cn.luoshi.common.LuoshiProperties;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresServer server) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername("postgres");
        config.setMaximumPoolSize(20);
        config.setPoolName("luoshi-embedded");
        return new HikariDataSource(config);
    }
}
