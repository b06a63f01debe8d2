package cn.luoshi.common.backup;

import java.nio.file.Path;

import cn.luoshi.common.LuoshiProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * With {@code luoshi.restore-from} set, the start restores that backup right after Flyway has migrated the empty
 * database: before any start-up runner (admin account, demo city) and before scheduled jobs and the web server,
 * so nothing writes into the database until it holds the backup.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RestoreConfiguration.Requested.class)
class RestoreConfiguration {

    static final String PROPERTY = "luoshi.restore-from";

    @Bean
    FlywayMigrationStrategy migrateThenRestore(LuoshiProperties properties, Environment environment) {
        Path from = Path.of(environment.getProperty(PROPERTY, "").strip());
        return flyway -> {
            flyway.migrate();
            new DatabaseRestore(flyway.getConfiguration().getDataSource(), properties.filesDir(), from).run();
        };
    }

    static final class Requested implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(PROPERTY));
        }
    }
}
