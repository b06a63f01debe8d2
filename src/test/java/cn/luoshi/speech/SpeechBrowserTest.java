package cn.luoshi.speech;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.BrowserTest;
import cn.luoshi.testsupport.LuoshiTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The supervision office imports seed 001, registers the tasks of its six focus areas and finds them on the board. */
@LuoshiTest
class SpeechBrowserTest extends BrowserTest {

    /** The six focus areas (六项重点工作) of part three of seed 001, as a reader finds them. */
    /**
     * The six focus areas of seed 001 and their deployed items, counted by hand from the seed: one task per numbered
     * point (一是, 二是 …), plus the area's own opening requirement where it has one — (五) goes straight to its
     * points. 交通 3 + 1 (按照…的思路，大力推进…), 创新 3 + 1, 产业 3 + 1, 临空 4 + 1, 改革开放 3, 城市品质 3 + 1.
     */
    static final Map<String, Integer> FOCUS_AREAS = new LinkedHashMap<>();

    static {
        FOCUS_AREAS.put("聚焦交通互联互通", 4);
        FOCUS_AREAS.put("聚焦创新赋能发展", 4);
        FOCUS_AREAS.put("聚焦产业转型升级", 4);
        FOCUS_AREAS.put("聚焦全域临空发展", 5);
        FOCUS_AREAS.put("聚焦深化改革开放", 3);
        FOCUS_AREAS.put("聚焦提升城市品质", 4);
    }

    @Test
    void theSixFocusAreasOfSeed001BecomeTasksOnTheBoard() {
        Page page = browser.signIn("duchashi");
        page.click("text=讲话稿导入");
        assertThat(page).hasTitle("讲话稿导入 · 落实");
        page.setInputFiles("#file", Path.of("src/test/resources/speech/seeds/001_c29f753ae4b19a69.txt"));
        page.click("#read-speech");
        page.waitForURL("**/speech/imports/*");
        // Other tests register copies of seed 001 with a line of their own; when one ran first, the page takes this
        // file for an edited copy of it, and the office says it is a speech of its own.
        if (page.locator("#apart-form").count() > 0) {
            page.click("#apart-form button");
            assertThat(page.locator("#apart-form")).hasCount(0);
        }

        assertThat(page.locator("#meetingTitle")).hasValue("市委书记在都市圈建设重点工作推进会上的讲话");
        assertThat(page.locator("#speakerRole")).hasValue("市委书记");
        assertThat(page.locator("#speech-text .hl-task").first()).isVisible();

        page.selectOption("#defaultLeadUnitId", new SelectOption().setLabel("市发展和改革委员会"));
        FOCUS_AREAS.forEach((area, items) -> {
            Locator group = page.locator(".task-group").filter(new Locator.FilterOptions().setHasText(area));
            assertThat(group).hasCount(1);
            assertThat(group.locator(".item-check")).hasCount(items);
            group.locator(".group-toggle").check();
        });
        assertThat(page.locator("#selected-count")).hasText("24");
        int ticked = 24;

        // Clicking an item's pin shows its sentence in the speech.
        page.locator(".task-group .item").filter(new Locator.FilterOptions().setHasText("对接花湖机场"))
                .locator(".source-link").click();
        assertThat(page.locator("#speech-text .flash")).containsText("重点推进");

        page.click("#register");
        assertThat(page.locator("#outcome")).containsText("任务新增 " + ticked + " 项");

        page.click("#outcome a");
        page.waitForURL("**/tasks?meeting=*");
        assertThat(page.locator("body")).containsText("花湖机场高速");
        String meeting = page.url().replaceAll(".*meeting=(\\d+).*", "$1");

        JsonNode list = Api.as(port, "duchashi").get("/api/v1/tasks?meeting=" + meeting + "&size=100").json();
        assertThat(list.path("totalElements").asInt()).isEqualTo(ticked);
        Map<String, Integer> onTheBoard = new LinkedHashMap<>();
        for (JsonNode task : list.path("content")) {
            String path = task.path("outlinePath").asString();
            FOCUS_AREAS.keySet().stream().filter(path::contains).forEach(area -> onTheBoard.merge(area, 1, Integer::sum));
            assertThat(task.path("status").asString()).isEqualTo("DRAFT");
            assertThat(task.path("leadUnit").path("name").asString()).isEqualTo("市发展和改革委员会");
        }
        assertThat(onTheBoard).isEqualTo(FOCUS_AREAS);

        // Importing the same file again shows the registration instead of starting over.
        page.navigate(browser.url("/speech"));
        page.setInputFiles("#file", Path.of("src/test/resources/speech/seeds/001_c29f753ae4b19a69.txt"));
        page.click("#read-speech");
        page.waitForURL("**/speech/imports/*");
        assertThat(page.locator("#registered-note")).containsText("已有 " + ticked + " 项任务");
    }
}
