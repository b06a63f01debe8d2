package cn.luoshi.org;

import java.nio.file.Path;

import cn.luoshi.testsupport.BrowserTest;
import cn.luoshi.testsupport.LuoshiTest;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@LuoshiTest
class OrgTreeBrowserTest extends BrowserTest {

    @Test
    void aSupervisorSignsInAndFindsTheDemoCityInTheOrgTree() {
        Page page = browser.signIn("duchashi");
        assertThat(page.locator("#user-menu")).containsText("督查室");
        page.click("text=组织机构");
        assertThat(page).hasTitle("组织机构 · 落实");
        assertThat(page.locator("#org-tree")).containsText("示例市");
        assertThat(page.locator("#org-tree")).containsText("市工业和信息化局");
        assertThat(page.locator("#org-tree")).containsText("示例市工业集中区");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "org-tree.png")).setFullPage(false));

        page.click("#org-tree >> text=城关区");
        assertThat(page.locator("h1")).containsText("城关区");
    }

    @Test
    void theAdminCreatesAUnitFromTheTreeAndSeesItInTheAuditLog() {
        Page page = browser.signIn("admin");
        page.navigate(browser.url("/org"));
        page.click("#org-tree >> text=示例市");
        page.fill("form[action='/org/units'] input[name=name]", "示例市数据局");
        page.selectOption("form[action='/org/units'] select[name=kind]", "DEPARTMENT");
        page.click("form[action='/org/units'] button");
        assertThat(page.locator("h1")).containsText("示例市数据局");
        page.navigate(browser.url("/audit"));
        assertThat(page.locator("#audit-table")).containsText("新建单位「示例市数据局」");
        page.click("#verify-button");
        assertThat(page.locator("#verification")).containsText("哈希链完整");
    }

    @Test
    void theAdminOpensAnAccountAndIsToldInChineseWhatIsWrong() {
        Page page = browser.signIn("admin");
        page.navigate(browser.url("/admin/users/new"));
        page.fill("#username", "gxj2");
        page.fill("#displayName", "工信局 第二经办");
        page.fill("#password", "abc");
        page.selectOption("#unitId", new com.microsoft.playwright.options.SelectOption().setLabel("　市工业和信息化局"));
        page.check("#role-UNIT_HANDLER");
        page.click("#user-form button");
        assertThat(page.locator("#user-form")).containsText("密码至少 8 位");
        assertThat(page.locator("#username")).hasValue("gxj2");
        page.fill("#password", "Handler2026");
        page.click("#user-form button");
        assertThat(page).hasURL(browser.url("/admin/users"));
        page.navigate(browser.url("/admin/users?q=gxj2"));
        assertThat(page.locator("table")).containsText("工信局 第二经办");
        assertThat(page.locator("table")).containsText("责任单位经办人");
    }

    @Test
    void theInterfaceSwitchesToEnglish() {
        Page page = browser.signIn("leader");
        page.navigate(browser.url("/org?lang=en"));
        assertThat(page).hasTitle("Organisation · Luoshi");
        page.navigate(browser.url("/org?lang=zh_CN"));
        assertThat(page).hasTitle("组织机构 · 落实");
    }
}
