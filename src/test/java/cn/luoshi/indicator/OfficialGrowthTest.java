package cn.luoshi.indicator;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An official growth rate (同比, comparable prices) is never ranked with, or replaced by, a rate computed from nominal
 * values. Three towns of their own under 青河县, with 2024 and 2025 values of industry value added:
 * <pre>
 *   甲镇  90 → 100, official growth 7.5%   (nominal: 100 / 90 − 1 = 11.1%, never used)
 *   乙镇 100 → 120, no official growth     (at current prices: 120 / 100 − 1 = 20%)
 *   丙镇  80 →  84, official growth 6.2%
 * </pre>
 * Ranked by growth, 甲镇 is first and 丙镇 second on their official rates; 乙镇's 20% would have been first, and
 * is shown apart, labelled 按现价计算.
 */
@LuoshiTest
class OfficialGrowthTest {

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    /** Each test gets its own towns (names numbered, so the rows never collide). */
    private static final AtomicInteger RUNS = new AtomicInteger();

    private long area;
    private long jia;
    private long yi;
    private long bing;

    @BeforeEach
    void towns() {
        Api admin = Api.as(port, "admin");
        long qinghe = units.findByCode(DemoCity.QINGHE).orElseThrow().id();
        String mark = Integer.toString(RUNS.incrementAndGet());
        area = region(admin, qinghe, "增速测试片区" + mark + "区");
        jia = region(admin, area, "甲镇" + mark);
        yi = region(admin, area, "乙镇" + mark);
        bing = region(admin, area, "丙镇" + mark);
        Api tjj = Api.as(port, "tjj");
        record(tjj, jia, "2024", "VALUE", "90");
        record(tjj, jia, "2025", "VALUE", "100");
        record(tjj, jia, "2025", "GROWTH", "7.5");
        record(tjj, yi, "2024", "VALUE", "100");
        record(tjj, yi, "2025", "VALUE", "120");
        record(tjj, bing, "2024", "VALUE", "80");
        record(tjj, bing, "2025", "VALUE", "84");
        record(tjj, bing, "2025", "GROWTH", "6.2");
    }

    @Test
    void theGrowthRankingListsOnlyOfficialRatesAndShowsTheRateAtCurrentPricesApart() {
        JsonNode ranking = Api.as(port, "tjj").get("/api/v1/rankings?indicator=INDUSTRY_VA&period=2025&parent="
                + area + "&by=growth").json();
        assertThat(ranking.path("ranked").asInt()).isEqualTo(2);
        JsonNode entries = ranking.path("entries");
        assertThat(entries.get(0).path("unit").path("id").asLong()).isEqualTo(jia);
        assertThat(entries.get(0).path("value").decimalValue()).isEqualByComparingTo("7.5");
        assertThat(entries.get(0).path("phrase").asString()).isEqualTo("增速居全区第一");
        assertThat(entries.get(0).path("computed").asBoolean()).isFalse();
        assertThat(entries.get(1).path("unit").path("id").asLong()).isEqualTo(bing);
        assertThat(entries.get(1).path("phrase").asString()).isEqualTo("增速居全区第二");
        // 乙镇 has no official rate: it stays in the list without a rank or a value
        assertThat(entries.get(2).path("unit").path("id").asLong()).isEqualTo(yi);
        assertThat(entries.get(2).path("rank").isNull()).isTrue();
        assertThat(entries.get(2).path("value").isNull()).isTrue();
        assertThat(entries.get(2).path("phrase").isNull()).isTrue();

        JsonNode apart = ranking.path("currentPrices");
        assertThat(apart).hasSize(1);
        assertThat(apart.get(0).path("unit").path("id").asLong()).isEqualTo(yi);
        assertThat(apart.get(0).path("value").decimalValue()).isEqualByComparingTo("20");
        assertThat(apart.get(0).path("label").asString()).isEqualTo("按现价计算");
        assertThat(apart.get(0).path("labelEn").asString()).isEqualTo("at current prices");

        // Asked about 乙镇 itself: no place among its siblings, its rate apart and marked as the one asked about.
        JsonNode focus = Api.as(port, "tjj").get("/api/v1/rankings?indicator=INDUSTRY_VA&period=2025&unit=" + yi
                + "&by=growth").json();
        assertThat(focus.path("focus").path("rank").isNull()).isTrue();
        assertThat(focus.path("currentPrices").get(0).path("focus").asBoolean()).isTrue();
    }

