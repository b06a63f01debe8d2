package cn.luoshi.org;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.luoshi.common.CreditCode;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every account an administrator opens lies inside the administrator's own scope: a district administrator can
 * neither open an administrator without a unit (which would see the whole system) nor an enterprise account for an
 * enterprise of another district; a global administrator can do both.
 */
@LuoshiTest
class AccountScopeTest {

    /** The first enterprise of 江南区 in the demo register. */
    static final String JIANGNAN_ENTERPRISE = CreditCode.complete("91990104MA0000001").value();

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    @Autowired
    UserAccounts accounts;

    long chengguan;

    @BeforeEach
    void districtAdministrator() {
        chengguan = units.findByCode(DemoCity.CHENGGUAN).orElseThrow().id();
        if (accounts.findByUsername("acctscope-cgadmin").isEmpty()) {
            accounts.createSystem(new NewUser("acctscope-cgadmin", "城关区 管理员（账号范围）", Api.PASSWORD, chengguan,
                    null, Set.of(Role.ADMIN), null, null));
        }
    }

    @Test
    void aDistrictAdministratorCannotOpenAGlobalAdministrator() {
        Api admin = Api.as(port, "acctscope-cgadmin");
        Api.Response response = admin.post("/api/v1/users", Map.of("username", "acctscope-global",
                "displayName", "越权全局", "password", "Global2026x", "roles", List.of("ADMIN")));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("code").asString()).isEqualTo("org.error.globalOnlyByGlobal");
        assertThat(response.json().path("detail").asString()).startsWith("只有全局管理员");
        assertThat(accounts.findByUsername("acctscope-global")).isEmpty();

        // Nor turn an account of its district into one by taking its unit away.
        UserAccount handler = accounts.findByUsername("acctscope-cghandler").orElseGet(() -> accounts.createSystem(
                new NewUser("acctscope-cghandler", "城关区 经办（账号范围）", Api.PASSWORD, chengguan, null,
                        Set.of(Role.UNIT_HANDLER), null, null)));
        Api.Response promoted = admin.put("/api/v1/users/" + handler.id(), Map.of("displayName", "越权全局",
                "roles", List.of("ADMIN"), "enabled", true, "version", handler.version()));
        assertThat(promoted.status()).isEqualTo(403);
        assertThat(accounts.findByUsername("acctscope-cghandler").orElseThrow().roles())
                .containsExactly(Role.UNIT_HANDLER);

        // Inside its district it still opens administrators.
        Api.Response local = admin.post("/api/v1/users", Map.of("username", "acctscope-cgadmin2",
                "displayName", "城关区 副管理员", "password", "Local2026x", "unitId", chengguan, "roles",
                List.of("ADMIN")));
        assertThat(local.status()).isEqualTo(201);
        assertThat(Api.as(port, "acctscope-cgadmin2", "Local2026x").get("/api/v1/me").json()
                .path("scope").path("global").asBoolean()).isFalse();
    }

    @Test
    void aDistrictAdministratorOpensEnterpriseAccountsOnlyForItsOwnEnterprises() {
        Api admin = Api.as(port, "acctscope-cgadmin");
        Api.Response foreign = admin.post("/api/v1/users", Map.of("username", "acctscope-jnqiye",
                "displayName", "江南企业", "password", "Qiye2026xx", "roles", List.of("ENTERPRISE"),
                "creditCode", JIANGNAN_ENTERPRISE));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().path("errors").get(0).path("field").asString()).isEqualTo("creditCode");
        assertThat(foreign.json().path("errors").get(0).path("message").asString())
                .isEqualTo("您的管理范围内没有统一社会信用代码为 " + JIANGNAN_ENTERPRISE + " 的登记企业");
        assertThat(accounts.findByUsername("acctscope-jnqiye")).isEmpty();

        // 示例重工机械有限公司 is registered in 城关区.
        Api.Response own = admin.post("/api/v1/users", Map.of("username", "acctscope-cgqiye",
                "displayName", "示例重工 第二账号", "password", "Qiye2026xx", "roles", List.of("ENTERPRISE"),
                "creditCode", DemoCity.QIYE1_CREDIT_CODE));
        assertThat(own.status()).isEqualTo(201);
    }

    @Test
    void theGlobalAdministratorStillOpensBoth() {
        Api admin = Api.as(port, "admin");
        Api.Response global = admin.post("/api/v1/users", Map.of("username", "acctscope-global2",
                "displayName", "第二全局管理员", "password", "Global2026x", "roles", List.of("ADMIN")));
        assertThat(global.status()).isEqualTo(201);
        assertThat(Api.as(port, "acctscope-global2", "Global2026x").get("/api/v1/me").json()
                .path("scope").path("global").asBoolean()).isTrue();
        Api.Response enterprise = admin.post("/api/v1/users", Map.of("username", "acctscope-jnqiye2",
                "displayName", "江南企业", "password", "Qiye2026xx", "roles", List.of("ENTERPRISE"),
                "creditCode", JIANGNAN_ENTERPRISE));
        assertThat(enterprise.status()).isEqualTo(201);
    }
}
