package cn.luoshi.project;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.BrowserTest;
import cn.luoshi.testsupport.LuoshiTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@LuoshiTest
class ProjectBrowserTest extends BrowserTest {

    @Autowired
    OrgUnits units;

    @Test
    void theProjectOfficeFilesAMonthAndSeesTheLightAndChartChange() throws IOException {
        Api fgw = Api.as(port, "fgw");
        long id = fgw.post("/api/v1/projects", Map.of("code", "T-UI-1", "name", "城南快速路二期工程",
                "category", "INFRASTRUCTURE", "programme", "十大重点基础工程",
                "leadUnitId", units.findByCode(DemoCity.FGW).orElseThrow().id(), "totalInvestment", 36000,
                "startYear", 2026, "endYear", 2028, "stage", "CONSTRUCTION", "leaderInCharge", "王副市长"))
                .json().path("id").asLong();
        fgw.put("/api/v1/projects/" + id + "/plans/2026", Map.of("planned", 12000));
        fgw.post("/api/v1/projects/" + id + "/milestones", Map.of("name", "取得施工许可", "plannedDate", "2026-03-20"));
        fgw.post("/api/v1/projects/" + id + "/milestones", Map.of("name", "主线桥梁合龙", "plannedDate", "2026-10-30"));

        Page page = browser.signIn("fgw");
        page.navigate(browser.url("/projects"));
        assertThat(page.locator("#project-table")).containsText("城南快速路二期工程");
        assertThat(page.locator("#portfolio-chart canvas")).hasCount(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "project-list.png"))
                .setFullPage(true));

        page.click("text=城南快速路二期工程");
        // The permit milestone is past its date and not reached: red.
        assertThat(page.locator("#project-light")).containsText("红灯");
        assertThat(page.locator("#milestone-timeline")).containsText("已逾期");

        page.selectOption("#month", "6");
        page.fill("#completedYtd", "6100");
        page.fill("#physicalProgress", "主线路基完成 60%，桥梁下部结构施工中");
        page.getByLabel("取得施工许可").check();
        page.setInputFiles("#photos", new FilePayload("site.png", "image/png", png()));
        page.click("#file-progress");

        assertThat(page.locator(".alert-success")).containsText("已报送 2026 年 6 月进展");
        assertThat(page.locator("#project-light")).containsText("绿灯");
        assertThat(page.locator("#year-completed")).containsText("6,100 万元");
        assertThat(page.locator("#month-table")).containsText("主线路基完成 60%");
        assertThat(page.locator("#month-table img")).hasCount(1);
        assertThat(page.locator("#investment-chart")).hasAttribute("data-rendered", "true");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "project-detail.png"))
                .setFullPage(true));
    }

    @Test
    void aWrongImportIsRejectedWithARowByRowReport() {
        Page page = browser.signIn("fgw");
        page.navigate(browser.url("/projects/import"));
        String csv = """
                项目编号,项目名称,项目类别,牵头单位,总投资（万元）,开工年份,竣工年份
                T-UI-IMP-1,导入测试项目甲,基础设施,市发展和改革委员会,5000,2026,2027
                T-UI-IMP-2,导入测试项目乙,桥梁,市发展和改革委员会,五千,2026,2027
                """;
        page.setInputFiles("#import-projects input[type=file]", new FilePayload("项目清单.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        page.click("#import-projects button");
        assertThat(page.locator("#import-rejected")).containsText("本次没有导入任何数据");
        assertThat(page.locator("#row-errors")).containsText("第 3 行「项目类别」");
        assertThat(page.locator("#row-errors")).containsText("第 3 行「总投资（万元）」");
        page.navigate(browser.url("/projects?q=T-UI-IMP-1"));
        assertThat(page.locator("#project-table")).not().containsText("导入测试项目甲");
    }

    @Test
    void anImportIsShownAsAPreviewAndWrittenOnlyWhenConfirmed() {
        Api fgw = Api.as(port, "fgw");
        long id = fgw.post("/api/v1/projects", Map.of("code", "T-UI-PV-1", "name", "预览测试项目甲",
                "category", "INFRASTRUCTURE", "leadUnitId", units.findByCode(DemoCity.FGW).orElseThrow().id(),
                "totalInvestment", 5000, "startYear", 2026, "endYear", 2027, "stage", "CONSTRUCTION"))
                .json().path("id").asLong();
        Page page = browser.signIn("fgw");
        page.navigate(browser.url("/projects/import"));
        String csv = """
                项目编号,项目名称,项目类别,牵头单位,总投资（万元）,开工年份,竣工年份
                T-UI-PV-1,预览测试项目甲,基础设施,市发展和改革委员会,5500,2026,2027
                T-UI-PV-2,预览测试项目乙,产业,市发展和改革委员会,800,2026,2026
                """;
        page.setInputFiles("#import-projects input[type=file]", new FilePayload("预览清单.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        page.click("#import-projects button");
        assertThat(page.locator("#preview-counts")).hasText("共 2 行：新增 1 行，变更 1 行，未变 0 行，拒绝 0 行。");
        assertThat(page.locator("#preview-table tr[data-row='2']")).containsText("变更");
        assertThat(page.locator("#preview-table tr[data-row='2']")).containsText("总投资（万元）：5000 → 5500");
        assertThat(page.locator("#preview-table tr[data-row='3']")).containsText("新增");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target", "screenshots", "project-import-preview.png")).setFullPage(true));
        // Nothing is written before the confirmation.
        org.assertj.core.api.Assertions.assertThat(fgw.get("/api/v1/projects/" + id).json().path("project")
                        .path("totalInvestment").decimalValue())
                .isEqualByComparingTo("5000");
        org.assertj.core.api.Assertions.assertThat(fgw.get("/api/v1/projects?q=T-UI-PV-2").json()
                        .path("totalElements").asLong()).isZero();

        page.click("#import-confirm");
        assertThat(page.locator("#import-success")).containsText("导入成功：新增 1 个项目，更新 1 个项目，0 个未变。");
        org.assertj.core.api.Assertions.assertThat(fgw.get("/api/v1/projects/" + id).json().path("project")
                        .path("totalInvestment").decimalValue())
                .isEqualByComparingTo("5500");
        org.assertj.core.api.Assertions.assertThat(fgw.get("/api/v1/projects?q=T-UI-PV-2").json()
                        .path("totalElements").asLong()).isEqualTo(1);
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(180, 120, 60));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
