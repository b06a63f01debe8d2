package cn.luoshi.indicator;

import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 000 as Luoshi answers it from the demo province's 2025 data: "完成地区生产总值2160亿元，居全省第五，比XX少230亿元；
 * 完成财政总收入263.8亿元，居全省第二，比XX多28.2亿元；财政总收入占GDP比重为12.2%，比XX高2.4个百分点；人均GDP为54728元，
 * 居全省第三，比XX多21807元 …".
 */
@LuoshiTest
class RankingAndBenchmarkTest {

    @LocalServerPort
    int port;

    @Test
    void theCatalogueHoldsEveryIndicatorTheSeedsCite() {
        JsonNode list = Api.as(port, "leader").get("/api/v1/indicators").json();
        assertThat(list.path("content").findValuesAsString("code")).contains("GDP", "GDP_PRIMARY",
                "GDP_SECONDARY", "GDP_TERTIARY", "FISCAL_TOTAL", "FISCAL_GENERAL", "INDUSTRY_VA", "INDUSTRY_OUTPUT",
                "FAI", "RETAIL", "URBAN_INCOME", "RURAL_INCOME", "FOREIGN_TRADE", "FDI", "POPULATION",
                "TECH_CONTRACTS", "NEW_URBAN_JOBS", "GOOD_AIR_DAYS", "TOURISTS", "TOURISM_REVENUE",
                "FISCAL_GDP_RATIO", "GDP_PER_CAPITA");
        JsonNode gdp = Api.as(port, "leader").get("/api/v1/indicators/生产总值").json();
        assertThat(gdp.path("code").asString()).isEqualTo("GDP");
        assertThat(gdp.path("measureUnit").asString()).isEqualTo("亿元");
        assertThat(Api.as(port, "leader").get("/api/v1/indicators?q=社零").json().path("content").get(0)
                .path("code").asString()).isEqualTo("RETAIL");
    }

    @Test
    void theDemoCityIsFifthInTheProvinceForGdpAndSecondForFiscalRevenue() {
        Api tjj = Api.as(port, "tjj");
        JsonNode gdp = tjj.get("/api/v1/rankings?indicator=GDP&period=2025&unit=990100").json();
        assertThat(gdp.path("focus").path("rank").asInt()).isEqualTo(5);
        assertThat(gdp.path("focus").path("phrase").asString()).isEqualTo("居全省第五");
        assertThat(gdp.path("area").asString()).isEqualTo("全省");
        assertThat(gdp.path("entries")).hasSize(8);
        assertThat(gdp.path("entries").get(0).path("unit").path("name").asString()).isEqualTo("江北市");

        JsonNode fiscal = tjj.get("/api/v1/rankings?indicator=财政总收入&period=2025&unit=990100").json();
        assertThat(fiscal.path("focus").path("phrase").asString()).isEqualTo("居全省第二");

        JsonNode perCapita = tjj.get("/api/v1/rankings?indicator=人均GDP&period=2025&parent=990000").json();
        assertThat(perCapita.path("entries").get(2).path("unit").path("code").asString()).isEqualTo("990100");
        assertThat(perCapita.path("entries").get(2).path("computed").asBoolean()).isTrue();
    }

