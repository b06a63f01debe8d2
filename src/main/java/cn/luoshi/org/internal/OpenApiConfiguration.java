package cn.luoshi.org.internal;

import java.util.List;

import cn.luoshi.org.PublicEndpoint;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The OpenAPI document at {@code /v3/api-docs}, made for client generators: a title and the build's version, the
 * two ways to authenticate (HTTP Basic, a personal {@code lsh_…} token) required by every operation except the
 * public ones the modules declare as {@link PublicEndpoint}s, and one schema name per Java type (see
 * {@link SchemaNames}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String TITLE = "落实 Luoshi API";
    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerToken";
    /** Opened for load balancers' probes in {@link SecurityConfiguration} (not a module's endpoint). */
    private static final PathPattern HEALTH = PathPatternParser.defaultInstance.parse("/actuator/health/**");

    /**
     * springdoc's model resolver with Luoshi's schema names. It replaces swagger's default resolver (the registrar
     * drops the registered converter of the same class) and, ordered first, is registered first: each later
     * converter is put in front of it, so springdoc's own converters still see every type before it does.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ModelResolver luoshiModelResolver(ObjectProvider<SpringDocConfigProperties> properties) {
        // Without springdoc (no web server, or the document switched off) the resolver is never asked anything.
        SpringDocConfigProperties springdoc = properties.getIfAvailable();
        boolean openapi31 = springdoc == null || springdoc.isOpenapi31();
        return new ModelResolver(openapi31 ? Json31.mapper() : Json.mapper(), new SchemaNames())
                .openapi31(openapi31);
    }

    @Bean
    OpenApiCustomizer luoshiDocument(ObjectProvider<BuildProperties> build,
                                     ObjectProvider<PublicEndpoint> declaredPublic) {
        String version = build.stream().findFirst().map(BuildProperties::getVersion).orElse("development");
        List<PublicEndpoint> publicEndpoints = declaredPublic.orderedStream().toList();
        return api -> {
            api.info(new Info().title(TITLE).version(version)
                    .description("督查督办、目标与序时进度、重点项目、企业与亩均评价、企业诉求、讲话稿导入。"
                            + "以 HTTP Basic 或个人令牌（Authorization: Bearer lsh_…，在「个人设置」中创建）认证；"
                            + "错误为 application/problem+json。"));
            if (api.getComponents() == null) {
                api.components(new Components());
            }
            api.getComponents()
                    .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                            .description("用户名与密码 (username and password)"))
                    .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("bearer").bearerFormat("lsh_…")
                            .description("个人 API 令牌 (personal API token from the profile page)"));
            // Two alternatives: either scheme is enough.
            api.security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
            if (api.getPaths() != null) {
                api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    if (isPublic(method, path, publicEndpoints)) {
                        operation.setSecurity(List.of());
                    }
                }));
            }
        };
    }

    /** The same rule {@link SecurityConfiguration} applies, on the document's path templates. */
    static boolean isPublic(PathItem.HttpMethod method, String path, List<PublicEndpoint> publicEndpoints) {
        PathContainer container = PathContainer.parsePath(path);
        if (method == PathItem.HttpMethod.GET && HEALTH.matches(container)) {
            return true;
        }
        for (PublicEndpoint endpoint : publicEndpoints) {
            boolean methodMatches = endpoint.method() == null || endpoint.method().name().equals(method.name());
            if (methodMatches && PathPatternParser.defaultInstance.parse(endpoint.pattern()).matches(container)) {
                return true;
            }
        }
        return false;
    }
}
