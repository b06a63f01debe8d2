package cn.luoshi.appeal;

import java.util.List;
import java.util.Map;

import cn.luoshi.appeal.internal.PublicIntakeGuard;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole life of an appeal through the HTTP API, with every role checked and every wrong step refused. */
@LuoshiTest
class AppealApiTest {

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    @Autowired
    MutableClock clock;

    @Autowired
    PublicIntakeGuard guard;

    @BeforeEach
    @AfterEach
    void reset() {
        clock.reset();
        guard.reset("127.0.0.1");
    }

    long unit(String code) {
        return units.findByCode(code).orElseThrow().id();
    }

    JsonNode transition(String user, long id, Map<String, Object> body, int expectedStatus) {
        Api.Response r = Api.as(port, user).post("/api/v1/appeals/" + id + "/transitions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(expectedStatus);
        return r.json();
    }

    int version(long id) {
        return Api.as(port, "ysj").get("/api/v1/appeals/" + id).json().path("version").asInt();
    }

    @Test
    void anEnterpriseFilesPubliclyTheUnitAnswersInTimeTheEnterpriseRatesAndTheStatisticsCountIt() {
        JsonNode before = Api.as(port, "duchashi").get("/api/v1/appeals/stats?from=2025-08-01&to=2026-07-31").json().path("overall");

        Api.Response filed = Api.anonymous(port).post("/api/v1/appeals", AppealSupport.publicAppeal("POWER", "流程"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        JsonNode receipt = filed.json();
        // The public answer carries the code and the token and nothing else.
        assertThat(receipt.propertyNames()).containsExactlyInAnyOrder("code", "followUpToken", "trackUrl");
        String code = receipt.path("code").asString();
        String token = receipt.path("followUpToken").asString();
        assertThat(code).startsWith("SQ2026");

        JsonNode tracked = Api.anonymous(port).get("/api/v1/appeals/track?code=" + code + "&token=" + token).json();
        assertThat(tracked.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(Api.anonymous(port).get("/api/v1/appeals/track?code=" + code + "&token=wrong").status())
                .isEqualTo(404);

        JsonNode list = Api.as(port, "ysj").get("/api/v1/appeals?status=SUBMITTED&q=" + code).json();
        assertThat(list.path("totalElements").asLong()).isEqualTo(1);
        long id = list.path("content").get(0).path("id").asLong();
        JsonNode appeal = list.path("content").get(0);
        assertThat(appeal.path("dispatchUnit").path("name").asString()).isEqualTo("市营商环境建设局");

        // The unit cannot accept what has not been dispatched; nothing changes.
        JsonNode refused = transition("gxj", id, Map.of("action", "ACCEPT", "version", appeal.path("version").asInt()),
                404);
        assertThat(refused.path("status").asInt()).isEqualTo(404);

        JsonNode dispatched = transition("ysj", id, Map.of("action", "DISPATCH", "version",
                appeal.path("version").asInt(), "unitId", unit(DemoCity.GXJ), "coUnitIds", List.of(unit(DemoCity.FGW))),
                200);
        assertThat(dispatched.path("status").asString()).isEqualTo("DISPATCHED");
        assertThat(dispatched.path("responsibleUnit").path("name").asString()).isEqualTo("市工业和信息化局");
        assertThat(dispatched.path("coUnits").get(0).path("name").asString()).isEqualTo("市发展和改革委员会");
        // Dispatched at 2026-07-15 09:00 (Wednesday): signed for within two office hours.
        assertThat(dispatched.path("acceptDueAt").asString()).startsWith("2026-07-15T11:00");
        // POWER is a 5-working-day category: due on Wednesday 22 July at close of office.
        assertThat(dispatched.path("answerDueAt").asString()).startsWith("2026-07-22T17:30");

        // Answering before signing is refused in Chinese, with no change.
        int v = dispatched.path("version").asInt();
        JsonNode early = transition("gxj", id, Map.of("action", "ANSWER", "version", v, "answer", "已协调"), 409);
        assertThat(early.path("detail").asString()).contains("尚未签收");
        assertThat(version(id)).isEqualTo(v);
        // The co-unit sees the appeal but is not its handler.
        assertThat(Api.as(port, "fgw").get("/api/v1/appeals/" + id).status()).isEqualTo(200);
        assertThat(transition("fgw", id, Map.of("action", "ACCEPT", "version", v), 403).path("detail").asString())
                .contains("责任单位");

        // A stale version gets 409 too.
        transition("gxj", id, Map.of("action", "ACCEPT", "version", v - 1), 409);
        clock.advance(java.time.Duration.ofHours(1));
        JsonNode accepted = transition("gxj", id, Map.of("action", "ACCEPT", "version", v), 200);
        assertThat(accepted.path("status").asString()).isEqualTo("ACCEPTED");
        clock.advance(java.time.Duration.ofDays(2));
        JsonNode answered = transition("gxj", id, Map.of("action", "ANSWER", "version",
                accepted.path("version").asInt(), "answer", "已协调供电公司，增容方案下周实施。"), 200);
        assertThat(answered.path("status").asString()).isEqualTo("ANSWERED");
        assertThat(answered.path("overdue").asBoolean()).isFalse();

        // The filing enterprise's account hears of the answer in its inbox; the other enterprise does not.
        assertThat(Api.as(port, "qiye1").get("/api/v1/notifications?unread=true").body())
                .contains("您的诉求已答复：" + code);
        assertThat(Api.as(port, "qiye2").get("/api/v1/notifications").body()).doesNotContain(code);

        // Another enterprise never sees it; the filer's account does and rates it.
        assertThat(Api.as(port, "qiye2").get("/api/v1/appeals/" + id).status()).isEqualTo(404);
        assertThat(Api.as(port, "qiye2").get("/api/v1/appeals?q=" + code).json().path("totalElements").asLong())
                .isZero();
        assertThat(Api.as(port, "qiye2").post("/api/v1/appeals/" + id + "/rating", Map.of("rating", "SATISFIED"))
                .status()).isEqualTo(404);
        Api.Response rated = Api.as(port, "qiye1").post("/api/v1/appeals/" + id + "/rating",
                Map.of("rating", "SATISFIED", "comment", "响应很快"));
        assertThat(rated.status()).as(rated.body()).isEqualTo(200);
        assertThat(rated.json().path("status").asString()).isEqualTo("CLOSED");
        assertThat(rated.json().path("closeReason").asString()).isEqualTo("RATED");

        JsonNode history = Api.as(port, "qiye1").get("/api/v1/appeals/" + id + "/history").json();
        assertThat(history.findValuesAsString("action")).containsExactly("FILE", "DISPATCH", "ACCEPT", "ANSWER",
                "RATE");

        JsonNode after = Api.as(port, "duchashi").get("/api/v1/appeals/stats?from=2025-08-01&to=2026-07-31").json().path("overall");
        assertThat(after.path("total").asLong()).isEqualTo(before.path("total").asLong() + 1);
        assertThat(after.path("acceptedOnTime").asLong()).isEqualTo(before.path("acceptedOnTime").asLong() + 1);
        assertThat(after.path("answeredOnTime").asLong()).isEqualTo(before.path("answeredOnTime").asLong() + 1);
        assertThat(after.path("resolved").asLong()).isEqualTo(before.path("resolved").asLong() + 1);
        assertThat(after.path("satisfied").asLong()).isEqualTo(before.path("satisfied").asLong() + 1);
        JsonNode gxj = Api.as(port, "duchashi").get("/api/v1/appeals/stats?unit=" + unit(DemoCity.GXJ)).json();
        assertThat(gxj.path("byUnit").findValuesAsString("label")).containsExactly("市工业和信息化局");
    }

    @Test
    void anUnsatisfiedRatingReopensOnceAndFlagsTheAppealForTheSupervisor() {
        Map<String, Object> body = AppealSupport.publicAppeal("FUNDING", "不满意");
        body.put("responsibleUnitId", unit(DemoCity.SWJ));
        body.put("channel", "STAFF_PHONE");
        Api.Response filed = Api.as(port, "ysj").post("/api/v1/appeals", body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long id = filed.json().path("id").asLong();
        String token = filed.json().path("followUpToken").asString();
        assertThat(filed.json().path("status").asString()).isEqualTo("DISPATCHED");

        int v = version(id);
        v = transition("swj", id, Map.of("action", "ACCEPT", "version", v), 200).path("version").asInt();
        v = transition("swj", id, Map.of("action", "ANSWER", "version", v, "answer", "建议企业自行联系银行。"), 200)
                .path("version").asInt();

        // Rated with the follow-up token, no account needed.
        Api.Response rated = Api.anonymous(port).post("/api/v1/appeals/" + id + "/rating",
                Map.of("rating", "UNSATISFIED", "comment", "没有实际帮助", "token", token));
        assertThat(rated.status()).as(rated.body()).isEqualTo(200);
        assertThat(rated.json().path("status").asString()).isEqualTo("REOPENED");
        assertThat(rated.json().path("supervisorFlag").asBoolean()).isTrue();
        assertThat(Api.as(port, "duchashi").get("/api/v1/appeals?flagged=true&q=" + filed.json().path("code")
                .asString()).json().path("totalElements").asLong()).isEqualTo(1);
        // The supervisor's inbox holds many messages from the shared demo city; search it for this appeal.
        JsonNode inbox = Api.as(port, "duchashi").get("/api/v1/notifications?q="
                + filed.json().path("code").asString()).json();
        assertThat(inbox.path("totalElements").asLong()).isPositive();
        assertThat(inbox.toString()).contains(filed.json().path("code").asString());

        v = rated.json().path("version").asInt();
        v = transition("swj", id, Map.of("action", "ANSWER", "version", v, "answer", "已协调银行给予续贷。"), 200)
                .path("version").asInt();
        Api.Response again = Api.anonymous(port).post("/api/v1/appeals/" + id + "/rating",
                Map.of("rating", "UNSATISFIED", "token", token));
        assertThat(again.json().path("status").asString()).isEqualTo("CLOSED");
        assertThat(again.json().path("closeReason").asString()).isEqualTo("UNSATISFIED_AGAIN");
        // Reopening is allowed once only.
        JsonNode refused = transition("duchashi", id, Map.of("action", "REOPEN", "version",
                again.json().path("version").asInt(), "reason", "再办一次"), 409);
        assertThat(refused.path("detail").asString()).contains("已重新办理过一次");

        // The supervisor records a callback.
        Api.Response callback = Api.as(port, "duchashi").post("/api/v1/appeals/" + id + "/callbacks",
                Map.of("outcome", "DISAGREES", "note", "企业认为续贷额度不足"));
        assertThat(callback.status()).as(callback.body()).isEqualTo(201);
        assertThat(Api.as(port, "gxj").post("/api/v1/appeals/" + id + "/callbacks",
                Map.of("outcome", "CONFIRMED")).status()).isEqualTo(403);
        // The sample for callbacks leaves out what has been called back already.
        JsonNode sample = Api.as(port, "duchashi").get("/api/v1/appeals/callback-sample?size=100").json();
        assertThat(sample.findValuesAsString("code")).isNotEmpty().doesNotContain(filed.json().path("code").asString());
        assertThat(Api.as(port, "gxj").get("/api/v1/appeals/callback-sample").status()).isEqualTo(403);
        assertThat(Api.as(port, "duchashi").get("/appeals/callback-sample").body()).contains("随机抽取");
    }

    @Test
    void aTransferKeepsHistoryAndNeedsAReason() {
        Map<String, Object> body = AppealSupport.publicAppeal("LAND", "转办");
        body.put("responsibleUnitId", unit(DemoCity.ZJJ));
        body.put("channel", "STAFF_VISIT");
        long id = Api.as(port, "ysj").post("/api/v1/appeals", body).json().path("id").asLong();
        int v = version(id);
        JsonNode noReason = transition("zjj", id, Map.of("action", "TRANSFER", "version", v, "unitId",
                unit(DemoCity.ZRZYJ)), 400);
        assertThat(noReason.path("errors").findValuesAsString("field")).contains("reason");
        JsonNode moved = transition("zjj", id, Map.of("action", "TRANSFER", "version", v, "unitId",
                unit(DemoCity.ZRZYJ), "reason", "用地报批属自然资源部门职责"), 200);
        assertThat(moved.path("status").asString()).isEqualTo("DISPATCHED");
        assertThat(moved.path("responsibleUnit").path("name").asString()).isEqualTo("市自然资源和规划局");
        // The former unit no longer sees it; the history names both units and the reason.
        assertThat(Api.as(port, "zjj").get("/api/v1/appeals/" + id).status()).isEqualTo(404);
        JsonNode history = Api.as(port, "ysj").get("/api/v1/appeals/" + id + "/history").json();
        JsonNode transfer = history.get(history.size() - 1);
        assertThat(transfer.path("action").asString()).isEqualTo("TRANSFER");
        assertThat(transfer.path("fromUnit").asString()).isEqualTo("市住房和城乡建设局");
        assertThat(transfer.path("toUnit").asString()).isEqualTo("市自然资源和规划局");
        assertThat(transfer.path("note").asString()).contains("自然资源部门");
    }

    @Test
    void badInputIsRefusedClearlyAndStoredTextIsKeptAsTyped() {
        Map<String, Object> body = AppealSupport.publicAppeal("POLICY", "校验");
        body.put("creditCode", "91990100MA0000001X");
        body.put("contactPhone", "call me");
        Api.Response bad = Api.anonymous(port).post("/api/v1/appeals", body);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field")).contains("creditCode", "contactPhone");
        assertThat(bad.json().path("errors").findValuesAsString("message"))
                .anyMatch(m -> m.contains("统一社会信用代码不正确"));

        Map<String, Object> script = AppealSupport.publicAppeal("POLICY", "脚本");
        String content = "<script>alert('x')</script> 奖补资金\"未到账\" & 请尽快处理";
        script.put("content", content);
        Api.Response filed = Api.anonymous(port).post("/api/v1/appeals", script);
        assertThat(filed.status()).isEqualTo(201);
        String code = filed.json().path("code").asString();
        JsonNode stored = Api.as(port, "ysj").get("/api/v1/appeals?q=" + code).json().path("content").get(0);
        assertThat(stored.path("content").asString()).isEqualTo(content);

        Map<String, Object> nul = AppealSupport.publicAppeal("POLICY", "控制字符");
        nul.put("content", "有一个\u0000控制字符的内容");
        assertThat(Api.anonymous(port).post("/api/v1/appeals", nul).status()).isEqualTo(400);
    }

    @Test
    void aFloodFromOneAddressGets429InChinese() {
        Api.Response last = null;
        for (int i = 0; i < 12; i++) {
            last = Api.anonymous(port).post("/api/v1/appeals", AppealSupport.publicAppeal("OTHER", "洪水" + i));
            if (last.status() == 429) {
                break;
            }
            assertThat(last.status()).as(last.body()).isEqualTo(201);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(last.json().path("detail").asString()).contains("提交过于频繁");
    }

    @Test
    void aSignedInEnterpriseIsWarnedOfALikelyDuplicateAndMayConfirm() {
        Map<String, Object> body = AppealSupport.publicAppeal("RECRUITMENT", "重复");
        Api qiye1 = Api.as(port, "qiye1");
        assertThat(qiye1.post("/api/v1/appeals", body).status()).isEqualTo(201);
        Map<String, Object> again = new java.util.HashMap<>(body);
        again.put("content", body.get("content") + "。");
        Api.Response warned = qiye1.post("/api/v1/appeals", again);
        assertThat(warned.status()).isEqualTo(409);
        assertThat(warned.json().path("detail").asString()).contains("可能重复");
        again.put("confirmDuplicate", true);
        Api.Response confirmed = qiye1.post("/api/v1/appeals", again);
        assertThat(confirmed.status()).isEqualTo(201);
        JsonNode stored = qiye1.get("/api/v1/appeals/" + confirmed.json().path("id").asLong()).json();
        assertThat(stored.path("possibleDuplicateOf").asString()).startsWith("SQ");
        // The public form never reveals another filing: the same text anonymously is filed and only flagged.
        Api.Response anonymous = Api.anonymous(port).post("/api/v1/appeals", again);
        assertThat(anonymous.status()).isEqualTo(201);
        assertThat(anonymous.body()).doesNotContain("可能重复");
    }
}
