package cn.luoshi.org;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md: a user sees its own org unit and the units below it, through the UI or the API. A handler of 城关区
 * must neither read nor change anything of 江南区; even an administrator scoped to 城关区 cannot.
 */
@LuoshiTest
class DataScopeTest {

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    @Autowired
    UserAccounts accounts;

    long jiangnan;
    long chengguan;

    @BeforeEach
    void findUnits() {
        jiangnan = units.findByCode(DemoCity.JIANGNAN).orElseThrow().id();
        chengguan = units.findByCode(DemoCity.CHENGGUAN).orElseThrow().id();
        if (accounts.findByUsername("cgqadmin").isEmpty()) {
            accounts.createSystem(new NewUser("cgqadmin", "城关区 管理员", Api.PASSWORD, chengguan, null,
                    Set.of(Role.ADMIN), null, null));
        }
    }

    @Test
    void aDistrictHandlerSeesOnlyItsDistrict() {
        Api cgq = Api.as(port, "cgq");
        String tree = cgq.get("/api/v1/org-units").body();
        assertThat(tree).contains("城关区").doesNotContain("江南区").doesNotContain("示例市");
        assertThat(cgq.get("/api/v1/org-units/" + jiangnan).status()).isEqualTo(404);
        assertThat(cgq.get("/api/v1/org-units/" + jiangnan + "/children").status()).isEqualTo(404);
        assertThat(cgq.get("/api/v1/org-units/search?q=江南").json().path("totalElements").asLong()).isZero();
        assertThat(cgq.get("/api/v1/org-units/" + chengguan).status()).isEqualTo(200);
    }

    @Test
    void aHandlerCannotChangeUnitsAtAll() {
        var jn = units.get(jiangnan);
        Api.Response response = Api.as(port, "cgq").patch("/api/v1/org-units/" + jiangnan,
                Map.of("name", "改名", "version", jn.version()));
        assertThat(response.status()).isEqualTo(403);
        assertThat(units.get(jiangnan).name()).isEqualTo("江南区");
    }

    @Test
    void aDistrictAdministratorCannotReachAnotherDistrict() {
        Api admin = Api.as(port, "cgqadmin");
        var jn = units.get(jiangnan);
        assertThat(admin.patch("/api/v1/org-units/" + jiangnan, Map.of("name", "改名", "version", jn.version()))
                .status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/org-units", Map.of("parentId", jiangnan, "name", "新部门", "kind",
                "DEPARTMENT")).status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/org-units/" + jiangnan + "/deactivate", Map.of("version", jn.version()))
                .status()).isEqualTo(404);
        assertThat(units.get(jiangnan)).isEqualTo(jn);

        String users = admin.get("/api/v1/users?size=200").body();
        assertThat(users).contains("cgq").doesNotContain("\"jnq\"").doesNotContain("duchashi");
        long jnq = accounts.findByUsername("jnq").orElseThrow().id();
        assertThat(admin.get("/api/v1/users/" + jnq).status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/users/" + jnq + "/password", Map.of("password", "Hijack2026x")).status())
                .isEqualTo(404);
        Api.Response planted = admin.post("/api/v1/users", Map.of("username", "planted", "displayName", "越权",
                "password", "Planted2026", "unitId", jiangnan, "roles", List.of("UNIT_HANDLER")));
        assertThat(planted.status()).isEqualTo(400);
        assertThat(planted.json().path("errors").get(0).path("field").asString()).isEqualTo("unitId");
        assertThat(accounts.findByUsername("planted")).isEmpty();
    }

    @Test
    void theCitySupervisorSeesTheWholeCityButNotThePeerCity() {
        String tree = Api.as(port, "duchashi").get("/api/v1/org-units").body();
        assertThat(tree).contains("示例市", "城关区", "江南区", "市工业和信息化局").doesNotContain("友邻市");
    }

    @Test
    void anEnterpriseSeesNoOrgData() {
        Api qiye = Api.as(port, "qiye1");
        assertThat(qiye.get("/api/v1/org-units").json().size()).isZero();
        assertThat(qiye.get("/api/v1/me").json().path("scope").path("creditCode").asString())
                .isEqualTo(DemoCity.QIYE1_CREDIT_CODE);
    }
}
