package cn.luoshi.audit;

import java.util.Map;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@LuoshiTest
class AuditChainTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrgUnits units;

    @Test
    void everyChangeIsLoggedWithActorAndBeforeAndAfter() {
        var unit = units.findByCode(DemoCity.PARK).orElseThrow();
        Api admin = Api.as(port, "admin");
        assertThat(admin.patch("/api/v1/org-units/" + unit.id(), Map.of("name", "示例市工业集中区（整合后）",
                "code", DemoCity.PARK, "version", unit.version())).status()).isEqualTo(200);
        var latest = admin.get("/api/v1/audit/events?entityType=OrgUnit&entityId=" + unit.id()).json()
                .path("content").get(0);
        assertThat(latest.path("actor").asString()).isEqualTo("admin");
        assertThat(latest.path("action").asString()).isEqualTo("org.unit.renamed");
        assertThat(latest.path("before").asString()).contains("示例市工业集中区\"");
        assertThat(latest.path("after").asString()).contains("示例市工业集中区（整合后）");
        // put the name back for the other tests
        var renamed = units.get(unit.id());
        admin.patch("/api/v1/org-units/" + unit.id(), Map.of("name", "示例市工业集中区", "code", DemoCity.PARK,
                "version", renamed.version()));
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteAuditRows() {
        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'x' where id = (select min(id) from audit_event)")
                .update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update()).hasMessageContaining("append-only");
    }

    @Test
    void alteringARowAroundTheGuardIsDetectedByTheChain() {
        Api admin = Api.as(port, "admin");
        assertThat(admin.get("/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();

        long victim = jdbc.sql("select min(id) + 3 from audit_event").query(Long.class).single();
        String original = jdbc.sql("select summary from audit_event where id = ?").param(victim)
                .query(String.class).single();
        // Someone with owner rights switches the guard off and edits history.
        jdbc.sql("alter table audit_event disable trigger audit_event_no_update").update();
        try {
            jdbc.sql("update audit_event set summary = '篡改' where id = ?").param(victim).update();
            var verdict = admin.get("/api/v1/audit/verify").json();
            assertThat(verdict.path("intact").asBoolean()).isFalse();
            assertThat(verdict.path("firstBrokenId").asLong()).isEqualTo(victim);
            assertThat(verdict.path("reason").asString()).contains("篡改");
        } finally {
            jdbc.sql("update audit_event set summary = ? where id = ?").params(original, victim).update();
            jdbc.sql("alter table audit_event enable trigger audit_event_no_update").update();
        }
        assertThat(admin.get("/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
    }

    @Test
    void unitHandlersCannotReadTheAuditLog() {
        assertThat(Api.as(port, "gxj").get("/api/v1/audit/events").status()).isEqualTo(403);
    }

    @Test
    void theSupervisorReadsOnlyEventsOfItsScope() {
        String events = Api.as(port, "duchashi").get("/api/v1/audit/events?size=200&entityType=OrgUnit").body();
        assertThat(events).contains("示例市").doesNotContain("友邻市");
    }
}
