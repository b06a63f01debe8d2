package cn.luoshi.cockpit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.UserAccounts;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.BrowserTest;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cockpit in a browser: every figure on the page is the API's, its links open lists with the same counts, it
 * fits a phone, and a month that cannot be read gets a message.
 */
@LuoshiTest
class CockpitBrowserTest extends BrowserTest {

    private static final Pattern TOTAL = Pattern.compile("共 (\\d+) 条");

    @Autowired
    OrgUnits units;
    @Autowired
    UserAccounts accounts;
    @Autowired
    MutableClock clock;

    CockpitFixture f;

    @BeforeEach
    void fixture() {
        f = CockpitFixture.get(port, units, accounts, clock);
        clock.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theLeaderLandsOnTheCockpitAndEveryFigureIsTheApis() {
        Page page = browser.signIn("leader");
        assertThat(page).hasURL(browser.url("/cockpit"));
        assertThat(page.locator("#cockpit-region")).hasText("示例市");
        JsonNode api = Api.as(port, "leader").get("/api/v1/cockpit").json();
        Set<String> shown = compareFigures(page, api);
        // every entry of the API's lists has its figure on the page, not only the ones that happen to be there
        assertThat(shown).contains("tasks.total.value", "tasks.supervised.value", "tasks.instructions.total.value",
                "tasks.instructions.answered.value", "projects.total.projects.value", "appeals.received.value",
                "appeals.overdue.value");
        api.path("tasks").path("openByLight").propertyNames().forEach(light ->
                assertThat(shown).contains("tasks.openByLight." + light + ".value"));
        api.path("tasks").path("byStatus").propertyNames().forEach(status ->
                assertThat(shown).contains("tasks.byStatus." + status + ".value"));
        for (int i = 0; i < api.path("tasks").path("race").size(); i++) {
            assertThat(shown).contains("tasks.race." + i + ".completed.value", "tasks.race." + i + ".tasks.value");
        }
        for (int i = 0; i < api.path("indicators").path("lines").size(); i++) {
            assertThat(shown).contains("indicators.lines." + i + ".value");
        }
        for (int i = 0; i < api.path("appeals").path("topCategories").size(); i++) {
            assertThat(shown).contains("appeals.topCategories." + i + ".received.value");
        }
        api.path("perMu").path("grades").propertyNames().forEach(grade ->
                assertThat(shown).contains("perMu.grades." + grade + ".value"));
        assertThat(api.path("tasks").path("race").size()).as("the demo city has a race of units").isPositive();
        assertThat(api.path("indicators").path("lines").size()).as("the demo city has main indicators").isPositive();
        for (String chart : new String[] {"#chart-race", "#chart-ranks", "#chart-investment", "#chart-permu"}) {
            assertThat(page.locator(chart + " canvas")).hasCount(1);
        }
        // the README shows the top of the page: key tasks and the main indicators
        page.setViewportSize(1440, 1500);
        page.waitForSelector("#chart-ranks canvas");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("docs/screenshot-cockpit.png")));
    }

    @Test
    void theFixtureRegionsFiguresAndOneLinkPerPanel() {
        Page page = browser.signIn(f.leader);
        assertThat(page).hasURL(browser.url("/cockpit"));
        JsonNode api = f.cockpit(null);
        compareFigures(page, api);
        assertThat(page.locator("[data-figure='tasks.openByLight.RED.value']")).hasText("1");
        assertThat(page.locator("#indicator-INDUSTRY_VA")).containsText("增速居全市第二");
        assertThat(page.locator("#indicator-INDUSTRY_VA")).containsText("较2026年1-5月前进1位");
        assertThat(page.locator("#indicator-INDUSTRY_VA")).containsText("增长9.0%");

        // key tasks: the red tile opens the board with the red open tasks
        page.click("#tasks-light-RED");
        assertThat(total(page)).isEqualTo(1);
        assertThat(page.locator("main")).containsText("逾期任务" + f.tag);
        // indicators: the rank opens the rankings page with the same phrase
        page.navigate(browser.url("/cockpit"));
        page.click("#indicator-INDUSTRY_VA [data-figure='indicators.lines.0.rank']");
        assertThat(page.locator("main")).containsText("增速居全市第二");
        // projects: the red count of "122" opens its red projects
        page.navigate(browser.url("/cockpit"));
        page.click("[data-figure='projects.programmes.0.red.value']");
        assertThat(total(page)).isEqualTo(1);
        assertThat(page.locator("main")).containsText("甲区技改项目" + f.tag);
        // appeals: the overdue count opens the overdue appeals
        page.navigate(browser.url("/cockpit"));
        page.click("#appeals-overdue");
        assertThat(total(page)).isEqualTo(1);
        assertThat(page.locator("main")).containsText("流动资金贷款续贷" + f.tag);
    }

    @Test
    void thePerMuGradesOpenTheRunsResults() {
        Page page = browser.signIn("duchashi");
        page.navigate(browser.url("/cockpit"));
        Locator a = page.locator("[data-figure='perMu.grades.A.value']");
        long shown = Long.parseLong(a.textContent().strip());
        a.click();
        assertThat(page).hasURL(Pattern.compile(".*/enterprises/per-mu/runs/\\d+\\?grade=A"));
        assertThat(total(page)).isEqualTo(shown);
    }

    @Test
    void onAPhoneThePanelsStackWithoutSidewaysScrolling() {
        Page page = browser.signIn("leader", 390, 844);
        assertThat(page).hasURL(browser.url("/cockpit"));
        page.waitForSelector("#chart-ranks canvas");
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(scrollWidth).isLessThanOrEqualTo(390);
        var tasks = page.locator("#panel-tasks").boundingBox();
        var indicators = page.locator("#panel-indicators").boundingBox();
        var appeals = page.locator("#panel-appeals").boundingBox();
        assertThat(indicators.y).isGreaterThanOrEqualTo(tasks.y + tasks.height);
        assertThat(appeals.y).isGreaterThan(indicators.y);
        assertThat(indicators.x).isEqualTo(tasks.x);
        assertThat(tasks.width).isLessThanOrEqualTo(390);
        // the indicator cards take the whole width, one under the other
        var first = page.locator("#indicator-lines > div").nth(0).boundingBox();
        var second = page.locator("#indicator-lines > div").nth(1).boundingBox();
        assertThat(second.y).isGreaterThanOrEqualTo(first.y + first.height);
    }

    @Test
    void aMonthThatCannotBeReadGetsAMessage() {
        Page page = browser.signIn("leader");
        page.navigate(browser.url("/cockpit?asOf=2026-13"));
        assertThat(page.locator("#asof-error")).containsText("查询月份「2026-13」无效");
        assertThat(page.locator("#asOf")).hasValue("2026-06");
        page.navigate(browser.url("/cockpit?asOf=2026-05"));
        assertThat(page.locator("#asof-error")).hasCount(0);
        assertThat(page.locator("#asOf")).hasValue("2026-05");
    }

    @Test
    void anAdminChoosesAndResetsARegionsIndicators() {
        Page page = browser.signIn("admin");
        page.navigate(browser.url("/cockpit/indicators?region=" + f.r3));
        assertThat(page.locator("#set-source")).containsText("默认指标");
        try {
            for (String code : new String[] {"FAI", "RETAIL", "FISCAL_GENERAL", "FOREIGN_TRADE"}) {
                page.uncheck("#ind-" + code);
            }
            page.click("#indicator-set-form button[value=save]");
            assertThat(page.locator("#set-source")).containsText("本地区设定");
            JsonNode set = Api.as(port, "admin").get("/api/v1/cockpit/indicators?region=" + f.r3).json();
            assertThat(set.path("indicators").findValuesAsString("code")).containsExactly("GDP", "INDUSTRY_VA");
            page.click("#indicator-set-form button[value=reset]");
            assertThat(page.locator("#set-source")).containsText("默认指标");
        } finally {
            Api.as(port, "admin").delete("/api/v1/cockpit/indicators/" + f.r3);
        }
    }

    // ---- helpers

    private static long total(Page page) {
        page.waitForLoadState();
        Matcher m = TOTAL.matcher(page.locator("main").textContent());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** Each [data-figure] on the page against the API's value at its path; returns how many were compared. */
    static Set<String> compareFigures(Page page, JsonNode api) {
        Locator figures = page.locator("[data-figure]");
        int n = figures.count();
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Locator figure = figures.nth(i);
            String path = figure.getAttribute("data-figure");
            paths.add(path);
            JsonNode expected = resolve(api, path);
            String shown = figure.textContent().strip();
            if (path.endsWith(".rank")) {
                assertThat(figure.getAttribute("data-rank")).as(path).isEqualTo(expected.asString());
            } else if (path.startsWith("appeals.") && path.endsWith("Rate")) {
                assertThat(shown).as(path).isEqualTo(expected.isNull() ? "—" : expected.asDouble() + "%");
            } else if (path.startsWith("indicators.lines.")) {
                assertThat(new BigDecimal(shown.replace(",", ""))).as(path)
                        .isEqualByComparingTo(expected.decimalValue().setScale(2, RoundingMode.HALF_UP));
            } else {
                assertThat(shown).as(path).isEqualTo(expected.asString());
            }
        }
        return paths;
    }

    static JsonNode resolve(JsonNode node, String path) {
        for (String part : path.split("\\.")) {
            node = part.matches("\\d+") && node.isArray() ? node.get(Integer.parseInt(part)) : node.path(part);
        }
        return node;
    }
}
