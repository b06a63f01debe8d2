package cn.luoshi.task;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Lights follow the injected clock, on the task and in the list's filter alike, with per-region thresholds. */
@LuoshiTest
class TaskLightsTest {

    static final LocalDate START = MutableClock.START.toLocalDate();

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    @Autowired
    MutableClock clock;

    TaskFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new TaskFixtures(port, units);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void at(int year, int month, int day) {
        clock.set(ZonedDateTime.of(year, month, day, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
    }

    /** The light the task shows, checked against the list filtered by each light. */
    String light(long id, String tag) {
        String shown = fx.get(id).path("light").asString();
        for (String light : new String[] {"GREEN", "BLUE", "YELLOW", "RED"}) {
            JsonNode page = fx.supervisor.get("/api/v1/tasks?tag=" + tag + "&light=" + light).json();
            boolean listed = page.path("content").valueStream().anyMatch(t -> t.path("id").asLong() == id);
            assertThat(listed).as("task %d under light %s (shows %s)", id, light, shown)
                    .isEqualTo(light.equals(shown));
        }
        return shown;
    }

    @Test
    void theLightFollowsTimeProgressAndTheDeadline() {
        String tag = "亮灯测试A";
        Api gxj = fx.as("gxj");
        // 2026-07-01 .. 2026-12-31: 183 days.
        long id = fx.accepted("亮灯测试：全年任务", DemoCity.GXJ, "gxj", LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 12, 31), Map.of("tags", List.of(tag)));

        assertThat(light(id, tag)).isEqualTo("GREEN");
        assertThat(fx.get(id).path("timeProgress").asDouble()).isEqualTo(7.7);

        at(2026, 8, 1);
        assertThat(fx.get(id).path("timeProgress").asDouble()).isEqualTo(16.9);
        assertThat(light(id, tag)).isEqualTo("YELLOW");

        at(2026, 10, 1);
        assertThat(light(id, tag)).isEqualTo("RED");
        TaskFixtures.ok(fx.report(gxj, id, 60, "进度追上序时"));
        assertThat(light(id, tag)).isEqualTo("GREEN");

        at(2026, 12, 20);
        TaskFixtures.ok(fx.report(gxj, id, 95, "收尾阶段"));
        at(2026, 12, 26);
        assertThat(light(id, tag)).isEqualTo("BLUE");

        at(2027, 1, 1);
        assertThat(light(id, tag)).isEqualTo("RED");
        assertThat(fx.get(id).path("daysLeft").asLong()).isEqualTo(-1);
    }

    @Test
    void regionsSetTheirOwnThresholdsAndTheNearestAncestorWins() {
        String tag = "亮灯测试B";
        Map<String, Object> tagged = Map.of("tags", List.of(tag));
        // Both 8 percentage points behind on 2026-07-15: green under the default 10% yellow line.
        long inDistrict = fx.accepted("亮灯测试：临江县任务", DemoCity.LINJIANG, "ljx.jb", LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 8, 15), tagged);
        long inCity = fx.accepted("亮灯测试：城关区任务", DemoCity.CHENGGUAN, "cgq", LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 8, 15), tagged);
        TaskFixtures.ok(fx.report(fx.as("ljx.jb"), inDistrict, 23, "按计划推进"));
        TaskFixtures.ok(fx.report(fx.as("cgq"), inCity, 23, "按计划推进"));
        assertThat(fx.get(inCity).path("timeProgress").asDouble()).isEqualTo(31.1);
        assertThat(light(inCity, tag)).isEqualTo("GREEN");
        // The demo gives 临江县 a stricter 8% yellow line; without it, the district falls back to the default.
        long linjiang = fx.unit(DemoCity.LINJIANG);
        assertThat(light(inDistrict, tag)).isEqualTo("YELLOW");
        try {
            TaskFixtures.ok(fx.supervisor.delete("/api/v1/light-rules/" + linjiang));
            assertThat(light(inDistrict, tag)).isEqualTo("GREEN");

            Api.Response set = fx.supervisor.put("/api/v1/light-rules/" + linjiang,
                    Map.of("blueWithinDays", 3, "yellowGap", 0.05, "redGap", 0.2));
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(set.json().path("own").path("yellowGap").asDouble()).isEqualTo(0.05);
            assertThat(light(inDistrict, tag)).isEqualTo("YELLOW");
            assertThat(light(inCity, tag)).isEqualTo("GREEN");

            // A unit below the district inherits the rule; percentages are accepted too.
            JsonNode park = fx.supervisor.get("/api/v1/light-rules/"
                    + units.findByCode("990121-GYJZQ").orElseThrow().id()).json();
            assertThat(park.path("own").isNull()).isTrue();
            assertThat(park.path("effective").path("yellowGap").asDouble()).isEqualTo(0.05);
            assertThat(park.path("inheritedFrom").path("name").asString()).isEqualTo("临江县");

            assertThat(fx.as("gxj").put("/api/v1/light-rules/" + linjiang,
                    Map.of("blueWithinDays", 3, "yellowGap", 5, "redGap", 20)).status()).isEqualTo(403);
            assertThat(fx.supervisor.put("/api/v1/light-rules/" + linjiang,
                    Map.of("blueWithinDays", 3, "yellowGap", 30, "redGap", 20)).status()).isEqualTo(400);
            assertThat(Api.as(port, "admin").get("/api/v1/audit/events?action=task.lightRule.set").body())
                    .contains("临江县");
        } finally {
            // Back to the demo's own rule for 临江县, so other tests see the city as loaded, whatever failed above.
            TaskFixtures.ok(fx.supervisor.put("/api/v1/light-rules/" + linjiang,
                    Map.of("blueWithinDays", 10, "yellowGap", 8, "redGap", 25)));
        }
        assertThat(light(inDistrict, tag)).isEqualTo("YELLOW");
    }

    @Test
    void finishedTasksAreGreenWhateverTheDate() {
        String tag = "亮灯测试C";
        long id = fx.draft("亮灯测试：撤销的任务", DemoCity.GXJ, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30),
                Map.of("tags", List.of(tag)));
        assertThat(light(id, tag)).isEqualTo("RED");
        TaskFixtures.ok(fx.step(fx.supervisor, id, "CANCEL", "不再推进"));
        assertThat(light(id, tag)).isEqualTo("GREEN");
    }
}