    @Test
    void theBenchmarkAgainstThePeerCityReadsLikeTheSpeech() {
        JsonNode benchmark = Api.as(port, "leader").get("/api/v1/benchmark?a=990100&b=990200&period=2025").json();
        assertThat(benchmark.path("b").path("name").asString()).isEqualTo("友邻市");
        JsonNode gdp = row(benchmark, "GDP");
        assertThat(gdp.path("valueA").decimalValue()).isEqualByComparingTo("2160");
        assertThat(gdp.path("rankPhraseA").asString()).isEqualTo("居全省第五");
        assertThat(gdp.path("differenceText").asString()).isEqualTo("比友邻市少230亿元");
        assertThat(row(benchmark, "FISCAL_TOTAL").path("differenceText").asString()).isEqualTo("比友邻市多28.2亿元");
        JsonNode share = row(benchmark, "FISCAL_GDP_RATIO");
        assertThat(share.path("valueA").decimalValue().setScale(1, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("12.2");
        assertThat(share.path("differenceText").asString()).isEqualTo("比友邻市高2.4个百分点");
        JsonNode perCapita = row(benchmark, "GDP_PER_CAPITA");
        assertThat(perCapita.path("rankPhraseA").asString()).isEqualTo("居全省第三");
        assertThat(perCapita.path("differenceText").asString()).isEqualTo("比友邻市多21807元");
        assertThat(row(benchmark, "RETAIL_PER_CAPITA").path("differenceText").asString())
                .isEqualTo("比友邻市多7463元");
        assertThat(row(benchmark, "URBAN_INCOME").path("differenceText").asString()).isEqualTo("比友邻市多6968元");
        assertThat(row(benchmark, "URBAN_INCOME").path("rankPhraseA").asString()).isEqualTo("居全省第二");
        assertThat(row(benchmark, "RURAL_INCOME").path("differenceText").asString()).isEqualTo("比友邻市多1124元");
        assertThat(gdp.path("ratio").decimalValue()).isEqualByComparingTo("0.9038");
        assertThat(gdp.path("perCapitaA").decimalValue()).isEqualByComparingTo("54728");
        assertThat(gdp.path("growthGap").decimalValue()).isEqualByComparingTo("0.7");
    }

    @Test
    void growthRanksUseOfficialRatesAndKeepRatesAtCurrentPricesApart() {
        JsonNode growth = Api.as(port, "tjj").get("/api/v1/rankings?indicator=GDP&period=2025&parent=990000&by=growth")
                .json();
        assertThat(growth.path("entries").get(0).path("unit").path("name").asString()).isEqualTo("示例市");
        assertThat(growth.path("entries").get(0).path("phrase").asString()).isEqualTo("增速居全省第一");
        assertThat(growth.path("entries").get(0).path("computed").asBoolean()).isFalse();
        assertThat(growth.path("currentPrices")).isEmpty();
        // No official growth is published for per-capita GDP (a derived indicator): the rates computed from the two
        // years' nominal values are listed apart, labelled, and none is ranked.
        JsonNode computed = Api.as(port, "tjj")
                .get("/api/v1/rankings?indicator=GDP_PER_CAPITA&period=2025&parent=990000&by=growth").json();
        assertThat(computed.path("ranked").asInt()).isZero();
        assertThat(computed.path("entries").findValues("rank")).allMatch(JsonNode::isNull);
        assertThat(computed.path("currentPrices")).hasSize(8);
        assertThat(computed.path("currentPrices").findValuesAsString("label")).containsOnly("按现价计算");
        // 示例市: 2160亿元 × 10⁴ / 394.68万人 = 54727.8808元 in 2025; 1996.30 × 10⁴ / 393.10 = 50783.5156元 in 2024
        // (the demo's 2024 figures); 54727.8808 / 50783.5156 − 1 = 7.767%.
        JsonNode city = null;
        for (JsonNode rate : computed.path("currentPrices")) {
            if (rate.path("unit").path("code").asString().equals("990100")) {
                city = rate;
            }
        }
        assertThat(city).isNotNull();
        assertThat(city.path("value").decimalValue().setScale(1, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("7.8");
    }

    @Test
    void aDistrictHandlerSeesItsPlaceAmongTheDistrictsButNotInsideAnotherDistrict() {
        Api cgq = Api.as(port, "cgq");
        JsonNode ranking = cgq.get("/api/v1/rankings?indicator=GDP&period=2025&unit=990102").json();
        assertThat(ranking.path("focus").path("phrase").asString()).isEqualTo("居全市第一");
        assertThat(ranking.path("entries")).hasSize(6);
        // The districts of the peer city (none in the demo) or the departments of 江南区 stay closed.
        assertThat(cgq.get("/api/v1/rankings?indicator=GDP&period=2025&parent=990104").status()).isEqualTo(403);
        assertThat(cgq.get("/api/v1/observations?indicator=GDP&unit=990104-FGJ").status()).isEqualTo(404);
        assertThat(Api.as(port, "qiye1").get("/api/v1/rankings?indicator=GDP&period=2025&unit=990100").status())
                .isEqualTo(403);
    }

    private static JsonNode row(JsonNode benchmark, String code) {
        for (JsonNode row : benchmark.path("rows")) {
            if (row.path("indicator").asString().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row " + code + " in " + benchmark);
    }
}
