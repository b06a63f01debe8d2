package cn.luoshi.enterprise;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import cn.luoshi.common.CreditCode;
import cn.luoshi.enterprise.internal.PerMuObjectionRules.Operation;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.NewUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnitKind;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.org.UserAccounts;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.RuleWalk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-mu objection workflow's rule table walked from outside: a run before and after publication, an
 * objection in every status, every role that may meet them, every operation — what the API offers
 * ({@code objectionActions} of the run, {@code allowedActions} of each objection) is exactly what it lets through.
 * The walk evaluates a park of its own with two enterprises that have accounts.
 */
@LuoshiTest
class PerMuObjectionRulesWalkTest {

    /**
     * tjj and duchashi evaluate the whole city, pmw.jb is the park's own handler; pmw-e1 and pmw-e2 are the park's
     * enterprises, qiye1 is not evaluated there; leader and gxj do not evaluate.
     */
    static final List<String> ROLES = List.of("tjj", "duchashi", "pmw.jb", "leader", "gxj", "pmw-e1", "pmw-e2",
            "qiye1", "admin");

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    @Autowired
    UserAccounts accounts;

    private final AtomicInteger serial = new AtomicInteger();

    /** A run, or one objection in it (objection 0 for the run itself). */
    record Made(long run, long objection, int version) {
    }

    /** The park, its two enterprises with their 2025 figures, their accounts and a rule; returns the rule. */
    long park(Api tjj) {
        long city = units.findByCode(DemoCity.CITY).orElseThrow().id();
        OrgUnit park = units.createSystem(city, "990100-TEST-PMW", "亩均走查园", OrgUnitKind.PARK, 91);
        long region = units.findByCode(DemoCity.LINJIANG).orElseThrow().id();
        for (int n = 1; n <= 2; n++) {
            String code = CreditCode.complete(String.format("91990121MA80009%02d", n)).value();
            Map<String, Object> body = new HashMap<>(Map.of("creditCode", code, "name", "亩均走查" + n + "有限公司",
                    "regionId", region, "parkId", park.id(), "landMu", 10 * n));
            Api.Response created = tjj.post("/api/v1/enterprises", body);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            tjj.put("/api/v1/enterprises/" + created.json().path("id").asLong() + "/figures/2025",
                    Map.of("revenue", 3000, "tax", 150, "valueAdded", 400));
            accounts.createSystem(new NewUser("pmw-e" + n, "亩均走查企业" + n, Api.PASSWORD, null, null,
                    Set.of(Role.ENTERPRISE), code, null));
        }
        accounts.createSystem(new NewUser("pmw.jb", "亩均走查园 经办人", Api.PASSWORD, park.id(), null,
                Set.of(Role.UNIT_HANDLER), null, null));
        Api.Response rule = tjj.post("/api/v1/per-mu/rules", Map.of("regionId", park.id(), "year", 2025,
                "name", "走查规则", "grading", "SCORE", "cutA", 100, "cutB", 80, "cutC", 60,
                "indicators", List.of(
                        Map.of("indicator", "TAX_PER_MU", "weight", 60, "benchmark", 10, "cap", 1.5),
                        Map.of("indicator", "VALUE_ADDED_PER_MU", "weight", 40, "benchmark", 50, "cap", 1.5))));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        this.parkId = park.id();
        return rule.json().path("id").asLong();
    }

    private long parkId;

    Made run(Api tjj, long rule, boolean publish) {
        Api.Response started = tjj.post("/api/v1/per-mu/runs", Map.of("region", parkId, "year", 2025, "rule", rule));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        long id = started.json().path("id").asLong();
        int version = started.json().path("version").asInt();
        if (publish) {
            Api.Response published = tjj.post("/api/v1/per-mu/runs/" + id + "/publish", Map.of("version", version));
            assertThat(published.status()).as(published.body()).isEqualTo(200);
            version = published.json().path("version").asInt();
        }
        return new Made(id, 0, version);
    }

    Made objection(Api enterprise, Made run) {
        Api.Response filed = enterprise.post("/api/v1/per-mu/runs/" + run.run() + "/objections",
                Map.of("reason", "走查异议 " + serial.incrementAndGet(), "corrections", Map.of("tax", 200)));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return new Made(run.run(), filed.json().path("id").asLong(), filed.json().path("version").asInt());
    }

