package cn.luoshi.task;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.task.internal.EscalationLadder;
import cn.luoshi.task.internal.TaskOperation;
import cn.luoshi.task.internal.TaskRegistration;
import cn.luoshi.task.internal.TaskWorkflow;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import cn.luoshi.testsupport.RuleWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task workflow's rule table walked from outside: a task in every state the rules distinguish, every role that
 * may meet it, every operation — what {@code allowedActions} offers is exactly what the API then lets through.
 */
@LuoshiTest
class TaskRulesWalkTest {

    static final LocalDate TODAY = MutableClock.START.toLocalDate();
    /**
     * Lead unit 工信局 (handler gxj, head gxjfzr), co-unit 发改委 (fgw); the leader and the statistics office see the
     * whole city; 住建局 (zjj) and an enterprise (qiye1) do not see it; the admin sees it and runs no workflow.
     */
    static final List<String> ROLES = List.of("duchashi", "gxj", "gxjfzr", "fgw", "leader", "tjj", "zjj", "qiye1",
            "admin");

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    @Autowired
    UserDetailsService users;

    @Autowired
    TaskRegistration registration;

    @Autowired
    TaskWorkflow workflow;

    @Autowired
    EscalationLadder ladder;

    private final AtomicInteger serial = new AtomicInteger();
    /** Every task the walk made, to cancel afterwards: later daily rounds of other tests then leave them alone. */
    private final List<Long> made = java.util.Collections.synchronizedList(new ArrayList<>());

    /** One task made for the walk, with the records its operations name. */
    record Made(long id, long reportId, long extensionId, long escalationId) {
        Made withReport(long report) {
            return new Made(id, report, extensionId, escalationId);
        }

        Made withExtension(long extension) {
            return new Made(id, reportId, extension, escalationId);
        }

        Made withEscalation(long escalation) {
            return new Made(id, reportId, extensionId, escalation);
        }
    }

    LuoshiUser user(String username) {
        return (LuoshiUser) users.loadUserByUsername(username);
    }

    long unit(String code) {
        return units.findByCode(code).orElseThrow().id();
    }

    // ---- the states, each made through the services as the people concerned would ---------------------------

    Made draft(boolean headApproval) {
        NewTask task = new NewTask("规则走查任务 " + serial.incrementAndGet(), null, unit(DemoCity.GXJ),
                List.of(unit(DemoCity.FGW)), null, TODAY.minusDays(10), TODAY.plusDays(60), null, null, List.of(),
                null, TaskSource.manual(), headApproval, false);
        long id = registration.register(task, user("duchashi")).id();
        made.add(id);
        return new Made(id, 0, 0, 0);
    }

    Made step(Made made, TaskAction action, String by) {
        workflow.transition(made.id(), action, "走查", null, user(by));
        return made;
    }

    Made assigned() {
        return step(draft(false), TaskAction.ASSIGN, "duchashi");
    }

    Made accepted() {
        return step(assigned(), TaskAction.ACCEPT, "gxj");
    }

    Made report(Made made, String by, boolean evidence) {
        List<org.springframework.web.multipart.MultipartFile> files = evidence
                ? List.of(new MockMultipartFile("files", "验收报告.pdf", "application/pdf", EvidenceUploads.PDF))
                : List.of();
        return made.withReport(workflow.report(made.id(), BigDecimal.valueOf(50), "走查进展", files, user(by)));
    }

    Made inProgress() {
        return report(accepted(), "gxj", true);
    }

    Made extensionPending(Made made) {
        return made.withExtension(workflow.requestExtension(made.id(), TODAY.plusDays(90), "走查延期", user("gxj")));
    }

    Made escalated(Made made, EscalationRung rung) {
        return made.withEscalation(ladder.raise(made.id(), rung, "走查：越级发起", user("duchashi")));
    }

    Map<String, java.util.function.Supplier<Made>> states() {
        Map<String, java.util.function.Supplier<Made>> states = new LinkedHashMap<>();
        states.put("DRAFT", () -> draft(false));
        states.put("ASSIGNED", this::assigned);
        states.put("ASSIGNED, extension pending", () -> extensionPending(assigned()));
        states.put("ACCEPTED", this::accepted);
        states.put("IN_PROGRESS", this::inProgress);
        states.put("IN_PROGRESS, no evidence", () -> report(accepted(), "gxj", false));
        states.put("IN_PROGRESS, open sub-task", () -> {
            Made made = inProgress();
            registration.register(new NewTask("规则走查子任务 " + serial.incrementAndGet(), null,
                    unit(DemoCity.FGW), List.of(), null, null, TODAY.plusDays(30), null, null, List.of(),
                    made.id(), null, false, true), user("duchashi"));
            return made;
        });
        states.put("IN_PROGRESS, extension pending", () -> extensionPending(inProgress()));
        states.put("IN_PROGRESS, report awaiting the head", () -> {
            Made made = step(step(draft(true), TaskAction.ASSIGN, "duchashi"), TaskAction.ACCEPT, "gxj");
            return report(report(made, "gxjfzr", true), "gxj", false);
        });
        states.put("IN_PROGRESS, 督办 open", () -> escalated(inProgress(), EscalationRung.SUPERVISION));
        states.put("IN_PROGRESS, 督办 answered", () -> {
            Made made = escalated(inProgress(), EscalationRung.SUPERVISION);
            ladder.respond(made.id(), made.escalationId(), "走查回应", user("gxj"));
            return made;
        });
        states.put("IN_PROGRESS, 问责 open", () -> escalated(inProgress(), EscalationRung.ACCOUNTABILITY));
        states.put("COMPLETION_REQUESTED", () -> step(inProgress(), TaskAction.REQUEST_COMPLETION, "gxj"));
        states.put("COMPLETED", () -> step(step(inProgress(), TaskAction.REQUEST_COMPLETION, "gxj"),
                TaskAction.APPROVE_COMPLETION, "duchashi"));
        states.put("CANCELLED", () -> step(inProgress(), TaskAction.CANCEL, "duchashi"));
        return states;
    }

