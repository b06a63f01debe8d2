package cn.luoshi.common.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import cn.luoshi.indicator.Uploads;
import cn.luoshi.org.DemoCity;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.SeparateDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Luoshi in a process of its own, killed with SIGKILL (kill -9) while an observation import and a bulk task action
 * are under way, then started again on the same data folder and database: the import is marked interrupted with
 * nothing of it written and imports again in full; the bulk action has assigned a whole number of tasks, each
 * completely (status, timeline entry, audit record, message) and the others not at all, and finishes when repeated;
 * the audit chain verifies.
 *
 * <p>The kill is triggered by what the test sees in the database, not by time: once the import has reported its
 * first progress and the bulk action (sent then) has committed its first task. The file is large enough (109,200 values) that
 * the import is then still reading. {@code -Dcrash.years=120 -Dcrash.tasks=500} runs it on a larger file (262,080
 * values) and the bulk action's largest selection.
 */
class CrashConsistencyTest {

    /** 13 monthly flow indicators of the catalogue. */
    private static final List<String> INDICATORS = List.of("INDUSTRY_VA", "INDUSTRY_OUTPUT", "FISCAL_TOTAL",
            "FISCAL_GENERAL", "FAI", "RETAIL", "FOREIGN_TRADE", "FDI", "NEW_URBAN_JOBS", "TECH_CONTRACTS",
            "GOOD_AIR_DAYS", "TOURISTS", "TOURISM_REVENUE");
    /** 示例市 and its six districts and counties. */
    private static final List<String> UNITS = List.of(DemoCity.CITY, DemoCity.CHENGGUAN, DemoCity.GAOXIN,
            DemoCity.JIANGNAN, DemoCity.LINJIANG, DemoCity.QINGHE, DemoCity.DONGSHAN);
    /** Years of monthly values: 50 in CI; {@code -Dcrash.years=} for a larger file (up to 126: periods start in 1900). */
    private static final int YEARS = Integer.getInteger("crash.years", 50);
    private static final int FIRST_YEAR = 2026 - YEARS;
    /** Each month's value and its year-to-date value for every indicator, unit and month. */
    private static final int VALUES = INDICATORS.size() * UNITS.size() * YEARS * 12 * 2;
    /** Drafts the bulk action assigns: 200 in CI; {@code -Dcrash.tasks=} up to 500 (the bulk action's limit). */
    private static final int TASKS = Integer.getInteger("crash.tasks", 200);
    /** Kept after the test: each start's output. */
    private static final Path LOGS = Path.of("target", "crash-consistency");

    @TempDir
    static Path work;
    static SeparateDatabase database;
    static Process app;
    static int port;
    static int starts;

    @BeforeAll
    static void startDatabase() {
        database = SeparateDatabase.startIn(work.resolve("postgres")).withDemoOrgChartOnly();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    /** Starts Luoshi as its own Java process on the test's database and data folder, and waits until it is up. */
    private static void startLuoshi() throws Exception {
        if (port == 0) {
            // the restart listens on the same port, as a restarted server would
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx768m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "cn.luoshi.LuoshiApplication"));
        command.addAll(List.of(database.arguments()));
        command.addAll(List.of("--luoshi.data-dir=" + work.resolve("data"), "--server.port=" + port,
                "--luoshi.admin-password=" + Api.ADMIN_PASSWORD, "--luoshi.demo-password=" + Api.PASSWORD,
                "--luoshi.demo=true", "--luoshi.node-name=crash-" + (++starts),
                // an import without its runner is taken as interrupted 2 s after it was opened (a minute by
                // default), and the sweep runs every second (a minute by default)
                "--luoshi.imports.interrupted-after=PT2S", "--luoshi.imports.sweep-millis=1000",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.cn.luoshi=INFO"));
        Path log = LOGS.resolve("luoshi-" + starts + ".log");
        java.nio.file.Files.createDirectories(LOGS);
        app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        long started = System.nanoTime();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            assertThat(app.isAlive()).as("Luoshi stopped, see " + log).isTrue();
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        });
        note("start %d up in %d ms", starts, (System.nanoTime() - started) / 1_000_000);
    }

    private static void note(String format, Object... args) {
        System.out.println("[crash] " + String.format(Locale.ROOT, format, args));
    }

