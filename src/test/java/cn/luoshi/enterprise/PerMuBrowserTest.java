package cn.luoshi.enterprise;

import java.nio.file.Path;

import cn.luoshi.testsupport.BrowserTest;
import cn.luoshi.testsupport.LuoshiTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@LuoshiTest
class PerMuBrowserTest extends BrowserTest {

    @Test
    void theParkRunsAnEvaluationAndItsHeadPublishesIt() {
        Page handler = browser.signIn("yuanqu");
        handler.navigate(browser.url("/enterprises"));
        assertThat(handler.locator("#revenue-tiers")).containsText("过 200 亿元");
        handler.click("#per-mu-link");
        handler.selectOption("#regionId", new SelectOption().setLabel("示例市工业集中区"));
        handler.click("#start-run");
        assertThat(handler.locator(".alert-success")).containsText("已完成计算");
        assertThat(handler.locator("#run-status")).containsText("未发布");
        assertThat(handler.locator("#grade-chart canvas")).hasCount(1);
        // A handler computes; publishing is for the head.
        assertThat(handler.locator("#publish-run")).hasCount(0);
        String runUrl = handler.url();

        Page head = browser.signIn("yuanqufzr");
        head.onDialog(dialog -> dialog.accept());
        head.navigate(runUrl);
        head.click("#publish-run");
        assertThat(head.locator("#run-status")).containsText("已发布");
        assertThat(head.locator("#publish-run")).hasCount(0);
        head.locator("#result-table a:has-text('得分说明')").first().click();
        assertThat(head.locator("#result-table .explanation").first()).isVisible();
        assertThat(head.locator("#result-table .explanation").first()).containsText("亩均税收");
        head.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "per-mu-run.png"))
                .setFullPage(true));
    }

    @Test
    void anEnterpriseSeesOnlyItsOwnResultWithItsExplanation() {
        Page page = browser.signIn("qiye1");
        page.navigate(browser.url("/enterprises/per-mu"));
        page.locator("#run-table a").first().click();
        assertThat(page.locator("#result-table")).containsText("示例重工机械有限公司");
        assertThat(page.locator("#result-table > tbody > tr:not(.collapse)")).hasCount(1);
        assertThat(page.locator("#result-table .explanation")).isVisible();
        assertThat(page.locator("#objection-form")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "per-mu-enterprise.png"))
                .setFullPage(true));
    }
}
