package cn.luoshi.common.web;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.NewUser;
import cn.luoshi.org.Role;
import cn.luoshi.org.UserAccounts;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.GetMappings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorisation matrix: every operation of the OpenAPI document, called by one user of every role of 城关区
 * (and the administrator, and anonymously), on a record of 城关区 and on one of 江南区, against the one table of who
 * may call what, {@code src/test/resources/authorisation-matrix.tsv}. A role the table allows must get past
 * authorisation (any answer but 401 and 403; a minimal body may well be refused with 400, 404, 409 or 422); a role
 * it does not allow must be refused (401 anonymously, otherwise 403, or 404 where the record is not its to see);
 * a record of 江南区 must be refused to a user of 城关区 with 403 or 404 and left as it was (its row and the caller's
 * audit entries compared before and after). No call may answer 5xx. An operation the table does not name fails the
 * test, so a new endpoint is thought about before it ships. The application runs on a database of its own
 * (target/matrix-data), because the calls write.
 */
class AuthorisationMatrixTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TABLE = "/authorisation-matrix.tsv";
    private static final String OWN = DemoCity.CHENGGUAN;
    private static final String OTHER = DemoCity.JIANGNAN;

    /** Who calls: one user per role, each of 城关区 except the administrator, who sees everything. */
    private static final Map<Role, String> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put(Role.LEADER, "mx_leader");
        CALLERS.put(Role.SUPERVISOR, "mx_dcs");
        CALLERS.put(Role.UNIT_HANDLER, "cgq");
        CALLERS.put(Role.UNIT_HEAD, "mx_head");
        CALLERS.put(Role.STATISTICIAN, "mx_tjj");
        CALLERS.put(Role.ENTERPRISE, "qiye1");
        CALLERS.put(Role.ADMIN, "admin");
    }

    /** One row of the table: which roles may call the operation, and whether its path names a record of a scope. */
    record Rule(String method, String path, Set<Role> roles, boolean anonymous, boolean scoped, String body,
                String query) {
    }

    /** Where a path variable's record comes from, per district, and the table its row lies in. */
    record Source(String sql, String table) {
    }

    private static final Map<String, Source> SOURCES = new LinkedHashMap<>();

    private static void source(String prefix, String sql, String table) {
        SOURCES.put(prefix, new Source(sql, table));
    }

    static {
        String in = "{units}";
        // Tasks led by the district itself, whose handler and head are the callers (not by one of its departments).
        String district = "(select id from org_unit where code = '{code}')";
        source("/api/v1/tasks/{id}/progress/{reportId}",
                "select t.id, r.id as \"reportId\" from task t join task_report r on r.task_id = t.id"
                        + " where t.lead_unit_id = " + district + " order by r.id limit 1", "task_report:reportId");
        source("/api/v1/tasks/{id}/extension-requests/{extensionId}",
                "select t.id, e.id as \"extensionId\" from task t join task_extension e on e.task_id = t.id"
                        + " where t.lead_unit_id = " + district + " order by e.id limit 1",
                "task_extension:extensionId");
        source("/api/v1/tasks/{id}/escalations/{escalationId}",
                "select t.id, e.id as \"escalationId\" from task t join task_escalation e on e.task_id = t.id"
                        + " where t.lead_unit_id = " + district + " order by e.id limit 1",
                "task_escalation:escalationId");
        source("/api/v1/tasks/{id}/files/{fileId}",
                "select t.id, f.file_id as \"fileId\" from task t join task_report r on r.task_id = t.id"
                        + " join task_report_file f on f.report_id = r.id where t.lead_unit_id = " + district
                        + " order by t.id limit 1", null);
        source("/api/v1/tasks/{id}",
                "select id from task where lead_unit_id = " + district + " and status = 'IN_PROGRESS'"
                        + " order by id limit 1",
                "task:id");
        source("/api/v1/appeals/meetings/{id}",
                "select id from appeal_on_site_meeting where host_unit_id in " + in + " order by id limit 1",
                "appeal_on_site_meeting:id");
        source("/api/v1/appeals/{id}",
                "select id from appeal where responsible_unit_id in " + in + " order by id limit 1", "appeal:id");
        source("/api/v1/enterprises/{id}",
                "select id from enterprise where region_id in " + in + " order by id limit 1", "enterprise:id");
        source("/api/v1/growth-light-rules/{unitId}", "select id as \"unitId\" from org_unit where code = '{code}'",
                null);
        source("/api/v1/light-rules/{unitId}", "select id as \"unitId\" from org_unit where code = '{code}'", null);
        source("/api/v1/cockpit/indicators/{regionId}",
                "select id as \"regionId\" from org_unit where code = '{code}'", null);
        source("/api/v1/meetings/{id}",
                "select id from meeting where organiser_unit_id in " + in + " order by id limit 1", "meeting:id");
        source("/api/v1/observations/imports/{id}",
                "select id from observation_import where unit_id in " + in + " order by id limit 1",
                "observation_import:id");
        // A department of the district, not the district itself: the matrix moves and deactivates it.
        source("/api/v1/org-units/{id}", "select id from org_unit where code = '{code}-FGJ'", "org_unit:id");
        source("/api/v1/per-mu/rules/{id}",
                "select id from per_mu_rule where region_id in " + in + " order by id limit 1", "per_mu_rule:id");
        source("/api/v1/per-mu/runs/{id}/results/{enterpriseId}",
                "select r.run_id as id, r.enterprise_id as \"enterpriseId\" from per_mu_result r"
                        + " join per_mu_run u on u.id = r.run_id where u.region_id in " + in
                        + " order by r.run_id, r.enterprise_id limit 1", null);
        source("/api/v1/per-mu/runs/{id}",
                "select id from per_mu_run where region_id in " + in + " and status = 'DRAFT' order by id limit 1",
                "per_mu_run:id");
        for (String published : List.of("objections", "results", "grades")) {
            source("/api/v1/per-mu/runs/{id}/" + published, "select id from per_mu_run where region_id in " + in
                    + " and status = 'PUBLISHED' order by id limit 1", "per_mu_run:id");
        }
        source("/api/v1/per-mu/objections/{id}",
                "select o.id from per_mu_objection o join per_mu_run u on u.id = o.run_id where u.region_id in "
                        + in + " order by o.id limit 1", "per_mu_objection:id");
        source("/api/v1/projects/photos/{fileId}",
                "select f.file_id as \"fileId\" from project_photo f join project p on p.id = f.project_id"
                        + " where p.location_unit_id in " + in + " order by f.id limit 1", null);
        source("/api/v1/projects/imports/{id}",
                "select i.id from project_import i join app_user u on u.id = i.actor_id where u.unit_id in "
                        + in + " order by i.id limit 1", "project_import:id");
        source("/api/v1/projects/milestones/{milestoneId}",
                "select m.id as \"milestoneId\" from project_milestone m join project p on p.id = m.project_id"
                        + " where p.lead_unit_id in " + in + " order by m.id limit 1",
                "project_milestone:milestoneId");
        source("/api/v1/projects/problems/{problemId}",
                "select m.id as \"problemId\" from project_problem m join project p on p.id = m.project_id"
                        + " where p.lead_unit_id in " + in + " order by m.id limit 1",
                "project_problem:problemId");
        source("/api/v1/projects/{id}",
                "select id from project where lead_unit_id in " + in + " order by id limit 1", "project:id");
        source("/api/v1/targets/{id}",
                "select id from target where unit_id in " + in + " order by id limit 1", "target:id");
        source("/api/v1/users/{id}",
                "select id from app_user where unit_id in " + in + " and username like 'mx_spare%' order by id limit 1",
                "app_user:id");
        // Records of a person rather than of a district: the caller's own, and another user's (江南区's handler).
        source("/api/v1/me/tokens/{id}",
                "select t.id from api_token t join app_user u on u.id = t.user_id where u.username = '{user}'"
                        + " and t.name = 'spare' order by t.id limit 1", "api_token:id");
        source("/api/v1/notifications/{id}",
                "select n.id from notification n join app_user u on u.id = n.user_id where u.username = '{user}'"
                        + " order by n.id limit 1", "notification:id");
    }

    /** An enterprise's own records, and another enterprise's: by credit code rather than by district. */
    private static final Map<String, String> ENTERPRISE_RECORDS = Map.of(
            "/api/v1/appeals/{id}", "select id from appeal where credit_code = '{credit}' order by id limit 1",
            "/api/v1/enterprises/{id}", "select id from enterprise where credit_code = '{credit}'",
            "/api/v1/per-mu/runs/{id}/results/{enterpriseId}",
            "select r.run_id as id, r.enterprise_id as \"enterpriseId\" from per_mu_result r"
                    + " where r.credit_code = '{credit}' order by r.run_id limit 1");

    /** Path variables that name no record of a scope: shared settings, the calendar, the catalogue. */
    private static final Map<String, String> FIXED = Map.ofEntries(
            Map.entry("year", "2026"), Map.entry("code", "GDP"), Map.entry("day", "2026-10-01"),
            Map.entry("format", "json"));

    private static final List<String> FILTERS = List.of("unit", "unitId", "region", "regionId", "park", "leadUnit",
            "responsibleUnit", "parent");
    /** Sibling regions' published statistics are open to every official (StatisticsAccess); asked by department. */
    private static final List<String> PEER_STATISTICS = List.of("/api/v1/observations", "/api/v1/rankings",
            "/api/v1/benchmark", "/api/v1/indicators");

    private static ConfigurableApplicationContext app;
    private static JdbcClient jdbc;
    private static final Map<String, Api> clients = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        app = ApiFuzz.start(Path.of("target", "matrix-data"));
        jdbc = app.getBean(JdbcClient.class);
        UserAccounts accounts = app.getBean(UserAccounts.class);
        long chengguan = unitId(OWN);
        for (Map.Entry<Role, String> caller : CALLERS.entrySet()) {
            if (caller.getValue().startsWith("mx_")) {
                accounts.createDemo(new NewUser(caller.getValue(), "城关区 " + caller.getKey(), null, chengguan, null,
                        Set.of(caller.getKey()), null, null));
            }
        }
        accounts.createDemo(new NewUser("mx_spare_cg", "城关区 备用账号", null, chengguan, null,
                Set.of(Role.UNIT_HANDLER), null, null));
        accounts.createDemo(new NewUser("mx_spare_jn", "江南区 备用账号", null, unitId(OTHER), null,
                Set.of(Role.UNIT_HANDLER), null, null));
        recordsTheDemoLacks(OWN, "cgq");
        recordsTheDemoLacks(OTHER, "jnq");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        List<String> signIn = new ArrayList<>(CALLERS.values());
        signIn.add("jnq");
        for (String user : signIn) {
            Api basic = Api.as(port, user, user.equals("admin") ? ApiFuzz.ADMIN_PASSWORD : ApiFuzz.DEMO_PASSWORD);
            Api.Response issued = basic.post("/api/v1/me/tokens", Map.of("name", "matrix"));
            assertThat(issued.status()).as(user + " " + issued.body()).isEqualTo(201);
            assertThat(basic.post("/api/v1/me/tokens", Map.of("name", "spare")).status()).isEqualTo(201);
            clients.put(user, Api.withToken(port, issued.json().path("token").asString()));
        }
        clients.put("", Api.anonymous(port));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    /**
     * Records of the district that the demo city does not hold, written straight to the tables so that every
     * operation on them has one to be called on: an import of statistics, a per-mu rule with a draft evaluation, a
     * result and an objection, an on-site meeting, a meeting, a project-list preview, a pending extension of one of
     * the district's tasks.
     */
    private static void recordsTheDemoLacks(String code, String handler) {
        OffsetDateTime at = OffsetDateTime.parse("2026-07-01T09:00:00+08:00");
        long district = unitId(code);
        String name = jdbc.sql("select name from org_unit where id = ?").param(district).query(String.class).single();
        jdbc.sql("""
                        insert into observation_import (filename, status, phase, unit_id, started_at)
                        values (?, 'DONE', 'DONE', ?, ?)""").params(name + "统计数据.csv", district, at).update();
        long rule = jdbc.sql("""
                        insert into per_mu_rule (region_id, year, version, name, grading, cut_a, cut_b, cut_c, created_at)
                        values (?, 2019, 1, ?, 'SCORE', 80, 60, 40, ?) returning id""")
                .params(district, name + "亩均评价办法", at).query(Long.class).single();
        // A draft to recompute, publish or discard; a published run with a result and an objection filed on it.
        jdbc.sql("""
                        insert into per_mu_run (rule_id, region_id, year, status, created_at)
                        values (?, ?, 2019, 'DRAFT', ?)""").params(rule, district, at).update();
        long run = jdbc.sql("""
                        insert into per_mu_run (rule_id, region_id, year, status, created_at, published_at)
                        values (?, ?, 2019, 'PUBLISHED', ?, ?) returning id""")
                .params(rule, district, at, at).query(Long.class).single();
        long enterprise = jdbc.sql("select id from enterprise order by id limit 1").query(Long.class).single();
        jdbc.sql("""
                        insert into per_mu_result (run_id, enterprise_id, credit_code, name, region_id)
                        values (?, ?, '91990100MA0MATRIX1', ?, ?)""").params(run, enterprise, name + "测试企业", district)
                .update();
        jdbc.sql("""
                        insert into per_mu_objection (run_id, enterprise_id, reason, status, filed_by, filed_at)
                        values (?, ?, '用地面积有误', 'FILED', 'qiye1', ?)""").params(run, enterprise, at).update();
        jdbc.sql("""
                        insert into appeal_on_site_meeting (title, held_on, host_unit_id, created_by, created_at)
                        values (?, date '2026-06-30', ?, ?, ?)""").params(name + "企业现场办公会", district, handler, at)
                .update();
        jdbc.sql("""
                        insert into meeting (title, meeting_date, organiser_unit_id, created_by, created_at)
                        values (?, date '2026-06-30', ?, ?, ?)""").params(name + "重点工作推进会", district, handler, at)
                .update();
        long actor = jdbc.sql("select id from app_user where username = ?").param(handler).query(Long.class).single();
        jdbc.sql("""
                        insert into project_import (kind, filename, status, actor_id, rows_total, created, changed,
                                                    unchanged, rows_json, plan_json, created_at)
                        values ('PROJECTS', ?, 'PREVIEW', ?, 1, 1, 0, 0,
                                '[{"row":2,"outcome":"NEW","key":"MX-1","name":"测试项目","changes":[],"problems":[]}]',
                                '{"projects":[],"progress":[]}', ?)""").params(name + "项目清单.xlsx", actor, at).update();
        jdbc.sql("""
                        insert into task_extension (task_id, current_due, requested_due, reason, status, requested_by,
                                                    requested_at)
                        select id, due_date, due_date + 30, '雨季停工', 'PENDING', ?, ? from task
                        where lead_unit_id = ? and status = 'IN_PROGRESS' order by id limit 1""")
                .params(actor, at, district).update();
        jdbc.sql("""
                        insert into notification (user_id, kind, title, created_at)
                        select id, 'INFO', '矩阵测试通知', ? from app_user where unit_id = ? or username = 'qiye1'""")
                .params(at, district).update();
    }

    private static long unitId(String code) {
        return jdbc.sql("select id from org_unit where code = ?").param(code).query(Long.class).single();
    }

    static Map<String, Rule> table() throws Exception {
        Map<String, Rule> rules = new LinkedHashMap<>();
        try (var in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(AuthorisationMatrixTest.class.getResourceAsStream(TABLE)),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                assertThat(cells.length).as(line).isBetween(4, 5);
                Set<Role> roles = EnumSet.noneOf(Role.class);
                boolean anonymous = false;
                for (String word : cells[2].split(",")) {
                    switch (word.strip()) {
                        case "PUBLIC" -> {
                            anonymous = true;
                            roles.addAll(EnumSet.allOf(Role.class));
                        }
                        case "ANY" -> roles.addAll(EnumSet.allOf(Role.class));
                        case "STAFF" -> roles.addAll(EnumSet.complementOf(EnumSet.of(Role.ENTERPRISE)));
                        case "NONE" -> {
                        }
                        default -> roles.add(Role.valueOf(word.strip()));
                    }
                }
                String scope = cells[3].strip();
                assertThat(scope).as(line).isIn("scoped", "-");
                String given = cells.length > 4 && !cells[4].strip().equals("-") ? cells[4].strip() : null;
                boolean query = given != null && given.startsWith("?");
                Rule rule = new Rule(cells[0].strip(), cells[1].strip(), roles, anonymous, scope.equals("scoped"),
                        query ? null : given, query ? given : "");
                assertThat(rules.put(rule.method() + " " + rule.path(), rule)).as("twice in the table: " + line)
                        .isNull();
            }
        }
        return rules;
    }

    /** One operation of the document, the kind of body it takes and a body its schema accepts. */
    record Operation(String method, String path, String contentType, List<String> parts, String sample) {
    }

    static List<Operation> operations(String apiDocs, long unitId) {
        JsonNode doc = JSON.readTree(apiDocs);
        JsonNode schemas = doc.path("components").path("schemas");
        List<Operation> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase(Locale.ROOT);
                JsonNode content = op.getValue().path("requestBody").path("content");
                String type = content.has("application/json") ? "application/json"
                        : content.has("text/plain") ? "text/plain"
                        : content.has("multipart/form-data") ? "multipart/form-data" : null;
                List<String> parts = new ArrayList<>();
                if ("multipart/form-data".equals(type)) {
                    content.path(type).path("schema").path("properties").propertyNames().forEach(parts::add);
                }
                String sample = "application/json".equals(type)
                        ? JSON.writeValueAsString(sample(content.path(type).path("schema"), "", schemas, unitId, 0))
                        : null;
                found.add(new Operation(method, path.getKey(), type, parts, sample));
            }
        }
        // Reads first, then writes, deletions last, so a write does not take away a record a later call needs.
        found.sort(Comparator.comparing((Operation o) -> switch (o.method()) {
            case "GET" -> 0;
            case "DELETE" -> 2;
            default -> 1;
        }).thenComparing(Operation::path).thenComparing(Operation::method));
        return found;
    }

    /**
     * A value the schema accepts, so that a refused role meets the authorisation check rather than the validation of
     * a half-filled body: every property filled, unit ids with 城关区's, dates in the demo year, enums with their first
     * value. An allowed role may still be refused for what the body says (a stale version, a wrong state): 4xx.
     */
    static Object sample(JsonNode schema, String name, JsonNode schemas, long unitId, int depth) {
        String ref = schema.path("$ref").asString("");
        if (!ref.isEmpty()) {
            return depth > 4 ? null : sample(schemas.path(ref.substring(ref.lastIndexOf('/') + 1)), name, schemas,
                    unitId, depth + 1);
        }
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combined)) {
                return sample(schema.path(combined).get(0), name, schemas, unitId, depth);
            }
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asString();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    object.put(property.getKey(), sample(property.getValue(), property.getKey(), schemas, unitId,
                            depth + 1));
                }
                yield object;
            }
            case "array" -> List.of(Objects.requireNonNullElse(sample(schema.path("items"), name, schemas, unitId,
                    depth + 1), 1));
            case "integer", "number" -> lower.endsWith("unitid") || lower.endsWith("regionid")
                    || lower.equals("parentid") || lower.equals("unit") || lower.endsWith("unitids") ? unitId
                    : lower.contains("year") ? 2026 : lower.contains("month") ? 6 : lower.contains("percent") ? 50
                    : schema.has("minimum") ? Math.max(1, schema.path("minimum").asLong()) : 1;
            case "boolean" -> false;
            default -> switch (schema.path("format").asString("")) {
                case "date" -> "2026-06-30";
                case "date-time" -> "2026-06-30T09:00:00+08:00";
                default -> schema.has("pattern") ? "MX1" : lower.contains("creditcode") ? DemoCity.QIYE1_CREDIT_CODE
                        : lower.contains("period") ? "2026-06" : lower.contains("phone") ? "13800000000"
                        : "矩阵测试" + "项".repeat(Math.max(0, schema.path("minLength").asInt(0) - 4));
            };
        };
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    /** The record a path's variables name in a district (or of a person), or null when the demo has none. */
    private static Map<String, Object> record(String pattern, String districtCode, String user, boolean enterprise) {
        if (enterprise) {
            String best = ENTERPRISE_RECORDS.keySet().stream()
                    .filter(k -> pattern.equals(k) || pattern.startsWith(k + "/"))
                    .max(Comparator.comparingInt(String::length)).orElse(null);
            if (best != null) {
                String credit = districtCode.equals(OWN) ? DemoCity.QIYE1_CREDIT_CODE : DemoCity.QIYE2_CREDIT_CODE;
                return jdbc.sql(ENTERPRISE_RECORDS.get(best).replace("{credit}", credit)).query().listOfRows()
                        .stream().findFirst().orElse(null);
            }
        }
        Source source = sourceOf(pattern);
        if (source == null) {
            return null;
        }
        String sql = source.sql().replace("{units}", "(select id from org_unit where path like "
                        + "(select path from org_unit where code = '" + districtCode + "') || '%')")
                .replace("{code}", districtCode).replace("{user}", user);
        return jdbc.sql(sql).query().listOfRows().stream().findFirst().orElse(null);
    }

    private static Source sourceOf(String pattern) {
        String best = null;
        for (String known : SOURCES.keySet()) {
            if ((pattern.equals(known) || pattern.startsWith(known + "/") || pattern.startsWith(known + "."))
                    && (best == null || known.length() > best.length())) {
                best = known;
            }
        }
        return best == null ? null : SOURCES.get(best);
    }

    /** The path with its variables filled: from the record, the fixed values, or an id no record has. */
    private static String fill(String pattern, Map<String, Object> values) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values != null && values.containsKey(m.group(1)) ? values.get(m.group(1))
                    : FIXED.getOrDefault(m.group(1), "999999");
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The row a write on another district's record must leave alone, and the caller's audit entries. */
    private static String snapshot(String pattern, Map<String, Object> values, String user) {
        Source source = sourceOf(pattern);
        StringBuilder state = new StringBuilder();
        if (source != null && source.table() != null && values != null) {
            String[] tableAndColumn = source.table().split(":");
            Object id = values.get(tableAndColumn[1]);
            state.append(jdbc.sql("select to_jsonb(t)::text from " + tableAndColumn[0] + " t where id = ?")
                    .param(((Number) id).longValue()).query(String.class).optional().orElse("gone"));
        }
        state.append(" audit ").append(jdbc.sql("select count(*) from audit_event where actor = ?").param(user)
                .query(Long.class).single());
        return state.toString();
    }

    /** The call's answer; a response the server broke off half-way counts as a server error (599). */
    private static Api.Response call(Api client, Operation op, String uri, Rule rule) {
        try {
            return send(client, op, uri, rule);
        } catch (java.io.UncheckedIOException broken) {
            return new Api.Response(599, "", "response broken off: " + broken.getMessage());
        }
    }

    private static Api.Response send(Api client, Operation op, String uri, Rule rule) {
        HttpRequest.Builder builder = client.builder(uri);
        if (op.contentType() == null) {
            return client.send(builder.method(op.method(), HttpRequest.BodyPublishers.noBody()));
        }
        if (op.contentType().equals("multipart/form-data")) {
            String boundary = "matrixBoundary2026";
            StringBuilder body = new StringBuilder();
            for (String part : op.parts().isEmpty() ? List.of("file") : op.parts()) {
                body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(part)
                        .append("\"; filename=\"matrix.txt\"\r\nContent-Type: text/plain\r\n\r\nmatrix\r\n");
            }
            body.append("--").append(boundary).append("--\r\n");
            return client.send(builder.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .method(op.method(), HttpRequest.BodyPublishers.ofString(body.toString())));
        }
        String body = rule.body() != null ? rule.body()
                : op.contentType().equals("text/plain") ? "一、抓好项目建设" : op.sample();
        return client.send(builder.header("Content-Type", op.contentType() + ";charset=UTF-8")
                .method(op.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    @Test
    void everyOperationAnswersEveryRoleAsTheTableSays() throws Exception {
        long started = System.nanoTime();
        Map<String, Rule> table = table();
        List<Operation> operations = operations(clients.get("admin").get("/v3/api-docs").body(), unitId(OWN));
        Set<String> unknown = new TreeSet<>();
        Set<String> stale = new TreeSet<>(table.keySet());
        Set<String> noOwnRecord = new TreeSet<>();
        List<String> violations = new ArrayList<>();
        Map<String, Long> slowest = new LinkedHashMap<>();
        long jiangnan = unitId(OTHER);
        long jiangnanDepartment = unitId(DemoCity.JIANGNAN_FGJ);
        int calls = 0;
        for (Operation op : operations) {
            String key = op.method() + " " + op.path();
            Rule rule = table.get(key);
            stale.remove(key);
            if (rule == null) {
                unknown.add(op.method() + "\t" + op.path());
                continue;
            }
            boolean variables = op.path().contains("{");
            long opStarted = System.nanoTime();
            for (Map.Entry<String, Api> caller : clients.entrySet()) {
                String user = caller.getKey();
                Role role = roleOf(user);
                if (user.equals("jnq")) {
                    continue;
                }
                boolean allowed = role == null ? rule.anonymous() : rule.roles().contains(role);
                // Own records, or for a list the list itself.
                Map<String, Object> own = variables ? record(op.path(), OWN, user, role == Role.ENTERPRISE) : null;
                if (variables && own == null && sourceOf(op.path()) != null && role == Role.LEADER) {
                    noOwnRecord.add(key);
                }
                String uri = fill(op.path(), own) + rule.query();
                Api.Response response = call(caller.getValue(), op, uri, rule);
                calls++;
                String seen = response.status() + " " + op.method() + " " + uri + " as "
                        + (user.isEmpty() ? "anonymous" : user + " (" + role + ")");
                int status = response.status();
                if (status >= 500) {
                    violations.add("server error: " + seen + " " + abbreviate(response.body()));
                } else if (allowed && (status == 401 || status == 403)) {
                    violations.add("refused an allowed role: " + seen + " " + abbreviate(response.body()));
                } else if (!allowed && !(role == null ? status == 401 || status == 403
                        : status == 403 || (variables && status == 404)
                        || (rule.scoped() && op.method().equals("GET") && !variables && empty(response)))) {
                    violations.add("let a refused role through: " + seen + " " + abbreviate(response.body()));
                }
                // Another district's record, or a list asked for another district by its filters.
                if (role == null || role == Role.ADMIN || !allowed || !rule.scoped()) {
                    continue;
                }
                if (variables) {
                    Map<String, Object> other = record(op.path(), OTHER, "jnq", role == Role.ENTERPRISE);
                    if (other == null) {
                        continue;
                    }
                    String otherUri = fill(op.path(), other) + rule.query();
                    String before = op.method().equals("GET") ? null : snapshot(op.path(), other, user);
                    Api.Response refused = call(caller.getValue(), op, otherUri, rule);
                    calls++;
                    String seenOther = refused.status() + " " + op.method() + " " + otherUri + " as " + user + " ("
                            + role + ")";
                    if (refused.status() != 403 && refused.status() != 404) {
                        violations.add("another district's record not refused: " + seenOther + " "
                                + abbreviate(refused.body()));
                    }
                    if (before != null && !before.equals(snapshot(op.path(), other, user))) {
                        violations.add("another district's record changed: " + seenOther);
                    }
                } else if (op.method().equals("GET")) {
                    long value = PEER_STATISTICS.stream().anyMatch(op.path()::startsWith) ? jiangnanDepartment
                            : jiangnan;
                    StringBuilder query = new StringBuilder();
                    for (String filter : FILTERS) {
                        query.append(query.isEmpty() ? "?" : "&").append(filter).append('=').append(value);
                    }
                    Api.Response filtered = call(caller.getValue(), op, op.path() + query, rule);
                    calls++;
                    if (filtered.status() >= 500 || (filtered.status() < 300
                            && filtered.body().contains("江南区"))) {
                        violations.add("another district's data in a list: " + filtered.status() + " "
                                + op.path() + query + " as " + user + " (" + role + ")");
                    }
                }
            }
            slowest.put(key, (System.nanoTime() - opStarted) / 1_000_000);
        }
        // The pages: every GET page of the UI, by the same table; a page's path variables are filled as the API's.
        List<String> pages = pages();
        for (String page : pages) {
            String key = "GET " + page;
            Rule rule = table.get(key);
            stale.remove(key);
            if (rule == null) {
                unknown.add("GET\t" + page);
                continue;
            }
            String api = apiTwin(page);
            for (Map.Entry<String, Api> caller : clients.entrySet()) {
                String user = caller.getKey();
                Role role = roleOf(user);
                if (user.equals("jnq")) {
                    continue;
                }
                boolean allowed = role == null ? rule.anonymous() : rule.roles().contains(role);
                Map<String, Object> own = api == null ? null : record(api, OWN, user, role == Role.ENTERPRISE);
                String uri = fill(page, own) + rule.query();
                Api.Response response = page(caller.getValue(), uri);
                calls++;
                int status = response.status();
                String seen = status + " page " + uri + " as " + (user.isEmpty() ? "anonymous" : user + " (" + role
                        + ")");
                if (status >= 500) {
                    violations.add("server error: " + seen);
                } else if (allowed && status >= 400 && !(page.contains("{") && status == 404)) {
                    violations.add("page refused to an allowed role: " + seen);
                } else if (!allowed && !(role == null ? status == 302 || status == 401 : status == 403
                        || status == 404 || status == 302)) {
                    violations.add("page shown to a refused role: " + seen);
                }
                if (api == null || role == null || role == Role.ADMIN || !allowed || !rule.scoped()) {
                    continue;
                }
                Map<String, Object> other = record(api, OTHER, "jnq", role == Role.ENTERPRISE);
                if (other != null) {
                    String otherUri = fill(page, other) + rule.query();
                    Api.Response refused = page(caller.getValue(), otherUri);
                    calls++;
                    if (refused.status() != 403 && refused.status() != 404) {
                        violations.add("another district's page not refused: " + refused.status() + " page "
                                + otherUri + " as " + user + " (" + role + ")");
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Authorisation matrix: %d operations and %d pages, %d calls, %d violations, %.1f s%n",
                operations.size(), pages.size(), calls, violations.size(), seconds);
        System.out.println("No record of 城关区 in the demo data for: " + noOwnRecord);
        System.out.println("Slowest operations (ms, all callers): " + slowest.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6).toList());
        violations.forEach(v -> System.out.println("VIOLATION " + v));
        assertThat(unknown).as("operations the authorisation matrix does not name (add them to " + TABLE + ")")
                .isEmpty();
        assertThat(stale).as("rows of " + TABLE + " that name no operation").isEmpty();
        assertThat(violations).as("violations of the authorisation matrix").isEmpty();
    }

    /** Which API operation's records fill a page's path variables (the names match). */
    private static final Map<String, String> PAGE_TWINS = Map.ofEntries(
            Map.entry("/admin/users/{id}", "/api/v1/users/{id}"),
            Map.entry("/appeals/{id}", "/api/v1/appeals/{id}"),
            Map.entry("/enterprises/per-mu/runs/{id}", "/api/v1/per-mu/runs/{id}/results"),
            Map.entry("/enterprises/{id}", "/api/v1/enterprises/{id}"),
            Map.entry("/inbox/{id}", "/api/v1/notifications/{id}"),
            Map.entry("/indicators/import/{id}", "/api/v1/observations/imports/{id}"),
            Map.entry("/org/units/{id}", "/api/v1/org-units/{id}"),
            Map.entry("/projects/photos/{fileId}", "/api/v1/projects/photos/{fileId}"),
            Map.entry("/projects/{id}", "/api/v1/projects/{id}"),
            Map.entry("/targets/{id}", "/api/v1/targets/{id}"),
            Map.entry("/tasks/{id}/files/{fileId}", "/api/v1/tasks/{id}/files/{fileId}"),
            Map.entry("/tasks/{id}", "/api/v1/tasks/{id}"));

    private static String apiTwin(String page) {
        return PAGE_TWINS.keySet().stream().filter(k -> page.equals(k) || page.startsWith(k + "/"))
                .max(Comparator.comparingInt(String::length)).map(PAGE_TWINS::get).orElse(null);
    }

    private static Api.Response page(Api client, String uri) {
        try {
            return client.send(client.builder(uri).header("Accept", "text/html").GET());
        } catch (java.io.UncheckedIOException broken) {
            return new Api.Response(599, "", broken.getMessage());
        }
    }

    /** The role a caller of the matrix plays; none for the anonymous caller. */
    private static Role roleOf(String user) {
        return CALLERS.entrySet().stream().filter(e -> e.getValue().equals(user)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /** The UI's GET pages, from the application's own request mappings (a variable's pattern dropped). */
    private static List<String> pages() {
        RequestMappingHandlerMapping mappings = app.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        Set<String> pages = new TreeSet<>();
        GetMappings.of(mappings).stream()
                .filter(p -> !p.startsWith("/api/") && !p.startsWith("/open311/") && !p.startsWith("/v3/")
                        && !p.startsWith("/swagger") && !p.equals("/error"))
                .map(p -> p.replaceAll("\\{([^}:]+):[^}]*}", "{$1}"))
                .forEach(pages::add);
        return new ArrayList<>(pages);
    }

    /** A list that shows nothing: how a scoped list answers a role whose scope holds none of its records. */
    private static boolean empty(Api.Response response) {
        if (response.status() != 200 || !response.contentType().contains("json")) {
            return false;
        }
        JsonNode json = response.json();
        return json.isArray() ? json.isEmpty() : json.path("totalElements").asLong(-1) == 0;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