    @Test
    void theRankingPageShowsTheSameFiguresAndLabelsTheRateAtCurrentPricesInBothLanguages() {
        Api tjj = Api.as(port, "tjj");
        String page = tjj.get("/indicators/rankings?indicator=INDUSTRY_VA&period=2025&parent=" + area
                + "&by=GROWTH").body();
        String table = section(page, "id=\"ranking-table\"");
        assertThat(table).contains("甲镇", "7.5", "丙镇", "6.2").doesNotContain("20.0");
        String apart = section(page, "id=\"current-prices-table\"");
        assertThat(apart).contains("乙镇", "20.0", "按现价计算").doesNotContain("甲镇");
        assertThat(page).contains("无官方增速、按现价计算的增速（不参与排名）");

        String english = tjj.get("/indicators/rankings?indicator=INDUSTRY_VA&period=2025&parent=" + area
                + "&by=GROWTH&lang=en").body();
        assertThat(section(english, "id=\"current-prices-table\"")).contains("20.0", "at current prices");
    }

    @Test
    void theBenchmarkComparesOfficialRatesOnlyAndShowsTheRateAtCurrentPricesApart() {
        Api tjj = Api.as(port, "tjj");
        JsonNode withNominal = row(tjj.get("/api/v1/benchmark?a=" + jia + "&b=" + yi
                + "&period=2025&indicators=INDUSTRY_VA").json());
        assertThat(withNominal.path("growthA").decimalValue()).isEqualByComparingTo("7.5");
        assertThat(withNominal.path("growthB").isNull()).isTrue();
        assertThat(withNominal.path("growthGap").isNull()).isTrue();
        assertThat(withNominal.path("growthText").isNull()).isTrue();
        assertThat(withNominal.path("currentPriceGrowthA").isNull()).isTrue();
        assertThat(withNominal.path("currentPriceGrowthB").decimalValue()).isEqualByComparingTo("20");
        assertThat(withNominal.path("currentPriceLabel").asString()).isEqualTo("按现价计算");
        assertThat(withNominal.path("currentPriceLabelEn").asString()).isEqualTo("at current prices");

        // Two official rates: 7.5 − 6.2 = 1.3 points.
        JsonNode official = row(tjj.get("/api/v1/benchmark?a=" + jia + "&b=" + bing
                + "&period=2025&indicators=INDUSTRY_VA").json());
        assertThat(official.path("growthGap").decimalValue()).isEqualByComparingTo("1.3");
        String other = units.get(bing).name();
        assertThat(official.path("growthText").asString()).isEqualTo("增速比" + other + "高1.3个百分点");
        assertThat(official.path("growthTextEn").asString())
                .isEqualTo("growth 1.3 percentage points higher than " + other);
        assertThat(official.path("currentPriceLabel").isNull()).isTrue();

        String page = tjj.get("/indicators/benchmark?a=" + jia + "&b=" + yi + "&period=2025").body();
        String cell = section(page, "id=\"benchmark-INDUSTRY_VA\"");
        assertThat(cell).contains("7.5", "按现价计算", "20.0");
    }

    private static JsonNode row(JsonNode benchmark) {
        assertThat(benchmark.path("rows")).hasSize(1);
        return benchmark.path("rows").get(0);
    }

    /** The element that starts with the marker, up to the end of its table row or table. */
    private static String section(String page, String marker) {
        int start = page.indexOf(marker);
        assertThat(start).as("page has " + marker).isNotNegative();
        int end = page.indexOf(marker.contains("benchmark-") ? "</tr>" : "</table>", start);
        return page.substring(start, end);
    }

    private static long region(Api admin, long parent, String name) {
        Map<String, Object> body = new HashMap<>(Map.of("parentId", parent, "name", name, "kind", "REGION"));
        Api.Response created = admin.post("/api/v1/org-units", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private static void record(Api tjj, long unit, String period, String kind, String value) {
        Api.Response saved = tjj.put("/api/v1/observations", Map.of("indicator", "INDUSTRY_VA", "unitId", unit,
                "period", period, "kind", kind, "value", new BigDecimal(value)));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }
}
