package cn.luoshi.org.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.swagger.v3.core.jackson.TypeNameResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema names of the OpenAPI document. Controllers keep their request records nested and short
 * ({@code TaskApiController.CreateRequest}, {@code UserApiController.CreateRequest}); named by their simple name
 * alone they would merge into one schema, and a client would send a task with a username and password. So a
 * nested Luoshi type is named after its enclosing class without the {@code ApiController} suffix, then its own
 * name: {@code TaskCreateRequest}, {@code UserCreateRequest}, {@code PerMuRunStatus} ({@code AppealRequest} in
 * {@code AppealApiController} stays {@code AppealRequest}). Top-level types keep their simple name. Should two
 * types still meet on one name, the second gets its fully qualified name, so no two types ever share a schema.
 */
final class SchemaNames extends TypeNameResolver {

    private static final Logger log = LoggerFactory.getLogger(SchemaNames.class);

    private final Map<String, Class<?>> claimed = new ConcurrentHashMap<>();

    @Override
    protected String getNameOfClass(Class<?> type) {
        String name = readableName(type);
        Class<?> owner = claimed.putIfAbsent(name, type);
        if (owner == null || owner == type) {
            return name;
        }
        log.warn("OpenAPI schema name {} of {} is taken by {}; using the qualified name", name, type.getName(),
                owner.getName());
        return type.getName().replace('$', '.');
    }

    static String readableName(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        if (outer == null || !type.getName().startsWith("cn.luoshi.")) {
            return type.getSimpleName();
        }
        String prefix = outer.getSimpleName().replaceFirst("(Api)?Controller$", "");
        String own = type.getSimpleName();
        return own.startsWith(prefix) ? own : prefix + own;
    }
}
