package cn.luoshi.enterprise;

import java.util.HashMap;
import java.util.Map;

import cn.luoshi.common.CreditCode;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@LuoshiTest
class EnterpriseApiTest {

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    long unit(String code) {
        return units.findByCode(code).orElseThrow().id();
    }

    Map<String, Object> enterprise(String code, String name, String regionCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("creditCode", code);
        body.put("name", name);
        body.put("industryCode", "C3421");
        body.put("regionId", unit(regionCode));
        body.put("parkId", unit(DemoCity.PARK));
        body.put("competentUnitId", unit(DemoCity.GXJ));
        body.put("aboveScale", true);
        body.put("landMu", 56.5);
        return body;
    }

    @Test
    void aWrongCheckCharacterIsRefusedWithAFieldError() {
        String valid = CreditCode.complete("91990100MA9000001").value();
        String wrong = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        var response = Api.as(port, "gxj").post("/api/v1/enterprises", enterprise(wrong, "校验测试有限公司",
                DemoCity.CHENGGUAN));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode error = response.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("creditCode");
        assertThat(error.path("message").asString()).contains("校验码");
        assertThat(error.path("messageEn").asString()).contains("check character");
        assertThat(Api.as(port, "gxj").get("/api/v1/enterprises?q=校验测试").json().path("totalElements").asLong())
                .isZero();
    }

    @Test
    void anEnterpriseIsRegisteredOnceAndSeenWhereItBelongs() {
        String code = CreditCode.complete("91990100MA9000002").value().toLowerCase();
        Api gxj = Api.as(port, "gxj");
        var created = gxj.post("/api/v1/enterprises", enterprise(code, "城关登记测试有限公司", DemoCity.CHENGGUAN));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("creditCode").asString()).isEqualTo(code.toUpperCase());
        long id = created.json().path("id").asLong();

        var again = gxj.post("/api/v1/enterprises", enterprise(code, "重复登记有限公司", DemoCity.CHENGGUAN));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("errors").get(0).path("message").asString()).contains("已经登记");

        // Seen by its competent department, its district and its park; not by another district or enterprise.
        assertThat(Api.as(port, "cgq").get("/api/v1/enterprises/" + id).status()).isEqualTo(200);
        assertThat(Api.as(port, "yuanqu").get("/api/v1/enterprises/" + id).status()).isEqualTo(200);
        assertThat(Api.as(port, "jnq").get("/api/v1/enterprises/" + id).status()).isEqualTo(404);
        assertThat(Api.as(port, "qiye1").get("/api/v1/enterprises/" + id).status()).isEqualTo(404);

        var figures = gxj.put("/api/v1/enterprises/" + id + "/figures/2025", Map.of("revenue", 52000, "tax", 1800,
                "valueAdded", 13000, "energyTce", 4200, "rdSpending", 1300, "employees", 410, "emissionsT", 61.2));
        assertThat(figures.status()).as(figures.body()).isEqualTo(200);
        assertThat(gxj.get("/api/v1/enterprises/" + id + "/figures").json().get(0).path("tax").decimalValue())
                .isEqualByComparingTo("1800");
        assertThat(Api.as(port, "leader").put("/api/v1/enterprises/" + id + "/figures/2025", Map.of("tax", 1))
                .status()).isEqualTo(403);
    }

    @Test
    void nobodyRegistersAnEnterpriseOutsideTheirScope() {
        String code = CreditCode.complete("91990104MA9000003").value();
        Map<String, Object> body = enterprise(code, "越权登记有限公司", DemoCity.JIANGNAN);
        body.remove("parkId");
        body.remove("competentUnitId");
        var response = Api.as(port, "cgq").post("/api/v1/enterprises", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("regionId");
    }

    @Test
    void anEnterpriseAccountSeesOnlyItself() {
        JsonNode own = Api.as(port, "qiye1").get("/api/v1/enterprises").json();
        assertThat(own.path("totalElements").asLong()).isEqualTo(1);
        assertThat(own.path("content").get(0).path("name").asString()).isEqualTo("示例重工机械有限公司");
    }

    @Test
    void revenueTiersCountEachEnterpriseInItsHighestTierAsTheSpeechCitesThem() {
        JsonNode tiers = Api.as(port, "duchashi").get("/api/v1/enterprises/revenue-tiers?year=2025").json();
        assertThat(tiers.path("tiers").get(0).path("minYi").asInt()).isEqualTo(200);
        assertThat(tiers.path("tiers").get(0).path("count").asLong()).isEqualTo(2);
        assertThat(tiers.path("tiers").get(1).path("count").asLong()).isEqualTo(2);
        assertThat(tiers.path("tiers").get(2).path("count").asLong()).isEqualTo(5);
        assertThat(tiers.path("tiers").get(3).path("count").asLong()).isEqualTo(13);
        assertThat(tiers.path("tiers").get(3).path("atLeast").asLong()).isEqualTo(22);
        // 江南区's handler counts only 江南区's enterprises.
        JsonNode jiangnan = Api.as(port, "jnq").get("/api/v1/enterprises/revenue-tiers?year=2025").json();
        assertThat(jiangnan.path("reporting").asLong()).isEqualTo(12);
    }
}
