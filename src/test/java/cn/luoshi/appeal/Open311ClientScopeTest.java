package cn.luoshi.appeal;

import java.util.Map;
import java.util.Set;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.NewUser;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.org.UserAccounts;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open311 client systems file into every region, so, like the SLA tiers and the calendar, they are shared settings:
 * a district's supervisor or administrator neither lists, issues nor revokes them; the global administrator does.
 */
@LuoshiTest
class Open311ClientScopeTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrgUnits units;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void districtOffice() {
        long chengguan = units.findByCode(DemoCity.CHENGGUAN).orElseThrow().id();
        if (accounts.findByUsername("o311-cgdcs").isEmpty()) {
            accounts.createSystem(new NewUser("o311-cgdcs", "城关区 督查室（接入）", Api.PASSWORD, chengguan, null,
                    Set.of(Role.SUPERVISOR), null, null));
            accounts.createSystem(new NewUser("o311-cgadmin", "城关区 管理员（接入）", Api.PASSWORD, chengguan, null,
                    Set.of(Role.ADMIN), null, null));
        }
    }

    long clients() {
        return jdbc.sql("select count(*) from appeal_open311_client").query(Long.class).single();
    }

    @Test
    void aDistrictOfficeNeitherListsNorManagesTheClientSystems() {
        Api admin = Api.as(port, "admin");
        Api.Response issued = admin.post("/api/v1/appeals/open311-clients", Map.of("name", "接入范围测试系统"));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        long id = issued.json().path("client").path("id").asLong();
        long before = clients();

        Api.Response listed = Api.as(port, "o311-cgdcs").get("/api/v1/appeals/open311-clients");
        assertThat(listed.status()).isEqualTo(403);
        assertThat(listed.contentType()).startsWith("application/problem+json");
        assertThat(listed.json().path("detail").asString()).startsWith("Open311 接入系统向各地区提交诉求");
        assertThat(listed.body()).doesNotContain("接入范围测试系统");

        Api district = Api.as(port, "o311-cgadmin");
        assertThat(district.get("/api/v1/appeals/open311-clients").status()).isEqualTo(403);
        assertThat(district.post("/api/v1/appeals/open311-clients", Map.of("name", "区里私接系统")).status())
                .isEqualTo(403);
        assertThat(district.post("/api/v1/appeals/open311-clients/" + id + "/revoke", Map.of()).status())
                .isEqualTo(403);
        assertThat(clients()).isEqualTo(before);
        assertThat(jdbc.sql("select revoked_at is null from appeal_open311_client where id = ?").param(id)
                .query(Boolean.class).single()).isTrue();

        // The global administrator lists and revokes.
        assertThat(admin.get("/api/v1/appeals/open311-clients").body()).contains("接入范围测试系统");
        assertThat(admin.post("/api/v1/appeals/open311-clients/" + id + "/revoke", Map.of()).status())
                .isEqualTo(200);
    }
}
