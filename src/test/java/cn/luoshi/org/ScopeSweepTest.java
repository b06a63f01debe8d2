package cn.luoshi.org;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.GetMappings;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sweep over every GET of the API, whatever module adds it, signed in as the handler of 城关区 and as an enterprise
 * of the park: no list answers
 * with 江南区's data, even when asked for 江南区 by a filter; no single record of 江南区 is given out when asked by
 * its id; nothing fails. An endpoint with a path variable must say below where a record of 江南区 comes from (or why
 * the variable names no data of a scope), so a new endpoint fails this test until it is thought about.
 */
@LuoshiTest
class ScopeSweepTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    /** Ids of the units of 江南区's subtree, as SQL. */
    private static final String IN_JIANGNAN = "(select id from org_unit where path like "
            + "(select path from org_unit where code = '990104') || '%')";

    /**
     * Where each path variable's record of 江南区 comes from: one SQL row whose columns are named as the variables.
     * Patterns are matched by their longest listed prefix.
     */
    private static final Map<String, String> JIANGNAN_RECORDS = new LinkedHashMap<>();

    static {
        JIANGNAN_RECORDS.put("/api/v1/appeals/meetings/{id}",
                "select id from appeal_on_site_meeting where host_unit_id in " + IN_JIANGNAN + " order by id limit 1");
        JIANGNAN_RECORDS.put("/api/v1/appeals/{id}",
                "select id from appeal where responsible_unit_id in " + IN_JIANGNAN + " order by id limit 1");
        JIANGNAN_RECORDS.put("/api/v1/enterprises/{id}",
                "select id from enterprise where region_id in " + IN_JIANGNAN + " order by id limit 1");
        JIANGNAN_RECORDS.put("/api/v1/growth-light-rules/{unitId}", "select id as \"unitId\" from org_unit where code = '990104'");
        JIANGNAN_RECORDS.put("/api/v1/light-rules/{unitId}", "select id as \"unitId\" from org_unit where code = '990104'");
        JIANGNAN_RECORDS.put("/api/v1/meetings/{id}",
                "select id from meeting where organiser_unit_id in " + IN_JIANGNAN + " order by id limit 1");
        JIANGNAN_RECORDS.put("/api/v1/observations/imports/{id}",
                "select id from observation_import where unit_id in " + IN_JIANGNAN + " order by id limit 1");
        JIANGNAN_RECORDS.put("/api/v1/org-units/{id}", "select id from org_unit where code = '990104'");
        JIANGNAN_RECORDS.put("/api/v1/per-mu/rules/{id}",
                "select id from per_mu_rule where region_id in " + IN_JIANGNAN + " order by id limit 1");
        JIANGNAN_RECORDS.put("/api/v1/per-mu/runs/{id}",
                "select id from per_mu_run where region_id in " + IN_JIANGNAN + " order by id limit 1");
        JIANGNAN_RECORDS.put("/api/v1/per-mu/runs/{id}/results/{enterpriseId}",
                "select r.run_id as id, r.enterprise_id as \"enterpriseId\" from per_mu_result r"
                        + " join per_mu_run u on u.id = r.run_id where u.region_id in " + IN_JIANGNAN
                        + " order by r.run_id, r.enterprise_id limit 1");
        JIANGNAN_RECORDS.put("/api/v1/projects/photos/{fileId}",
                "select f.file_id as \"fileId\" from project_photo f join project p on p.id = f.project_id"
                        + " where p.location_unit_id in " + IN_JIANGNAN + " order by f.id limit 1");
        JIANGNAN_RECORDS.put("/api/v1/projects/imports/{id}",
                "select i.id from project_import i join app_user u on u.id = i.actor_id where u.unit_id in "
                        + IN_JIANGNAN + " order by i.id limit 1");
        JIANGNAN_RECORDS.put("/api/v1/projects/{id}",
                "select id from project where location_unit_id in " + IN_JIANGNAN + " order by id limit 1");
        JIANGNAN_RECORDS.put("/api/v1/targets/{id}",
                "select id from target where unit_id in " + IN_JIANGNAN + " order by id limit 1");
        JIANGNAN_RECORDS.put("/api/v1/tasks/{id}/files/{fileId}",
                "select t.id, f.file_id as \"fileId\" from task t join task_report r on r.task_id = t.id"
                        + " join task_report_file f on f.report_id = r.id where t.lead_unit_id in " + IN_JIANGNAN
                        + " order by t.id limit 1");
        JIANGNAN_RECORDS.put("/api/v1/tasks/{id}",
                "select id from task where lead_unit_id in " + IN_JIANGNAN + " order by id limit 1");
        JIANGNAN_RECORDS.put("/api/v1/users/{id}",
                "select id from app_user where unit_id in " + IN_JIANGNAN + " order by id limit 1");
    }

    /** Path variables that name no data of a scope: the shared catalogue and the State Council's calendar. */
    private static final Set<String> NOT_SCOPED = Set.of("/api/v1/calendar/{year}", "/api/v1/indicators/{code}");

    /** Statistics of which sibling regions' own figures are open to every official (see StatisticsAccess). */
    private static final List<String> PEER_STATISTICS = List.of("/api/v1/observations", "/api/v1/rankings",
            "/api/v1/benchmarks", "/api/v1/indicators");

    /** The filters list endpoints take, each asked for 江南区's own unit, park or region. */
    private static final List<String> FILTERS = List.of("unit", "unitId", "region", "regionId", "park", "leadUnit",
            "responsibleUnit", "parent");

    private Api cgq;
    /** The demo enterprise of the industrial park: it sees only its own records, never a district's. */
    private Api qiye1;

    @BeforeEach
    void signIn() {
        cgq = Api.as(port, "cgq");
        qiye1 = Api.as(port, "qiye1");
    }

    private List<String> getPatterns() {
        return GetMappings.of(mappings).stream().filter(p -> p.startsWith("/api/v1/")).toList();
    }

    @Test
    void noListEndpointLeaksAnotherDistrictsDataEvenWhenAskedForIt() {
        List<String> lists = getPatterns().stream().filter(p -> !p.contains("{")).toList();
        assertThat(lists).contains("/api/v1/org-units", "/api/v1/me", "/api/v1/tasks", "/api/v1/appeals");
        long jiangnan = jdbc.sql("select id from org_unit where code = '990104'").query(Long.class).single();
        long jiangnanPark = jdbc.sql("select id from org_unit where kind = 'PARK' and id in " + IN_JIANGNAN
                + " order by id limit 1").query(Long.class).optional().orElse(jiangnan);
        // A sibling region's published statistics are readable by rule (StatisticsAccess: "居全市第N" needs them);
        // what lies inside it is not, so the statistics endpoints are asked for one of 江南区's departments.
        long jiangnanDepartment = jdbc.sql("select id from org_unit where code = '990104-FGJ'").query(Long.class)
                .single();
        int calls = 0;
        for (String path : lists) {
            List<String> asked = new ArrayList<>();
            asked.add(path);
            for (String filter : FILTERS) {
                long value = filter.equals("park") ? jiangnanPark
                        : PEER_STATISTICS.stream().anyMatch(path::startsWith) ? jiangnanDepartment : jiangnan;
                asked.add(path + "?" + filter + "=" + value);
            }
            for (String call : asked) {
                for (Api reader : List.of(cgq, qiye1)) {
                    Api.Response response = reader.get(call);
                    calls++;
                    assertThat(response.status()).as(call).isLessThan(500);
                    assertThat(response.body()).as(call).doesNotContain("江南区");
                }
            }
        }
        System.out.printf("Scope sweep of lists: %d calls over %d endpoints%n", calls, lists.size());
    }

    @Test
    void noRecordOfAnotherDistrictIsGivenOutByItsId() {
        Runnable cleanUp = recordsOfJiangnanTheDemoLacks();
        Set<String> unknown = new TreeSet<>();
        Set<String> noRecord = new TreeSet<>();
        int calls = 0;
        try {
            for (String pattern : getPatterns().stream().filter(p -> p.contains("{")).sorted().toList()) {
                if (NOT_SCOPED.contains(pattern)) {
                    continue;
                }
                String source = sourceOf(pattern);
                if (source == null) {
                    unknown.add(pattern);
                    continue;
                }
                Map<String, Object> values = jdbc.sql(source).query().listOfRows().stream().findFirst().orElse(null);
                if (values == null) {
                    noRecord.add(pattern);
                    continue;
                }
                String call = fill(pattern, values);
                for (Api reader : List.of(cgq, qiye1)) {
                    Api.Response response = reader.get(call);
                    calls++;
                    assertThat(response.status()).as(call + " " + response.body()).isIn(403, 404);
                    assertThat(response.body()).as(call).doesNotContain("江南区");
                }
            }
        } finally {
            cleanUp.run();
        }
        System.out.printf("Scope sweep of records: %d calls; no 江南区 record in the demo data for %s%n", calls,
                noRecord);
        assertThat(unknown).as("GET endpoints with path variables this sweep does not know").isEmpty();
        // Every kind of record the demo holds for 江南区 was tried; only files nobody uploaded may be missing.
        assertThat(noRecord).allSatisfy(p -> assertThat(p).containsAnyOf("/files/", "/photos/"));
    }

    /**
     * 江南区's own imports (of observations, and a project-list preview), per-mu rule, evaluation with one result,
     * and on-site meeting, written straight to the tables so every endpoint has a record of another district to
     * refuse.
     */
    private Runnable recordsOfJiangnanTheDemoLacks() {
        OffsetDateTime at = OffsetDateTime.parse("2026-07-01T09:00:00+08:00");
        long jiangnan = jdbc.sql("select id from org_unit where code = '990104'").query(Long.class).single();
        long importId = jdbc.sql("""
                        insert into observation_import (filename, status, phase, unit_id, started_at)
                        values ('江南区统计数据.csv', 'DONE', 'DONE', ?, ?) returning id""")
                .params(jiangnan, at).query(Long.class).single();
        long rule = jdbc.sql("""
                        insert into per_mu_rule (region_id, year, version, name, grading, cut_a, cut_b, cut_c, created_at)
                        values (?, 2019, 1, '江南区亩均评价办法', 'SCORE', 80, 60, 40, ?) returning id""")
                .params(jiangnan, at).query(Long.class).single();
        long run = jdbc.sql("""
                        insert into per_mu_run (rule_id, region_id, year, status, created_at, published_at)
                        values (?, ?, 2019, 'PUBLISHED', ?, ?) returning id""")
                .params(rule, jiangnan, at, at).query(Long.class).single();
        long enterprise = jdbc.sql("select id from enterprise order by id limit 1").query(Long.class).single();
        jdbc.sql("""
                        insert into per_mu_result (run_id, enterprise_id, credit_code, name, region_id)
                        values (?, ?, '91420100MA0JNQ0001', '江南区测试企业', ?)""")
                .params(run, enterprise, jiangnan).update();
        long meeting = jdbc.sql("""
                        insert into appeal_on_site_meeting (title, held_on, host_unit_id, created_by, created_at)
                        values ('江南区企业现场办公会', date '2026-06-30', ?, 'jnq', ?) returning id""")
                .params(jiangnan, at).query(Long.class).single();
        long jnq = jdbc.sql("select id from app_user where username = 'jnq'").query(Long.class).single();
        long projectImport = jdbc.sql("""
                        insert into project_import (kind, filename, status, actor_id, rows_total, created, changed,
                                                    unchanged, rows_json, plan_json, created_at)
                        values ('PROJECTS', '江南区项目清单.xlsx', 'PREVIEW', ?, 1, 1, 0, 0,
                                '[{"row":2,"outcome":"NEW","key":"JN-1","name":"江南区测试项目","changes":[],"problems":[]}]',
                                '{"projects":[],"progress":[]}', ?) returning id""")
                .params(jnq, at).query(Long.class).single();
        // Other tests read the city's newest evaluation and recent imports: leave nothing behind.
        return () -> {
            jdbc.sql("delete from project_import where id = ?").param(projectImport).update();
            jdbc.sql("delete from appeal_on_site_meeting where id = ?").param(meeting).update();
            jdbc.sql("delete from per_mu_run where id = ?").param(run).update();
            jdbc.sql("delete from per_mu_rule where id = ?").param(rule).update();
            jdbc.sql("delete from observation_import where id = ?").param(importId).update();
        };
    }

    private static String sourceOf(String pattern) {
        String best = null;
        for (String known : JIANGNAN_RECORDS.keySet()) {
            boolean matches = pattern.equals(known) || pattern.startsWith(known + "/");
            if (matches && (best == null || known.length() > best.length())) {
                best = known;
            }
        }
        return best == null ? null : JIANGNAN_RECORDS.get(best);
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private static String fill(String pattern, Map<String, Object> values) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            assertThat(value).as("value of %s for %s", m.group(1), pattern).isNotNull();
            m.appendReplacement(out, String.valueOf(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
