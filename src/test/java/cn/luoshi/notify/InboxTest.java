package cn.luoshi.notify;

import java.util.List;
import java.util.Set;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.org.UserAccounts;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@LuoshiTest
class InboxTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    OrgUnits units;

    @Autowired
    UserAccounts accounts;

    @Test
    void aMessageToAUnitReachesItsHandlersOnceEvenIfSentTwice() {
        long gxj = units.findByCode(DemoCity.GXJ).orElseThrow().id();
        var request = new NotificationRequested(Recipients.unit(gxj, Set.of(Role.UNIT_HANDLER)), "TEST",
                "请报送“122”技改项目进展", "本周五前报送", "/tasks", "inbox-test-once");
        transactions.executeWithoutResult(s -> events.publishEvent(request));
        transactions.executeWithoutResult(s -> events.publishEvent(request));

        Api handler = Api.as(port, "gxj");
        var page = handler.get("/api/v1/notifications?unread=true").json();
        assertThat(page.path("content").findValuesAsString("title").stream()
                .filter(t -> t.equals("请报送“122”技改项目进展")).count()).isEqualTo(1);
        assertThat(Api.as(port, "gxjfzr").get("/api/v1/notifications").body()).doesNotContain("122");
        assertThat(Api.as(port, "zjj").get("/api/v1/notifications").body()).doesNotContain("122");

        long id = page.path("content").get(0).path("id").asLong();
        assertThat(Api.as(port, "zjj").post("/api/v1/notifications/" + id + "/read", "").status()).isEqualTo(404);
        assertThat(handler.post("/api/v1/notifications/" + id + "/read", "").status()).isEqualTo(204);
    }

    @Test
    void overseersAreTheUsersWhoseScopeCoversTheUnit() {
        long gxj = units.findByCode(DemoCity.GXJ).orElseThrow().id();
        long unreadBefore = Api.as(port, "duchashi").get("/api/v1/notifications/unread-count").json()
                .path("unread").asLong();
        var request = new NotificationRequested(Recipients.overseersOf(gxj, Set.of(Role.SUPERVISOR)), "TEST",
                "工信局任务亮红灯", "", "/tasks", "inbox-test-overseer");
        transactions.executeWithoutResult(s -> events.publishEvent(request));
        assertThat(Api.as(port, "duchashi").get("/api/v1/notifications?q=工信局任务亮红灯").body()).contains("工信局任务亮红灯");
        assertThat(Api.as(port, "gxj").get("/api/v1/notifications").body()).doesNotContain("工信局任务亮红灯");
        long duchashi = accounts.findByUsername("duchashi").orElseThrow().id();
        var named = new NotificationRequested(Recipients.users(List.of(duchashi)), "TEST", "点名消息", "", null, null);
        transactions.executeWithoutResult(s -> events.publishEvent(named));
        assertThat(Api.as(port, "duchashi").get("/api/v1/notifications/unread-count").json().path("unread").asLong())
                .isEqualTo(unreadBefore + 2);
    }
}
