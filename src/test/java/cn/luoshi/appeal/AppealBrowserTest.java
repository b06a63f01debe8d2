package cn.luoshi.appeal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.luoshi.appeal.internal.PublicIntakeGuard;
import cn.luoshi.org.DemoCity;
import cn.luoshi.testsupport.BrowserSession;
import cn.luoshi.testsupport.LuoshiTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story in a browser: an enterprise submits on a phone without an account, the business-environment
 * office dispatches, 工信局 signs for it and answers, the enterprise rates it from its follow-up link on the phone,
 * and the supervision office's dashboard counts it.
 */
@LuoshiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppealBrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    PublicIntakeGuard guard;

    BrowserSession browser;
    Playwright playwright;
    Browser phoneBrowser;

    @BeforeAll
    void start() {
        browser = new BrowserSession(port);
        playwright = Playwright.create();
        phoneBrowser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getenv().getOrDefault("LUOSHI_CHROMIUM", "/usr/bin/chromium")))
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run")));
        guard.reset("127.0.0.1");
    }

    @AfterAll
    void stop() {
        guard.reset("127.0.0.1");
        phoneBrowser.close();
        playwright.close();
        browser.close();
    }

    /** An iPhone-sized tab, nobody signed in. */
    Page phone() {
        return phoneBrowser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(390, 844)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true)).newPage();
    }

    @Test
    void anEnterpriseSubmitsOnAPhoneTheUnitAnswersTheEnterpriseRatesAndTheDashboardCountsIt() {
        Page phone = phone();
        AtomicBoolean dialog = new AtomicBoolean();
        phone.onDialog(d -> {
            dialog.set(true);
            d.dismiss();
        });
        phone.navigate(browser.url("/public/appeals/new"));
        assertThat(phone).hasTitle("企业诉求提交 · 落实");
        phone.fill("#enterpriseName", "示例重工机械有限公司");
        phone.fill("#creditCode", "91990100MA0000001X");
        phone.fill("#contactName", "王经理");
        phone.fill("#contactPhone", "13900000001");
        phone.selectOption("#categoryCode", "POWER");
        String content = "<script>alert('x')</script>新建厂房需要临时用电，申请已递交三周仍未接电，"
                + AppealSupport.noise(99);
        phone.fill("#content", content);
        // The form fits the phone: nothing wider than the screen.
        assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
        phone.click("#submit-appeal");
        assertThat(phone.locator("#appeal-form")).containsText("统一社会信用代码不正确");
        assertThat(phone.locator("#content")).hasValue(content);

        phone.fill("#creditCode", DemoCity.QIYE1_CREDIT_CODE);
        phone.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("appeal-phone-form.png")).setFullPage(true));
        phone.click("#submit-appeal");
        assertThat(phone.locator("h1")).containsText("诉求已提交");
        String code = phone.locator("#appeal-code").textContent().strip();
        phone.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("appeal-phone-receipt.png")));
        phone.click("#track-link");
        assertThat(phone.locator("#appeal-status")).hasText("待派发");
        // The script is shown as text and never runs.
        assertThat(phone.locator("#appeal-content")).containsText("<script>alert('x')</script>");
        assertThat(dialog.get()).isFalse();
        String trackUrl = phone.url();

        Page ysj = browser.signIn("ysj");
        ysj.navigate(browser.url("/appeals?q=" + code));
        ysj.click("#appeal-table >> text=" + code);
        ysj.selectOption("#dispatch-unit", new SelectOption().setLabel("市工业和信息化局"));
        ysj.click("#dispatch-button");
        assertThat(ysj.locator(".alert-success[role=alert]")).containsText("待签收");

        Page gxj = browser.signIn("gxj");
        gxj.navigate(browser.url("/appeals?q=" + code));
        gxj.click("#appeal-table >> text=" + code);
        gxj.click("#accept-button");
        assertThat(gxj.locator("#appeal-status")).hasText("办理中");
        gxj.fill("#answer", "已协调供电公司，临时用电本周内接通。");
        gxj.click("#answer-button");
        assertThat(gxj.locator("#appeal-status")).hasText("已答复");
        assertThat(gxj.locator("#appeal-content")).containsText("<script>");

        phone.navigate(trackUrl);
        assertThat(phone.locator("#appeal-answer")).containsText("临时用电本周内接通");
        phone.click("label[for=rating-SATISFIED]");
        phone.click("#submit-rating");
        assertThat(phone.locator(".alert-success[role=alert]")).containsText("评价已提交");
        assertThat(phone.locator("#appeal-status")).hasText("已办结");
        phone.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("appeal-phone-track.png"))
                .setFullPage(true));
        assertThat(dialog.get()).isFalse();

        Page duchashi = browser.signIn("duchashi");
        duchashi.navigate(browser.url("/appeals/dashboard"));
        assertThat(duchashi).hasTitle("诉求统计 · 落实");
        assertThat(duchashi.locator("#stats-table")).containsText("市工业和信息化局");
        assertThat(duchashi.locator("#chart-units canvas")).hasCount(1);
        duchashi.waitForTimeout(600);
        duchashi.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("appeal-dashboard.png"))
                .setFullPage(true));
        duchashi.navigate(browser.url("/appeals?q=" + code));
        assertThat(duchashi.locator("#appeal-table")).containsText("满意");
    }

    @Test
    void theEnterpriseAccountSeesOnlyItsOwnAppealsOnAPhone() {
        Page page = browser.signIn("qiye2");
        page.setViewportSize(390, 844);
        page.navigate(browser.url("/appeals"));
        assertThat(page.locator("h1")).hasText("我的诉求");
        assertThat(page.locator("#appeal-table")).not().containsText("示例重工机械有限公司");
        page.click("#new-appeal");
        assertThat(page.locator("#creditCode")).hasValue(DemoCity.QIYE2_CREDIT_CODE);
        page.selectOption("#categoryCode", "RECRUITMENT");
        page.fill("#contactName", "陈总");
        page.fill("#contactPhone", "13900000002");
        page.fill("#content", "研发中心急需化工专业技术人员，" + AppealSupport.noise(7));
        page.click("#submit-appeal");
        assertThat(page.locator("#appeal-status")).hasText("待派发");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("appeal-enterprise-account.png")));
    }

    @Test
    void aSupervisorEntersAnOnSiteMeetingWithItsAppeals() {
        Page page = browser.signIn("ysj");
        page.navigate(browser.url("/appeals/meetings"));
        assertThat(page.locator("#meeting-table")).containsText("“122”重点技改项目");
        page.fill("#title", "临江县乡镇工业集中区现场办公会");
        page.fill("#location", "临江县工业集中区");
        page.fill("[name='rows[0].enterpriseName']", "示例智能装备有限公司");
        page.fill("[name='rows[0].creditCode']", cn.luoshi.common.CreditCode.complete("91990100MA0000014").value());
        page.fill("[name='rows[0].contactName']", "张主任");
        page.fill("[name='rows[0].contactPhone']", "0714-6201004");
        page.selectOption("[name='rows[0].categoryCode']", "LOGISTICS");
        page.fill("[name='rows[0].content']", "园区道路尚未硬化，雨天重车无法进出。" + AppealSupport.noise(3));
        page.selectOption("[name='rows[0].responsibleUnitId']", new SelectOption().setLabel("市交通运输局"));
        page.click("#save-meeting");
        assertThat(page.locator(".alert-success[role=alert]")).containsText("诉求 1 件已派发");
        assertThat(page.locator("#appeal-table")).containsText("市交通运输局");
    }
}
