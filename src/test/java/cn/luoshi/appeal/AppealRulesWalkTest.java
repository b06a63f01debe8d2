package cn.luoshi.appeal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import cn.luoshi.appeal.internal.AppealOperation;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.RuleWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The appeal workflow's rule table walked from outside: an appeal in every state, every role that may meet it,
 * every operation — what the API offers ({@code allowedActions}) is exactly what it then lets through.
 */
@LuoshiTest
class AppealRulesWalkTest {

    /**
     * Filed by 示例重工 (qiye1) to the dispatching office 营商局 (ysj), sent to 工信局 (gxj, gxjfzr) with 发改委 (fgw)
     * as co-unit; qiye2 is another enterprise.
     */
    static final List<String> ROLES = List.of("duchashi", "ysj", "gxj", "gxjfzr", "fgw", "zjj", "leader", "tjj",
            "qiye1", "qiye2", "admin");

    @LocalServerPort
    int port;

    @Autowired
    Appeals appeals;

    @Autowired
    OrgUnits units;

    @Autowired
    UserDetailsService users;

    private final AtomicInteger serial = new AtomicInteger();
    /** Every appeal the walk filed, to settle afterwards: the SLA job of other tests then leaves them alone. */
    private final List<Long> filed = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    record Made(long id, int version) {
        static Made of(Appeal a) {
            return new Made(a.id(), a.version());
        }
    }

    LuoshiUser user(String username) {
        return (LuoshiUser) users.loadUserByUsername(username);
    }

    long unit(String code) {
        return units.findByCode(code).orElseThrow().id();
    }

    // ---- the states, made through the service as the people concerned would -----------------------------------

    Appeal submitted() {
        int n = serial.incrementAndGet();
        FiledAppeal appeal = appeals.file(new NewAppeal(null, "示例重工机械有限公司", "王经理", "0714-6200" + (100 + n % 800),
                null, "FUNDING", "规则走查诉求 " + n, "规则走查：技改贷款贴息资金第 " + n + " 批尚未到账，请协调。", null, null, null,
                null, null, null, null, null, null, null, true), user("qiye1"));
        filed.add(appeal.id());
        return appeals.get(appeal.id(), user("duchashi"));
    }

    Appeal step(Appeal a, Transition t, String by) {
        return appeals.transition(a.id(), t, user(by));
    }

    Appeal dispatched() {
        Appeal a = submitted();
        return step(a, Transition.dispatch(a.version(), unit(DemoCity.GXJ), List.of(unit(DemoCity.FGW))),
                "duchashi");
    }

    Appeal accepted() {
        Appeal a = dispatched();
        return step(a, Transition.accept(a.version()), "gxj");
    }

    Appeal answered() {
        Appeal a = accepted();
        return step(a, Transition.answer(a.version(), "已协调财政局，本月内拨付。"), "gxj");
    }

    Appeal rated(Appeal a, Rating rating) {
        return appeals.rate(a.id(), rating, "走查评价", a.version(), user("qiye1"));
    }

    Appeal answeredAgain() {
        Appeal a = rated(answered(), Rating.UNSATISFIED);
        return step(a, Transition.answer(a.version(), "已拨付首批资金。"), "gxj");
    }

    Map<String, Supplier<Appeal>> states() {
        Map<String, Supplier<Appeal>> states = new LinkedHashMap<>();
        states.put("SUBMITTED", this::submitted);
        states.put("DISPATCHED", this::dispatched);
        states.put("ACCEPTED", this::accepted);
        states.put("ANSWERED", this::answered);
        states.put("REOPENED", () -> rated(answered(), Rating.UNSATISFIED));
        states.put("ANSWERED after reopening", this::answeredAgain);
        states.put("CLOSED, rated", () -> rated(answered(), Rating.SATISFIED));
        states.put("CLOSED, unsatisfied again", () -> rated(answeredAgain(), Rating.UNSATISFIED));
        states.put("CLOSED, withdrawn", () -> {
            Appeal a = accepted();
            return step(a, new Transition(AppealAction.CLOSE, a.version(), null, List.of(), "企业撤回",
                    null, CloseReason.WITHDRAWN), "ysj");
        });
        return states;
    }

    // ---- the operations ---------------------------------------------------------------------------------------

