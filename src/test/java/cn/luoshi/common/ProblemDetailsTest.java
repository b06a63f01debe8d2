package cn.luoshi.common;

import java.util.Map;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
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
        var page = Api.as(port, "admin").get("/api/v1/users?page=0&size=5").json();
        assertThat(page.path("content").size()).isEqualTo(5);
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(5);
        assertThat(page.path("totalElements").asLong()).isGreaterThan(5);
        assertThat(Api.as(port, "admin").get("/api/v1/users?size=100000").json().path("size").asInt())
                .isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentIsServed() {
        var doc = Api.as(port, "admin").get("/v3/api-docs").json();
        assertThat(doc.path("paths").has("/api/v1/org-units")).isTrue();
    }
}
