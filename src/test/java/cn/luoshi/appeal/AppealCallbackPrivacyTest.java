package cn.luoshi.appeal;

import java.util.Map;

import cn.luoshi.appeal.internal.PublicIntakeGuard;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervision office's callback notes (who called, the phone it reached, what was said) are internal: the
 * offices handling the appeal read them; the enterprise that filed it reads neither the callbacks nor their trace in
 * the history, through the API, its page or the follow-up by token.
 */
@LuoshiTest
class AppealCallbackPrivacyTest {

    static final String NOTE = "回访王经理 13907140001，企业表示已解决";

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    @Autowired
    PublicIntakeGuard guard;

    @BeforeEach
    @AfterEach
    void reset() {
        guard.reset("127.0.0.1");
    }

    JsonNode transition(String user, long id, Map<String, Object> body) {
        Api.Response r = Api.as(port, user).post("/api/v1/appeals/" + id + "/transitions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void anEnterpriseReadsNoCallbackOfItsOwnAppeal() {
        Map<String, Object> body = AppealSupport.publicAppeal("FUNDING", "回访保密");
        body.put("responsibleUnitId", units.findByCode(DemoCity.SWJ).orElseThrow().id());
        body.put("channel", "STAFF_PHONE");
        Api.Response filed = Api.as(port, "ysj").post("/api/v1/appeals", body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long id = filed.json().path("id").asLong();
        String code = filed.json().path("code").asString();
        String token = filed.json().path("followUpToken").asString();
        int v = Api.as(port, "ysj").get("/api/v1/appeals/" + id).json().path("version").asInt();
        v = transition("swj", id, Map.of("action", "ACCEPT", "version", v)).path("version").asInt();
        transition("swj", id, Map.of("action", "ANSWER", "version", v, "answer", "已协调银行办理。"));
        Api.Response callback = Api.as(port, "duchashi").post("/api/v1/appeals/" + id + "/callbacks",
                Map.of("outcome", "CONFIRMED", "note", NOTE));
        assertThat(callback.status()).as(callback.body()).isEqualTo(201);

        // The offices read it.
        JsonNode office = Api.as(port, "duchashi").get("/api/v1/appeals/" + id + "/callbacks").json();
        assertThat(office.size()).isEqualTo(1);
        assertThat(office.get(0).path("note").asString()).isEqualTo(NOTE);
        assertThat(Api.as(port, "swj").get("/api/v1/appeals/" + id + "/callbacks").json().size()).isEqualTo(1);

        // The enterprise does not.
        Api qiye = Api.as(port, "qiye1");
        assertThat(qiye.get("/api/v1/appeals/" + id).status()).isEqualTo(200);
        Api.Response refused = qiye.get("/api/v1/appeals/" + id + "/callbacks");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asString()).isEqualTo("回访记录仅供办理诉求的机关内部查看");
        assertThat(refused.body()).doesNotContain("13907140001");
        Api.Response history = qiye.get("/api/v1/appeals/" + id + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().findValuesAsString("action")).contains("ANSWER").doesNotContain("CALLBACK");
        assertThat(history.body()).doesNotContain("13907140001").doesNotContain("duchashi");
        Api.Response page = qiye.get("/appeals/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(code).doesNotContain("13907140001");
        Api.Response track = Api.anonymous(port).get("/api/v1/appeals/track?code=" + code + "&token=" + token);
        assertThat(track.status()).isEqualTo(200);
        assertThat(track.body()).doesNotContain("13907140001");
        // The office's own history keeps the callback.
        assertThat(Api.as(port, "duchashi").get("/api/v1/appeals/" + id + "/history").body())
                .contains("13907140001");
    }
}