    @Test
    void killedDuringAnImportAndABulkActionLeavesNothingHalfWritten() throws Exception {
        startLuoshi();
        Api office = withToken("duchashi");
        long swj = database.count("select id from org_unit where code = ?", DemoCity.SWJ);
        List<Long> drafts = new ArrayList<>();
        long creating = System.nanoTime();
        for (int i = 1; i <= TASKS; i++) {
            Api.Response created = office.post("/api/v1/tasks", Map.of("title", "批量交办测试任务" + i,
                    "leadUnitId", swj, "startDate", "2027-01-01", "dueDate", "2027-12-31"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            drafts.add(created.json().path("id").asLong());
        }
        note("%d drafts created in %d ms", TASKS, (System.nanoTime() - creating) / 1_000_000);
        byte[] file = csv();
        long observations = database.count("select count(*) from observation");
        long history = database.count("select count(*) from observation_history");
        long imports = database.count("select count(*) from observation_import");
        long importAudits = database.count("select count(*) from audit_event where entity_type = 'ObservationImport'");
        assertThat(observations + history + imports).isZero();

        // The import runs in the background; its progress is written every 20,000 rows.
        Api tjj = withToken("tjj");
        Api.Response accepted = Uploads.post(tjj, "/api/v1/observations/import?async=true", "十三项月度指标.csv", file);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        long importId = accepted.json().path("id").asLong();
        long sent = System.nanoTime();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5)).until(() -> database.count(
                "select rows_read from observation_import where id = ?", importId) > 0);
        note("import %d: first progress %d ms after the upload", importId, (System.nanoTime() - sent) / 1_000_000);

        // Then the bulk action, which assigns the drafts one transaction each.
        long bulkSent = System.nanoTime();
        CompletableFuture<Integer> bulk = CompletableFuture.supplyAsync(() -> {
            try {
                return office.post("/api/v1/tasks/bulk-transitions", Map.of("ids", drafts, "action", "ASSIGN"))
                        .status();
            } catch (RuntimeException cutOff) {
                return -1;
            }
        });
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5)).until(() -> assigned(drafts) > 0);
        note("bulk action: first task assigned %d ms after the request", (System.nanoTime() - bulkSent) / 1_000_000);
        app.destroyForcibly();
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
        int killedAt = assigned(drafts);
        assertThat(bulk.get(60, TimeUnit.SECONDS)).isEqualTo(-1);
        Map<String, Object> cut = database.jdbc().sql(
                "select status, phase, rows_read from observation_import where id = ?").param(importId)
                .query().singleRow();
        note("killed: import %s at %s rows read, bulk at %d of %d tasks", cut.get("phase"), cut.get("rows_read"),
                killedAt, TASKS);
        assertThat(cut.get("status")).isEqualTo("RUNNING");
        assertThat(killedAt).isBetween(1, TASKS - 1);

        startLuoshi();

        // The import: marked interrupted at start, nothing of it written, and the file imports again in full.
        await().atMost(Duration.ofMinutes(1)).until(() -> "FAILED".equals(tjj.get("/api/v1/observations/imports/"
                + importId).json().path("status").asString()));
        JsonNode interrupted = tjj.get("/api/v1/observations/imports/" + importId).json();
        assertThat(interrupted.path("phase").asString()).isEqualTo("INTERRUPTED");
        assertThat(database.count("select count(*) from observation")).isEqualTo(observations);
        assertThat(database.count("select count(*) from observation_history")).isEqualTo(history);
        assertThat(database.count("select count(*) from audit_event where entity_type = 'ObservationImport'"))
                .isEqualTo(importAudits);
        long rerun = System.nanoTime();
        Api.Response again = Uploads.post(tjj, "/api/v1/observations/import", "十三项月度指标.csv", file);
        note("import of %d values again: %s in %d ms", VALUES, again.json().path("status").asString(),
                (System.nanoTime() - rerun) / 1_000_000);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("status").asString()).isEqualTo("DONE");
        assertThat(again.json().path("inserted").asLong()).isEqualTo(VALUES);
        assertThat(database.count("select count(*) from observation")).isEqualTo(VALUES);
        assertThat(database.count("select count(*) from observation where import_id = ?",
                again.json().path("id").asLong())).isEqualTo(VALUES);

        // The bulk action: every task assigned before the kill is so completely, every other one not at all.
        assertThat(assigned(drafts)).isEqualTo(killedAt);
        for (long task : drafts) {
            boolean isAssigned = "ASSIGNED".equals(database.jdbc().sql("select status from task where id = ?")
                    .param(task).query(String.class).single());
            long expected = isAssigned ? 1 : 0;
            assertThat(database.count("select count(*) from task_event where task_id = ? and kind = 'ASSIGNED'",
                    task)).as("timeline of task %d", task).isEqualTo(expected);
            assertThat(database.count("""
                    select count(*) from audit_event where entity_type = 'Task' and entity_id = ?
                      and action = 'task.assign'""", String.valueOf(task))).as("audit of task %d", task)
                    .isEqualTo(expected);
            assertThat(database.count("select count(*) from notification where dedup_key = ?",
                    "task-" + task + "-assigned")).as("message of task %d", task).isEqualTo(expected);
            assertThat(database.count("select count(*) from task where id = ? and next_report_due is not null",
                    task)).as("report calendar of task %d", task).isEqualTo(expected);
        }
        // Repeated, it assigns the rest; the ones already assigned are refused one by one.
        long repeatedAt = System.nanoTime();
        JsonNode repeated = office.post("/api/v1/tasks/bulk-transitions", Map.of("ids", drafts, "action", "ASSIGN"))
                .json();
        note("bulk action again: %d assigned, %d refused in %d ms", repeated.path("succeeded").size(),
                repeated.path("failed").size(), (System.nanoTime() - repeatedAt) / 1_000_000);
        assertThat(repeated.path("succeeded").size()).isEqualTo(TASKS - killedAt);
        assertThat(repeated.path("failed").size()).isEqualTo(killedAt);
        for (JsonNode refused : repeated.path("failed")) {
            assertThat(refused.path("status").asInt()).isEqualTo(409);
        }
        assertThat(assigned(drafts)).isEqualTo(TASKS);
        assertThat(database.count("select count(*) from task_event where kind = 'ASSIGNED'")).isEqualTo(TASKS);
        assertThat(database.count("select count(*) from notification where dedup_key like 'task-%-assigned'"))
                .isEqualTo(TASKS);

        JsonNode chain = Api.as(port, "admin").get("/api/v1/audit/verify").json();
        assertThat(chain.path("intact").asBoolean()).as(chain.toString()).isTrue();
        assertThat(chain.path("checked").asLong()).isEqualTo(database.count("select count(*) from audit_event"));
    }

    /** Signed in by a personal token: Basic authentication would hash the password on every request. */
    private static Api withToken(String username) {
        Api.Response issued = Api.as(port, username).post("/api/v1/me/tokens",
                Map.of("name", "crash consistency", "validDays", 30));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return Api.withToken(port, issued.json().path("token").asString());
    }

    private static int assigned(List<Long> tasks) {
        return (int) database.count("select count(*) from task where status = 'ASSIGNED' and id = any(?)",
                (Object) tasks.toArray(Long[]::new));
    }

    /** Long layout, one row per value: 当期 (the month) and 累计 (January to the month). */
    private static byte[] csv() {
        StringBuilder out = new StringBuilder(VALUES * 40);
        out.append("指标,单位,期间,类型,数值\n");
        for (String indicator : INDICATORS) {
            for (int u = 0; u < UNITS.size(); u++) {
                for (int year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
                    double ytd = 0;
                    for (int month = 1; month <= 12; month++) {
                        double value = 10 + u + (year - FIRST_YEAR) * 0.5 + month * 0.25;
                        ytd += value;
                        out.append(indicator).append(',').append(UNITS.get(u)).append(',').append(year).append('年')
                                .append(month).append("月,当期,").append(String.format(Locale.ROOT, "%.2f", value))
                                .append('\n');
                        out.append(indicator).append(',').append(UNITS.get(u)).append(',').append(year)
                                .append("年1-").append(month).append("月,累计,")
                                .append(String.format(Locale.ROOT, "%.2f", ytd)).append('\n');
                    }
                }
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
