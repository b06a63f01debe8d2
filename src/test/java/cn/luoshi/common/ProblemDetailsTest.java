package cn.luoshi.common;

import java.util.Map;
import java.util.Set;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.NewUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.org.UserAccounts;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets RFC 9457 problem details in Chinese and English, and changes nothing. */
@LuoshiTest
class ProblemDetailsTest {

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    @Autowired
    UserAccounts accounts;

    @Test
    void missingFieldsAreNamedInBothLanguages() {
        Api.Response response = Api.as(port, "admin").post("/api/v1/org-units", Map.of("code", "X1"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        var body = response.json();
        assertThat(body.path("status").asInt()).isEqualTo(400);
        assertThat(body.path("detail").asString()).contains("有误");
        assertThat(body.path("detailEn").asString()).contains("not valid");
        var fields = body.path("errors").findValuesAsString("field");
        assertThat(fields).contains("name", "kind");
        assertThat(body.path("errors").get(0).path("message").asString()).isEqualTo("必填");
        assertThat(body.path("errors").get(0).path("messageEn").asString()).isEqualTo("required");
    }

    @Test
    void malformedJsonAndWrongTypesAreRefusedClearly() {
        Api admin = Api.as(port, "admin");
        assertThat(admin.post("/api/v1/org-units", "{not json").json().path("code").asString())
                .isEqualTo("error.unreadable");
        assertThat(admin.get("/api/v1/org-units/abc").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/org-units", Map.of("name", "x", "kind", "PLANET")).status())
                .isEqualTo(400);
    }

    @Test
    void aStaleVersionGets409AndChangesNothing() {
        var unit = units.findByCode(DemoCity.SWJ).orElseThrow();
        Api admin = Api.as(port, "admin");
        Api.Response first = admin.patch("/api/v1/org-units/" + unit.id(),
                Map.of("name", unit.name(), "code", unit.code(), "version", unit.version()));
        assertThat(first.status()).isEqualTo(200);
        Api.Response stale = admin.patch("/api/v1/org-units/" + unit.id(),
                Map.of("name", "过期的改名", "code", unit.code(), "version", unit.version()));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("detail").asString()).contains("已被他人修改");
        assertThat(units.get(unit.id()).name()).isEqualTo(unit.name());
    }

    @Test
    void unknownRecordsAre404() {
        Api.Response response = Api.as(port, "admin").get("/api/v1/org-units/999999");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("detail").asString()).contains("未找到单位");
    }

    @Test
    void listsArePaged() {
        // Seven accounts of its own, so the figures do not depend on what else is in the database.
        OrgUnit unit = units.findByCode(DemoCity.CHENGGUAN).orElseThrow();
        for (int i = 1; i <= 7; i++) {
            String username = "paging-probe-" + i;
            if (accounts.findByUsername(username).isEmpty()) {
                accounts.createSystem(new NewUser(username, "分页 " + i, Api.PASSWORD, unit.id(), null,
                        Set.of(Role.UNIT_HANDLER), null, null));
            }
        }
        Api admin = Api.as(port, "admin");
        var first = admin.get("/api/v1/users?q=paging-probe&page=0&size=5").json();
        assertThat(first.path("content").findValuesAsString("username")).containsExactly("paging-probe-1",
                "paging-probe-2", "paging-probe-3", "paging-probe-4", "paging-probe-5");
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(5);
        assertThat(first.path("totalElements").asLong()).isEqualTo(7);
        var second = admin.get("/api/v1/users?q=paging-probe&page=1&size=5").json();
        assertThat(second.path("content").findValuesAsString("username")).containsExactly("paging-probe-6",
                "paging-probe-7");
        assertThat(second.path("totalElements").asLong()).isEqualTo(7);
        assertThat(admin.get("/api/v1/users?size=100000").json().path("size").asInt()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentIsServed() {
        var doc = Api.as(port, "admin").get("/v3/api-docs").json();
        assertThat(doc.path("paths").has("/api/v1/org-units")).isTrue();
    }
}