    Api.Response attempt(Api api, AppealOperation op, Made a) {
        String appeal = "/api/v1/appeals/" + a.id();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", op.name());
        body.put("version", a.version());
        switch (op) {
            case DISPATCH -> {
                body.put("unitId", unit(DemoCity.GXJ));
                body.put("coUnitIds", List.of(unit(DemoCity.FGW)));
            }
            case ANSWER -> body.put("answer", "走查答复");
            case TRANSFER -> {
                body.put("unitId", unit(DemoCity.SWJ));
                body.put("reason", "走查转办");
            }
            case CLOSE -> {
                body.put("reason", "走查关闭");
                body.put("closeReason", "WITHDRAWN");
            }
            case REOPEN -> body.put("reason", "走查重办");
            case RATE -> {
                return api.post(appeal + "/rating", Map.of("rating", "SATISFIED", "version", a.version()));
            }
            case CALLBACK -> {
                return api.post(appeal + "/callbacks", Map.of("outcome", "CONFIRMED", "note", "走查回访"));
            }
            default -> {
            }
        }
        return api.post(appeal + "/transitions", body);
    }

    static List<String> offered(Api api, long id) {
        Api.Response response = api.get("/api/v1/appeals/" + id);
        if (response.status() == 404) {
            return List.of();
        }
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> offered = response.json().path("allowedActions").valueStream().map(JsonNode::asString).toList();
        // The separate list of actions is the same table.
        assertThat(api.get("/api/v1/appeals/" + id + "/actions").json().valueStream().map(JsonNode::asString))
                .containsExactlyElementsOf(offered);
        return offered;
    }

    static String fingerprint(Api supervisor, long id) {
        JsonNode a = supervisor.get("/api/v1/appeals/" + id).json();
        return a.path("status").asString() + "/v" + a.path("version").asInt() + "/history "
                + supervisor.get("/api/v1/appeals/" + id + "/history").json().size() + "/callbacks "
                + supervisor.get("/api/v1/appeals/" + id + "/callbacks").json().size();
    }

    @Test
    void everyOperationOfferedIsAllowedAndEveryOtherIsRefused() {
        Map<String, Supplier<Appeal>> states = states();
        try (RuleWalk walk = new RuleWalk("appeals", port)) {
            Api supervisor = walk.as("duchashi");
            Map<String, Made> shared = new LinkedHashMap<>();
            Map<String, String> before = new LinkedHashMap<>();
            for (var state : states.entrySet()) {
                Made made = Made.of(state.getValue().get());
                shared.put(state.getKey(), made);
                before.put(state.getKey(), fingerprint(supervisor, made.id()));
                for (String role : ROLES) {
                    Api api = walk.as(role);
                    List<String> offered = offered(api, made.id());
                    for (AppealOperation op : AppealOperation.values()) {
                        boolean isOffered = offered.contains(op.name());
                        walk.walk(state.getKey(), role, op.name(), isOffered, () -> attempt(api, op,
                                isOffered ? Made.of(state.getValue().get()) : made));
                    }
                }
            }
            walk.await();
            for (var state : shared.entrySet()) {
                String after = fingerprint(supervisor, state.getValue().id());
                walk.expect(after.equals(before.get(state.getKey())), state.getKey()
                        + ": refused operations changed the appeal: " + before.get(state.getKey()) + " → " + after);
            }
            walk.finish(states.size() * ROLES.size() * AppealOperation.values().length);
        }
    }

    /** An answered appeal is rated (the enterprise's to close), any other open one closed as a duplicate. */
    @AfterEach
    void settleEverythingFiled() {
        for (long id : List.copyOf(filed)) {
            Appeal a = appeals.get(id, user("duchashi"));
            if (a.status() == AppealStatus.ANSWERED) {
                rated(a, Rating.SATISFIED);
            } else if (a.status().isOpen()) {
                step(a, new Transition(AppealAction.CLOSE, a.version(), null, List.of(), "规则走查结束", null,
                        CloseReason.DUPLICATE), "duchashi");
            }
        }
    }

    @Test
    void anAnsweredAppealIsRatedNotClosed() {
        Appeal a = answered();
        Api ysj = Api.as(port, "ysj");
        JsonNode shown = ysj.get("/api/v1/appeals/" + a.id()).json();
        assertThat(shown.path("allowedActions").valueStream().map(JsonNode::asString)).containsExactly("REOPEN");
        Api.Response close = ysj.post("/api/v1/appeals/" + a.id() + "/transitions", Map.of("action", "CLOSE",
                "version", a.version(), "reason", "企业撤回", "closeReason", "WITHDRAWN"));
        assertThat(close.status()).isEqualTo(409);
        assertThat(close.json().path("detail").asString()).startsWith("诉求 " + a.code() + " 当前为「已答复」")
                .contains("由企业评价");
        JsonNode after = ysj.get("/api/v1/appeals/" + a.id()).json();
        assertThat(after.path("status").asString()).isEqualTo("ANSWERED");
        assertThat(after.path("version").asInt()).isEqualTo(a.version());
        // The enterprise is offered its rating, and the rating closes it.
        JsonNode own = Api.as(port, "qiye1").get("/api/v1/appeals/" + a.id()).json();
        assertThat(own.path("allowedActions").valueStream().map(JsonNode::asString)).containsExactly("RATE");
    }
}