    // ---- the operations, each as one request -------------------------------------------------------------------

    Api.Response attempt(Api api, TaskOperation op, Made made) {
        String task = "/api/v1/tasks/" + made.id();
        return switch (op) {
            case ASSIGN, ACCEPT, REQUEST_COMPLETION, APPROVE_COMPLETION, RETURN, CANCEL ->
                    api.post(task + "/transitions", Map.of("action", op.name(), "comment", "走查：" + op,
                            "version", Api.as(port, "duchashi").get(task).json().path("version").asInt()));
            case REPORT_PROGRESS -> api.post(task + "/progress", Map.of("percent", 60, "text", "走查反馈"));
            case DECIDE_REPORT -> api.post(task + "/progress/" + made.reportId() + "/decision",
                    Map.of("approve", true));
            case REQUEST_EXTENSION -> api.post(task + "/extension-requests",
                    Map.of("newDueDate", TODAY.plusDays(120).toString(), "reason", "走查延期"));
            case DECIDE_EXTENSION -> api.post(task + "/extension-requests/" + made.extensionId() + "/decision",
                    Map.of("approve", true, "comment", "同意"));
            case INSTRUCT -> api.post(task + "/instructions", Map.of("text", "走查批示"));
            case REMIND -> api.post(task + "/reminders", Map.of("comment", "走查催办"));
            case ADD_SUBTASK -> api.post(task + "/subtasks", Map.of("title", "走查分解 " + serial.incrementAndGet(),
                    "leadUnitId", unit(DemoCity.FGW), "dueDate", TODAY.plusDays(30).toString()));
            case RAISE_ESCALATION -> api.post(task + "/escalations", Map.of("rung", nextRung(made).name(),
                    "reason", "走查升级"));
            case RESPOND_ESCALATION -> api.post(task + "/escalations/" + made.escalationId() + "/response",
                    Map.of("text", "走查回应"));
            case CLOSE_ESCALATION -> api.post(task + "/escalations/" + made.escalationId() + "/closure",
                    Map.of("outcome", "RECTIFIED", "note", "走查"));
        };
    }

    /** The rung above the open one (问责 stays 问责: nothing is higher). */
    EscalationRung nextRung(Made made) {
        int level = made.escalationId() == 0 ? 0 : ladder.ofTask(made.id(), user("duchashi")).get(0).rung().level();
        return EscalationRung.ofLevel(Math.min(level + 1, 5)).orElseThrow();
    }

    static List<String> offered(Api api, long id) {
        Api.Response response = api.get("/api/v1/tasks/" + id);
        if (response.status() == 404) {
            return List.of();
        }
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("allowedActions").valueStream().map(JsonNode::asString).toList();
    }

    /** What a refused operation must leave as it was. */
    static String fingerprint(Api supervisor, long id) {
        JsonNode task = supervisor.get("/api/v1/tasks/" + id).json();
        int timeline = supervisor.get("/api/v1/tasks/" + id + "/timeline").json().size();
        return task.path("status").asString() + "/v" + task.path("version").asInt() + "/children "
                + task.path("childCount").asInt() + "/rung " + task.path("escalationLevel").asInt() + "/timeline "
                + timeline + "/extension " + task.path("pendingExtension").path("id").asLong();
    }

    @Test
    void everyOperationOfferedIsAllowedAndEveryOtherIsRefused() {
        Map<String, java.util.function.Supplier<Made>> states = states();
        try (RuleWalk walk = new RuleWalk("tasks", port)) {
            Api supervisor = walk.as("duchashi");
            Map<String, Made> shared = new LinkedHashMap<>();
            Map<String, String> before = new LinkedHashMap<>();
            List<String> offeredSomewhere = new ArrayList<>();
            for (var state : states.entrySet()) {
                Made made = state.getValue().get();
                shared.put(state.getKey(), made);
                before.put(state.getKey(), fingerprint(supervisor, made.id()));
                for (String role : ROLES) {
                    Api api = walk.as(role);
                    List<String> offered = offered(api, made.id());
                    offeredSomewhere.addAll(offered);
                    for (TaskOperation op : TaskOperation.values()) {
                        boolean isOffered = offered.contains(op.name());
                        Function<Made, Api.Response> send = target -> attempt(api, op, target);
                        walk.walk(state.getKey(), role, op.name(), isOffered,
                                () -> send.apply(isOffered ? state.getValue().get() : made));
                    }
                }
            }
            walk.await();
            for (var state : shared.entrySet()) {
                String after = fingerprint(supervisor, state.getValue().id());
                walk.expect(after.equals(before.get(state.getKey())), state.getKey()
                        + ": refused operations changed the task: " + before.get(state.getKey()) + " → " + after);
            }
            // Each operation is offered to someone in some state: the walk covers the whole table.
            assertThat(offeredSomewhere).containsAll(java.util.Arrays.stream(TaskOperation.values())
                    .map(Enum::name).toList());
            walk.finish(states.size() * ROLES.size() * TaskOperation.values().length);
        }
    }

    /** Cancels the walk's open tasks (with their sub-tasks). */
    @AfterEach
    void cancelEverythingMade() {
        LuoshiUser office = user("duchashi");
        for (long id : List.copyOf(made)) {
            try {
                workflow.transition(id, TaskAction.CANCEL, "规则走查结束", null, office);
            } catch (cn.luoshi.common.error.DomainException finished) {
                // completed or cancelled already
            }
        }
    }
}
