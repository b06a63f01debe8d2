package cn.luoshi.indicator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.testsupport.BrowserTest;
import cn.luoshi.testsupport.LuoshiTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The statistician's day in a browser: a workbook is imported with progress and the ranking changes; a bad
 * workbook is refused with a row-by-row report; the ranking, benchmark and target pages read like seed 000.
 */
@LuoshiTest
class StatisticsBrowserTest extends BrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    @Autowired
    OrgUnits units;

    @Test
    void aStatisticianImportsAWorkbookAndSeesTheRankingChange() throws IOException {
        Page page = browser.signIn("tjj");
        String ranking = "/indicators/rankings?indicator=GDP&period=2024Q1&parent=" + id(DemoCity.CITY);
        page.navigate(browser.url(ranking));
        Locator firstRow = page.locator("#ranking-table tbody tr").first();
        assertThat(firstRow).containsText("城关区");

        Path workbook = Files.createTempFile("gdp-", ".xlsx");
        Files.write(workbook, Uploads.xlsx(List.of("指标", "单位", "类型", "2024年一季度"),
                List.of(List.of("地区生产总值（亿元）", "东山县", "累计", 999.5))));
        page.navigate(browser.url("/indicators/import"));
        page.setInputFiles("#import-file", workbook);
        page.click("#import-submit");
        // First what it would change, with nothing written: 东山县's 2024 Q1 value corrected to 999.5.
        assertThat(page.locator("#import-report[data-status=PREVIEW]"))
                .containsText("尚未写入任何数据", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator("#preview-counts")).containsText("将新增 0，更正 1");
        assertThat(page.locator("#preview-changes tbody tr")).hasCount(1);
        assertThat(page.locator("#preview-changes tbody tr").first()).containsText("更正");
        assertThat(page.locator("#preview-changes tbody tr").first()).containsText("东山县");
        assertThat(page.locator("#preview-changes tbody tr").first()).containsText("999.5");
        page.click("#import-confirm");
        assertThat(page.locator("#import-report[data-status=DONE]"))
                .containsText("导入成功", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator("#import-report")).containsText("新增 0，更正 1");
        assertThat(page.locator("#recent-imports")).isVisible();

        page.navigate(browser.url(ranking));
        assertThat(page.locator("#ranking-table tbody tr").first()).containsText("东山县");
        assertThat(page.locator("#ranking-table tbody tr").first()).containsText("999.50");
        Files.deleteIfExists(workbook);
    }

    @Test
    void aBadWorkbookIsRefusedRowByRowAndTheRankingStays() throws IOException {
        Page page = browser.signIn("tjj");
        String ranking = "/indicators/rankings?indicator=GDP&period=2024Q2&parent=" + id(DemoCity.CITY);
        page.navigate(browser.url(ranking));
        String before = page.locator("#ranking-table tbody").innerText();

        Path bad = Files.createTempFile("bad-", ".csv");
        Files.writeString(bad, """
                指标,单位,期间,类型,数值
                地区生产总值,东山县,2024年1-6月,累计,5000
                地区生产总值,东山县,2024年1-6月,累计,约2160
                GDP,火星区,2024年1-6月,累计,10
                """);
        page.navigate(browser.url("/indicators/import"));
        page.setInputFiles("#import-file", bad);
        page.click("#import-submit");
        assertThat(page.locator("#import-report[data-status=REJECTED]"))
                .containsText("未导入任何数据", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator("#import-errors")).containsText("第3行「数值」：数值「约2160」不是数字");
        assertThat(page.locator("#import-errors")).containsText("第4行「单位」：单位「火星区」不存在");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("import-refused.png")));

        page.navigate(browser.url(ranking));
        assertThat(page.locator("#ranking-table tbody")).hasText(before);
        Files.deleteIfExists(bad);
    }

    @Test
    void theRankingAndBenchmarkPagesReadLikeSeed000() {
        Page page = browser.signIn("tjj");
        page.click("text=经济指标");
        page.click("#statistics-tabs >> text=排名");
        assertThat(page.locator("#ranking-headline")).containsText("居全省第五");
        assertThat(page.locator("#ranking-headline")).containsText("2160.00亿元");
        page.waitForFunction("() => document.querySelector('#ranking-chart canvas') !== null");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("ranking.png")).setFullPage(true));

        page.click("#statistics-tabs >> text=对标");
        assertThat(page.locator("#benchmark-GDP")).containsText("比友邻市少230亿元");
        assertThat(page.locator("#benchmark-FISCAL_TOTAL")).containsText("比友邻市多28.2亿元");
        assertThat(page.locator("#benchmark-FISCAL_GDP_RATIO")).containsText("比友邻市高2.4个百分点");
        assertThat(page.locator("#benchmark-GDP_PER_CAPITA")).containsText("居全省第三");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("benchmark.png")).setFullPage(true));

        page.click("#statistics-tabs >> text=数据");
        assertThat(page.locator("#data-grid")).containsText("江南区");
        page.waitForFunction("() => document.querySelector('#trend-chart canvas') !== null");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("data-grid.png")).setFullPage(true));
    }

    @Test
    void aDepartmentSeesItsCitysPlaceAndAnEnterpriseNoStatistics() {
        Page page = browser.signIn("fgw");
        page.navigate(browser.url("/indicators/rankings"));
        assertThat(page.locator("#ranking-headline")).containsText("示例市");
        assertThat(page.locator("#ranking-headline")).containsText("居全省第五");
        page.navigate(browser.url("/indicators/benchmark"));
        assertThat(page.locator("#benchmark-GDP")).containsText("比友邻市少230亿元");

        Page enterprise = browser.signIn("qiye1");
        enterprise.navigate(browser.url("/indicators/rankings"));
        assertThat(enterprise.locator("body")).not().containsText("居全省第五");
    }

    @Test
    void theLeaderSeesTargetLightsAndTheDecomposition() {
        Page page = browser.signIn("leader");
        page.navigate(browser.url("/targets"));
        assertThat(page.locator("#target-table")).containsText("示例市：2026年地区生产总值突破2300亿元");
        assertThat(page.locator("#target-table")).containsText("按上年季节规律");
        assertThat(page.locator("#target-table [data-light=YELLOW]").first()).isVisible();
        assertThat(page.locator("#target-table")).containsText("城关区：2026年地区生产总值突破598亿元");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("targets.png")).setFullPage(true));

        page.click("text=示例市：2026年地区生产总值突破2300亿元");
        assertThat(page.locator("#target-heading")).containsText("突破2300亿元");
        assertThat(page.locator("#children-table")).containsText("东山县");
    }

    private long id(String code) {
        return units.findByCode(code).orElseThrow().id();
    }
}
