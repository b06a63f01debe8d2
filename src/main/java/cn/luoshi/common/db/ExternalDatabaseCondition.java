package cn.luoshi.common.db;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when a database URL is configured, i.e. Luoshi must not start its own PostgreSQL. */
public final class ExternalDatabaseCondition implements Condition {

    public static boolean isExternal(org.springframework.core.env.Environment env) {
        return StringUtils.hasText(env.getProperty("spring.datasource.url"));
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isExternal(context.getEnvironment());
    }

    /** The opposite, for the embedded database configuration. */
    public static final class Embedded implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !isExternal(context.getEnvironment());
        }
    }
}
