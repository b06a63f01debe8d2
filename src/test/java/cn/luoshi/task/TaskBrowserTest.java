package cn.luoshi.task;

import java.nio.file.Path;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.testsupport.BrowserTest;
import cn.luoshi.testsupport.LuoshiTest;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@LuoshiTest
class TaskBrowserTest extends BrowserTest {

    @Autowired
    OrgUnits units;

    @Test
    void theSupervisorSeesTheDemoBoardWithItsLights() {
        Page page = browser.signIn("duchashi");
        page.click("text=督查督办");
        assertThat(page).hasTitle("督查督办 · 落实");
        assertThat(page.locator("#task-table")).containsText("出台技术改造奖补办法，兑现技改奖励");
        assertThat(page.locator("#task-table")).containsText("磁湖流域水环境综合治理");
        assertThat(page.locator("#task-table tbody tr").first()).hasAttribute("data-light", "RED");
        assertThat(page.locator("#light-count-RED")).not().containsText(" 0");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "task-board.png"))
                .setFullPage(true));

        page.click("#light-count-YELLOW");
        page.locator("#task-table tbody tr").first().waitFor();
        assertThat(page.locator("#task-table tbody tr[data-light]")).not().hasCount(0);
        assertThat(page.locator("#task-table tbody tr:not([data-light=YELLOW])")).hasCount(0);
    }

    @Test
    void theSupervisorAssignsTheUnitAcceptsAndReportsAndTheSupervisorSeesIt() {
        Page office = browser.signIn("duchashi");
        office.navigate(browser.url("/tasks"));
        office.click("#new-task");
        office.click("#task-save");
        assertThat(office.locator("#form-error")).containsText("提交的内容有误");
        assertThat(office.locator("#task-form")).containsText("请选择牵头单位");
        assertThat(office.locator("#task-form")).containsText("请填写完成时限");

        office.fill("#title", "浏览器测试：园区污水管网配套");
        office.selectOption("#leadUnitId", String.valueOf(units.findByCode(DemoCity.GXJ).orElseThrow().id()));
        office.fill("#dueDate", "2026-10-31");
        office.fill("#tags", "浏览器测试，园区配套");
        office.click("#task-save");
        assertThat(office.locator("#task-title")).hasText("浏览器测试：园区污水管网配套");
        assertThat(office.locator("#task-header")).containsText("已下发");
        String taskUrl = office.url();
        office.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "task-assigned.png")));

        Page unit = browser.signIn("gxj");
        unit.navigate(browser.url("/inbox"));
        assertThat(unit.locator("#inbox-list")).containsText("新督办任务：浏览器测试：园区污水管网配套");
        unit.click("text=新督办任务：浏览器测试：园区污水管网配套");
        assertThat(unit.locator("#task-title")).hasText("浏览器测试：园区污水管网配套");
        unit.click("#action-ACCEPT");
        assertThat(unit.locator(".alert-success")).containsText("已签收");
        assertThat(unit.locator("#task-header")).containsText("已签收");
        unit.fill("#report-percent", "35");
        unit.fill("#report-text", "管网施工图设计完成，正在招标");
        unit.click("#report-submit");
        assertThat(unit.locator(".alert-success")).containsText("进展已提交");
        assertThat(unit.locator("#task-header")).containsText("推进中");
        assertThat(unit.locator("#task-progress")).hasText("35.0%");

        office.navigate(taskUrl);
        assertThat(office.locator("#task-progress")).hasText("35.0%");
        assertThat(office.locator("#timeline")).containsText("管网施工图设计完成，正在招标");
        assertThat(office.locator("#timeline")).containsText("工信局 刘经办");
        office.navigate(browser.url("/tasks?q=浏览器测试"));
        assertThat(office.locator("#task-table")).containsText("浏览器测试：园区污水管网配套");
        assertThat(office.locator("#task-table")).containsText("推进中");
        office.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "task-reported.png")));
    }
}
