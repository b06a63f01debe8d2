package cn.luoshi.org;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.DefaultCodegen;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.utils.ModelUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document as a client generator reads it: openapi-generator's Java client builds its model classes
 * from {@code /v3/api-docs}, and each request body of that client must be the record the controller really takes
 * (found by reflection over the handler mappings), with the same fields, the same required fields and the same
 * types. Two records of one simple name used to share one schema, so a client of {@code POST /api/v1/tasks} would
 * have sent a username and a password.
 */
@LuoshiTest
class OpenApiDocumentTest {

    private static final Set<RequestMethod> WITH_BODY = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH);
    private static final Pattern PATH_VARIABLE_REGEX = Pattern.compile("\\{([^}:]+):[^}]*}");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private OpenAPI document() {
        Api.Response response = Api.as(port, "admin").get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(response.body(), null, options);
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        return result.getOpenAPI();
    }

    private static DefaultCodegen javaClient(OpenAPI api) {
        DefaultCodegen codegen = new JavaClientCodegen();
        codegen.setOpenAPI(api);
        return codegen;
    }

    @Test
    void theDocumentIsTitledAndVersionedLikeTheBuild() throws Exception {
        OpenAPI api = document();
        assertThat(api.getInfo().getTitle()).isEqualTo("落实 Luoshi API");
        assertThat(api.getInfo().getVersion()).isEqualTo(projectVersion());
    }

    @Test
    void everySchemaBecomesItsOwnClientClass() {
        OpenAPI api = document();
        DefaultCodegen codegen = javaClient(api);
        Map<String, List<String>> schemasByClass = new TreeMap<>();
        for (String name : api.getComponents().getSchemas().keySet()) {
            schemasByClass.computeIfAbsent(codegen.toModelName(name), k -> new ArrayList<>()).add(name);
        }
        List<String> shared = new ArrayList<>();
        schemasByClass.forEach((cls, names) -> {
            if (names.size() > 1) {
                shared.add(cls + " " + names);
            }
        });
        assertThat(shared).as("client classes made from more than one schema").isEmpty();
        // The records that used to merge: each now has its own, readable schema.
        assertThat(api.getComponents().getSchemas().keySet()).contains("TaskCreateRequest", "MeetingCreateRequest",
                "OrgUnitCreateRequest", "UserCreateRequest", "AppealTransitionRequest", "TaskTransitionRequest");
    }

    /** Every POST, PUT and PATCH with a JSON body, compared field by field with the controller's record. */
    @Test
    void everyRequestBodyOfTheClientIsTheRecordTheControllerTakes() {
        OpenAPI api = document();
        DefaultCodegen codegen = javaClient(api);
        Map<String, String> schemaOfClass = new HashMap<>();
        api.getComponents().getSchemas().keySet().forEach(n -> schemaOfClass.put(codegen.toModelName(n), n));
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (var entry : handlerMapping.getHandlerMethods().entrySet()) {
            MethodParameter body = bodyParameter(entry.getValue());
            if (body == null) {
                continue;
            }
            for (String path : documentedPaths(entry.getKey())) {
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    if (!WITH_BODY.contains(method)) {
                        continue;
                    }
                    checked++;
                    String where = method + " " + path;
                    PathItem item = api.getPaths().get(path);
                    Operation operation = item == null ? null
                            : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.name()));
                    if (operation == null) {
                        problems.add(where + ": not documented");
                        continue;
                    }
                    boolean required = body.getParameterAnnotation(RequestBody.class).required();
                    if (operation.getRequestBody() == null) {
                        problems.add(where + ": no request body documented");
                        continue;
                    }
                    boolean documentedRequired = Boolean.TRUE.equals(operation.getRequestBody().getRequired());
                    if (required != documentedRequired) {
                        problems.add(where + ": body required " + operation.getRequestBody().getRequired()
                                + ", controller says " + required);
                    }
                    CodegenOperation client = codegen.fromOperation(path, method.name().toLowerCase(), operation,
                            null);
                    // An operation that also takes a form (the appeal intake with files) is generated as a form.
                    if (client.bodyParam == null && client.formParams.isEmpty()) {
                        problems.add(where + ": the generated client sends no body");
                        continue;
                    }
                    var content = operation.getRequestBody().getContent();
                    MediaType json = content.get("application/json");
                    if (json == null && body.getParameterType().isRecord()) {
                        problems.add(where + ": body is not JSON: " + content.keySet());
                        continue;
                    }
                    // A plain text body (the speech to extract) may come as text or as a form.
                    Schema<?> schema = (json != null ? json : content.values().iterator().next()).getSchema();
                    compareBody(where, body.getGenericParameterType(), schema, api, codegen, schemaOfClass,
                            problems);
                }
            }
        }
        assertThat(checked).as("request bodies checked").isPositive();
        assertThat(problems).isEmpty();
    }

    @Test
    void basicAndBearerTokensAreDeclaredAndOnlyThePublicEndpointsNeedNeither() {
        OpenAPI api = document();
        Map<String, SecurityScheme> schemes = api.getComponents().getSecuritySchemes();
        assertThat(schemes).containsOnlyKeys("basicAuth", "bearerToken");
        assertThat(schemes.get("basicAuth").getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(schemes.get("basicAuth").getScheme()).isEqualTo("basic");
        assertThat(schemes.get("bearerToken").getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(schemes.get("bearerToken").getScheme()).isEqualTo("bearer");
        assertThat(schemes.get("bearerToken").getBearerFormat()).startsWith("lsh_");
        // Either scheme will do: two alternatives, each with one scheme.
        assertThat(api.getSecurity()).extracting(r -> r.keySet()).containsExactlyInAnyOrder(
                Set.of("basicAuth"), Set.of("bearerToken"));

        Set<String> publicOperations = new TreeSet<>();
        Set<String> signedIn = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            List<SecurityRequirement> security = operation.getSecurity();
            if (security != null && security.isEmpty()) {
                publicOperations.add(method + " " + path);
            } else if (security == null) {
                signedIn.add(method + " " + path);
            }
        }));
        // The endpoints SecurityConfiguration lets through without sign-in, as AppealPublicEndpoints declares them.
        assertThat(publicOperations).containsExactlyInAnyOrder(
                "POST /api/v1/appeals",
                "GET /api/v1/appeals/track",
                "POST /api/v1/appeals/{id}/rating",
                "GET /open311/v2/discovery.{format}",
                "GET /open311/v2/services.{format}",
                "GET /open311/v2/services/{code}.{format}",
                "GET /open311/v2/requests.{format}",
                "POST /open311/v2/requests.{format}",
                "GET /open311/v2/requests/{code}.{format}",
                "GET /actuator/health");
        assertThat(signedIn).contains("POST /api/v1/tasks", "GET /api/v1/me", "GET /api/v1/appeals");
        // And the server agrees: an anonymous GET of an operation that is documented as needing sign-in is refused.
        for (String op : signedIn) {
            if (op.startsWith("GET ")) {
                String url = op.substring(4).replaceAll("\\{[^}]+}", "1");
                assertThat(Api.anonymous(port).get(url).status()).as(op).isEqualTo(401);
            }
        }
        assertThat(Api.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static MethodParameter bodyParameter(HandlerMethod method) {
        for (MethodParameter p : method.getMethodParameters()) {
            if (p.hasParameterAnnotation(RequestBody.class)) {
                return p;
            }
        }
        return null;
    }

    /** The handler's path patterns as the document writes them: {@code /x/{id:\d+}} is {@code /x/{id}}. */
    private static Set<String> documentedPaths(RequestMappingInfo info) {
        Set<String> paths = new HashSet<>();
        for (String pattern : info.getPatternValues()) {
            Matcher m = PATH_VARIABLE_REGEX.matcher(pattern);
            String path = m.replaceAll("{$1}");
            if (path.startsWith("/api/") || path.startsWith("/open311/")) {
                paths.add(path);
            }
        }
        return paths;
    }

    private void compareBody(String where, Type javaType, Schema<?> schema, OpenAPI api, DefaultCodegen codegen,
                             Map<String, String> schemaOfClass, List<String> problems) {
        Class<?> raw = rawClass(javaType);
        if (raw.isRecord()) {
            if (schema.get$ref() == null) {
                problems.add(where + ": body of " + raw.getSimpleName() + " is not a named schema");
                return;
            }
            String name = ModelUtils.getSimpleRef(schema.get$ref());
            compareRecord(where, raw, name, api, codegen, schemaOfClass, problems, new HashSet<>());
        } else {
            CodegenProperty property = codegen.fromProperty("body", schema, false);
            String expected = kindOf(javaType);
            String documented = kindOf(property, schemaOfClass);
            if (!expected.equals(documented)) {
                problems.add(where + ": body is " + documented + ", controller takes " + expected);
            }
        }
    }

    /** The record's components against the generated client model of the schema, recursing into nested records. */
    private void compareRecord(String where, Class<?> record, String schemaName, OpenAPI api, DefaultCodegen codegen,
                               Map<String, String> schemaOfClass, List<String> problems, Set<Class<?>> seen) {
        if (!seen.add(record)) {
            return;
        }
        Schema<?> schema = api.getComponents().getSchemas().get(schemaName);
        if (schema == null) {
            problems.add(where + ": schema " + schemaName + " is missing");
            return;
        }
        CodegenModel model = codegen.fromModel(schemaName, schema);
        Map<String, CodegenProperty> fields = new TreeMap<>();
        for (CodegenProperty var : model.vars) {
            fields.put(var.baseName, var);
        }
        Set<String> components = new TreeSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            components.add(c.getName());
        }
        if (!fields.keySet().equals(components)) {
            problems.add(where + ": " + schemaName + " has " + fields.keySet() + ", " + record.getName()
                    + " has " + components);
            return;
        }
        for (RecordComponent c : record.getRecordComponents()) {
            CodegenProperty field = fields.get(c.getName());
            String at = where + " " + schemaName + "." + c.getName();
            boolean required = validatedAsRequired(record, c);
            if (field.required != required) {
                problems.add(at + ": required " + field.required + ", the record says " + required);
            }
            String expected = kindOf(c.getGenericType());
            String documented = kindOf(field, schemaOfClass);
            if (!expected.equals(documented)) {
                problems.add(at + ": " + documented + ", the record has " + expected);
                continue;
            }
            Class<?> nested = nestedRecord(c.getGenericType());
            if (nested != null) {
                String nestedSchema = schemaOfClass.get(modelClassOf(field));
                compareRecord(where, nested, nestedSchema, api, codegen, schemaOfClass, problems, seen);
            }
        }
    }

    /** Whether Bean Validation refuses the record without this component (a 400 naming the field). */
    private static boolean validatedAsRequired(Class<?> record, RecordComponent c) {
        List<java.lang.reflect.AnnotatedElement> places = new ArrayList<>();
        places.add(c.getAccessor());
        places.add(c.getAnnotatedType());
        try {
            places.add(record.getDeclaredField(c.getName()));
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
        return places.stream().anyMatch(p -> p.isAnnotationPresent(NotNull.class)
                || p.isAnnotationPresent(NotBlank.class) || p.isAnnotationPresent(NotEmpty.class));
    }

    private static String modelClassOf(CodegenProperty p) {
        return p.isArray || p.isMap ? modelClassOf(p.items) : p.complexType;
    }

    /** A record inside the component's type, directly or as the element of a collection. */
    private static Class<?> nestedRecord(Type type) {
        Class<?> raw = rawClass(type);
        if (raw.isRecord()) {
            return raw;
        }
        if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
            return nestedRecord(p.getActualTypeArguments()[0]);
        }
        return null;
    }

    /** What a Java type is on the wire, in the words {@link #kindOf(CodegenProperty, Map)} uses. */
    private static String kindOf(Type type) {
        Class<?> raw = rawClass(type);
        if (raw == String.class) {
            return "string";
        }
        if (raw == Integer.class || raw == int.class || raw == Short.class || raw == short.class) {
            return "int32";
        }
        if (raw == Long.class || raw == long.class) {
            return "int64";
        }
        if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class
                || raw == BigDecimal.class) {
            return "number";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "boolean";
        }
        if (raw == LocalDate.class) {
            return "date";
        }
        if (raw == OffsetDateTime.class || raw == ZonedDateTime.class || raw == Instant.class
                || raw == LocalDateTime.class) {
            return "date-time";
        }
        if (raw.isEnum()) {
            return "enum" + new TreeSet<>(Arrays.stream(raw.getEnumConstants()).map(e -> ((Enum<?>) e).name())
                    .toList());
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            return "array<" + kindOf(element) + ">";
        }
        if (Map.class.isAssignableFrom(raw)) {
            Type value = type instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : Object.class;
            return "map<" + kindOf(value) + ">";
        }
        return "model";
    }

    /** What the generated client makes of a property. */
    private static String kindOf(CodegenProperty p, Map<String, String> schemaOfClass) {
        if (p.isArray) {
            return "array<" + kindOf(p.items, schemaOfClass) + ">";
        }
        if (p.isMap) {
            return "map<" + kindOf(p.items, schemaOfClass) + ">";
        }
        if (p.isEnum || p.isEnumRef) {
            List<String> values = new ArrayList<>();
            if (p.allowableValues != null && p.allowableValues.get("values") instanceof List<?> list) {
                list.forEach(v -> values.add(String.valueOf(v)));
            }
            return "enum" + new TreeSet<>(values);
        }
        if (p.isDateTime) {
            return "date-time";
        }
        if (p.isDate) {
            return "date";
        }
        if (p.isString) {
            return "string";
        }
        if (p.isLong) {
            return "int64";
        }
        if (p.isInteger) {
            return "int32";
        }
        if (p.isNumber || p.isDouble || p.isFloat || p.isDecimal) {
            return "number";
        }
        if (p.isBoolean) {
            return "boolean";
        }
        if (p.complexType != null && schemaOfClass.containsKey(p.complexType)) {
            return "model";
        }
        return "unknown(" + p.dataType + ")";
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof WildcardType w) {
            return rawClass(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    /** The project's version as the POM declares it (the first version after the parent's). */
    private static String projectVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("</parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
