package cn.luoshi.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.project.internal.ProjectProblemRules.Operation;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import cn.luoshi.testsupport.RuleWalk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project problem workflow's rule table walked from outside: a project's problem list (with and without an
 * enterprise) and a problem in every status, every role that may meet them, every operation — what the project's
 * page offers ({@code problemActions}, each problem's {@code allowedActions}) is exactly what the API lets through.
 */
@LuoshiTest
class ProjectProblemRulesWalkTest {

    /**
     * Projects led by 发改委 (fgw, fgwfzr) and located in 城关区 (cgq); qiye1 is the enterprise of one of them;
     * 工信局 (gxj) does not see them.
     */
    static final List<String> ROLES = List.of("duchashi", "fgw", "fgwfzr", "cgq", "gxj", "leader", "tjj", "qiye1",
            "qiye2", "admin");
    static final List<Operation> LIST_OPERATIONS = List.of(Operation.RAISE, Operation.ROUTE_TASK,
            Operation.ROUTE_APPEAL);

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    private final AtomicInteger serial = new AtomicInteger();
    /** Every project the walk made: their tasks are cancelled and their appeals closed afterwards. */
    private final List<Long> made = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    /** A project, or one problem of it (problem 0 for the list itself). */
    record Made(long project, long problem) {
    }

    long project(Api fgw, boolean withEnterprise) {
        int n = serial.incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("code", "RW-PP-" + n, "name", "规则走查项目" + n,
                "category", "INDUSTRY", "leadUnitId", units.findByCode(DemoCity.FGW).orElseThrow().id(),
                "locationUnitId", units.findByCode(DemoCity.CHENGGUAN).orElseThrow().id(),
                "totalInvestment", 5000, "startYear", 2026, "endYear", 2027, "stage", "CONSTRUCTION"));
        if (withEnterprise) {
            body.put("enterpriseCreditCode", DemoCity.QIYE1_CREDIT_CODE);
        }
        Api.Response created = fgw.post("/api/v1/projects", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        made.add(created.json().path("id").asLong());
        return created.json().path("id").asLong();
    }

    long problem(Api fgw, long project, String route) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", "规则走查问题 " + serial.incrementAndGet());
        body.put("route", route);
        Api.Response raised = fgw.post("/api/v1/projects/" + project + "/problems", body);
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        return raised.json().path("id").asLong();
    }

    Api.Response attempt(Api api, Operation op, Made made) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", "走查提出的问题 " + serial.incrementAndGet());
        switch (op) {
            case RAISE -> body.put("route", "NONE");
            case ROUTE_TASK -> {
                body.put("route", "TASK");
                body.put("dueDate", MutableClock.START.toLocalDate().plusDays(30).toString());
            }
            case ROUTE_APPEAL -> {
                body.put("route", "APPEAL");
                body.put("contactName", "王经理");
                body.put("contactPhone", "13800001111");
            }
            case RESOLVE -> {
                return api.post("/api/v1/projects/problems/" + made.problem() + "/resolve",
                        Map.of("note", "走查：已解决"));
            }
        }
        return api.post("/api/v1/projects/" + made.project() + "/problems", body);
    }

    /** What the project's page offers: on the list, or on the one problem. */
    static List<String> offered(Api api, Made made) {
        Api.Response response = api.get("/api/v1/projects/" + made.project());
        if (response.status() == 404) {
            return List.of();
        }
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode details = response.json();
        if (made.problem() == 0) {
            return details.path("problemActions").valueStream().map(JsonNode::asString).toList();
        }
        for (JsonNode problem : details.path("problems")) {
            if (problem.path("id").asLong() == made.problem()) {
                return problem.path("allowedActions").valueStream().map(JsonNode::asString).toList();
            }
        }
        throw new AssertionError("problem " + made.problem() + " not on its project's page");
    }

    static String fingerprint(Api supervisor, Made made) {
        JsonNode problems = supervisor.get("/api/v1/projects/" + made.project()).json().path("problems");
        StringBuilder print = new StringBuilder(problems.size() + " problems");
        for (JsonNode p : problems) {
            print.append(" ").append(p.path("id").asLong()).append(":").append(p.path("status").asString());
        }
        return print.toString();
    }

    @Test
    void everyOperationOfferedIsAllowedAndEveryOtherIsRefused() {
        try (RuleWalk walk = new RuleWalk("project problems", port)) {
            Api fgw = walk.as("fgw");
            Map<String, Supplier<Made>> states = new LinkedHashMap<>();
            states.put("list of a project with an enterprise", () -> new Made(project(fgw, true), 0));
            states.put("list of a project without an enterprise", () -> new Made(project(fgw, false), 0));
            states.put("OPEN problem", () -> {
                long project = project(fgw, true);
                return new Made(project, problem(fgw, project, "NONE"));
            });
            states.put("OPEN problem sent on as a task", () -> {
                long project = project(fgw, true);
                return new Made(project, problem(fgw, project, "TASK"));
            });
            states.put("RESOLVED problem", () -> {
                long project = project(fgw, true);
                long problem = problem(fgw, project, "NONE");
                assertThat(fgw.post("/api/v1/projects/problems/" + problem + "/resolve", Map.of("note", "已解决"))
                        .status()).isEqualTo(200);
                return new Made(project, problem);
            });
            Api supervisor = walk.as("duchashi");
            Map<String, Made> shared = new LinkedHashMap<>();
            Map<String, String> before = new LinkedHashMap<>();
            int combinations = 0;
            for (var state : states.entrySet()) {
                Made made = state.getValue().get();
                shared.put(state.getKey(), made);
                before.put(state.getKey(), fingerprint(supervisor, made));
                List<Operation> operations = made.problem() == 0 ? LIST_OPERATIONS : List.of(Operation.RESOLVE);
                for (String role : ROLES) {
                    Api api = walk.as(role);
                    List<String> offered = offered(api, made);
                    for (Operation op : operations) {
                        boolean isOffered = offered.contains(op.name());
                        walk.walk(state.getKey(), role, op.name(), isOffered,
                                () -> attempt(api, op, isOffered ? state.getValue().get() : made));
                        combinations++;
                    }
                }
            }
            walk.await();
            for (var state : shared.entrySet()) {
                String after = fingerprint(supervisor, state.getValue());
                walk.expect(after.equals(before.get(state.getKey())), state.getKey()
                        + ": refused operations changed the problems: " + before.get(state.getKey()) + " → " + after);
            }
            walk.finish(combinations);
            // 2 lists × 10 roles × 3 operations + 3 problems × 10 roles × RESOLVE.
            assertThat(combinations).isEqualTo(90);
            settle(supervisor);
        }
    }

    /** The tasks and appeals the problems became are closed, so the daily jobs of other tests leave them alone. */
    void settle(Api supervisor) {
        for (long project : List.copyOf(made)) {
            for (JsonNode problem : supervisor.get("/api/v1/projects/" + project).json().path("problems")) {
                if (problem.hasNonNull("taskId")) {
                    String task = "/api/v1/tasks/" + problem.path("taskId").asLong();
                    supervisor.post(task + "/transitions", Map.of("action", "CANCEL", "comment", "规则走查结束",
                            "version", supervisor.get(task).json().path("version").asInt()));
                }
                if (problem.hasNonNull("appealId")) {
                    long appeal = problem.path("appealId").asLong();
                    int version = supervisor.get("/api/v1/appeals/" + appeal).json().path("version").asInt();
                    supervisor.post("/api/v1/appeals/" + appeal + "/transitions", Map.of("action", "CLOSE",
                            "version", version, "reason", "规则走查结束", "closeReason", "DUPLICATE"));
                }
            }
        }
    }
}