    Made decided(Api tjj, Made objection, String decision) {
        Api.Response decided = tjj.post("/api/v1/per-mu/objections/" + objection.objection() + "/" + decision,
                Map.of("note", "走查处理", "version", objection.version()));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        return new Made(objection.run(), objection.objection(), decided.json().path("version").asInt());
    }

    Api.Response attempt(Api api, Operation op, Made made) {
        return switch (op) {
            case FILE -> api.post("/api/v1/per-mu/runs/" + made.run() + "/objections",
                    Map.of("reason", "走查提出异议 " + serial.incrementAndGet()));
            case RESCORE, REJECT -> api.post("/api/v1/per-mu/objections/" + made.objection() + "/"
                    + op.name().toLowerCase(java.util.Locale.ROOT), Map.of("note", "走查决定", "version", made.version()));
        };
    }

    static List<String> offered(Api api, Made made) {
        if (made.objection() == 0) {
            Api.Response run = api.get("/api/v1/per-mu/runs/" + made.run());
            if (run.status() == 404) {
                return List.of();
            }
            assertThat(run.status()).as(run.body()).isEqualTo(200);
            return run.json().path("objectionActions").valueStream().map(JsonNode::asString).toList();
        }
        Api.Response list = api.get("/api/v1/per-mu/runs/" + made.run() + "/objections");
        if (list.status() == 404) {
            return List.of();
        }
        for (JsonNode o : list.json()) {
            if (o.path("id").asLong() == made.objection()) {
                return o.path("allowedActions").valueStream().map(JsonNode::asString).toList();
            }
        }
        return List.of();
    }

    static String fingerprint(Api tjj, Made made) {
        JsonNode run = tjj.get("/api/v1/per-mu/runs/" + made.run()).json();
        StringBuilder print = new StringBuilder(run.path("status").asString() + "/v" + run.path("version").asInt());
        for (JsonNode o : tjj.get("/api/v1/per-mu/runs/" + made.run() + "/objections").json()) {
            print.append(" ").append(o.path("id").asLong()).append(":").append(o.path("status").asString())
                    .append("/v").append(o.path("version").asInt());
        }
        return print.toString();
    }

    @Test
    void everyOperationOfferedIsAllowedAndEveryOtherIsRefused() {
        try (RuleWalk walk = new RuleWalk("per-mu objections", port)) {
            Api tjj = walk.as("tjj");
            long rule = park(tjj);
            Map<String, Supplier<Made>> states = new LinkedHashMap<>();
            states.put("DRAFT run", () -> run(tjj, rule, false));
            states.put("PUBLISHED run", () -> run(tjj, rule, true));
            states.put("PUBLISHED run, pmw-e1's objection open", () -> {
                Made run = run(tjj, rule, true);
                objection(walk.as("pmw-e1"), run);
                return run;
            });
            states.put("FILED objection", () -> objection(walk.as("pmw-e1"), run(tjj, rule, true)));
            states.put("RESCORED objection", () -> decided(tjj, objection(walk.as("pmw-e1"), run(tjj, rule, true)),
                    "rescore"));
            states.put("REJECTED objection", () -> decided(tjj, objection(walk.as("pmw-e1"), run(tjj, rule, true)),
                    "reject"));
            Map<String, Made> shared = new LinkedHashMap<>();
            Map<String, String> before = new LinkedHashMap<>();
            int combinations = 0;
            for (var state : states.entrySet()) {
                Made made = state.getValue().get();
                shared.put(state.getKey(), made);
                before.put(state.getKey(), fingerprint(tjj, made));
                List<Operation> operations = made.objection() == 0 ? List.of(Operation.FILE)
                        : List.of(Operation.RESCORE, Operation.REJECT);
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
                String after = fingerprint(tjj, state.getValue());
                walk.expect(after.equals(before.get(state.getKey())), state.getKey()
                        + ": refused operations changed the run: " + before.get(state.getKey()) + " → " + after);
            }
            walk.finish(combinations);
            // 3 run states × 9 roles × FILE + 3 objection states × 9 roles × (RESCORE, REJECT).
            assertThat(combinations).isEqualTo(81);
        }
    }
}
