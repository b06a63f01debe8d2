package cn.luoshi.appeal;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.luoshi.appeal.internal.WorkingCalendar;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.NewUser;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.org.UserAccounts;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The holiday notices behind working-day deadlines: 2020–2026 are shipped, 2027 is not (its notice could not be
 * verified when this was written), so a deadline running into 2027 is estimated until the office imports the
 * notice; the admin is warned from 60 days before 1 January; only who may change the shared settings imports.
 * The 2027 notice imported here is a made-up test notice (New Year's Day only), removed again afterwards.
 */
@LuoshiTest
class CalendarNoticeTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final String TEST_NOTICE = "# 测试用通知，并非国务院办公厅的真实安排\n2027-01-01~2027-01-03,休,元旦\n";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrgUnits units;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static ZonedDateTime at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, BEIJING);
    }

    @Test
    void theNoticesOf2020To2026AreShippedAnd2027IsNot() {
        JsonNode coverage = Api.as(port, "admin").get("/api/v1/calendar/coverage").json();
        List<Integer> years = new java.util.ArrayList<>();
        coverage.path("coveredYears").forEach(y -> years.add(y.asInt()));
        assertThat(years).containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026);
        // One check per notice, each a day the notice moves away from Monday-to-Friday.
        assertThat(calendar.isWorkingDay(LocalDate.of(2020, 1, 31))).as("2020 春节 extended, Friday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2020, 2, 1))).as("2020-02-01 no longer worked").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2020, 6, 28))).as("2020 端午 调休 Sunday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2021, 9, 18))).as("2021 中秋 调休 Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2021, 6, 14))).as("2021 端午 Monday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2022, 1, 29))).as("2022 春节 调休 Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2022, 10, 7))).as("2022 国庆 Friday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 1, 2))).as("2023 元旦 Monday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 10, 8))).as("2023 国庆 调休 Sunday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 18))).as("2024 春节 调休 Sunday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 9, 16))).as("2024 中秋 Monday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 2, 3))).as("2025 春节 Monday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).as("2026 元旦 调休 Sunday").isTrue();
        // Without a notice 2027 is Monday to Friday, New Year's Day included.
        assertThat(calendar.covers(2027)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).as("Friday 1 January 2027").isTrue();
    }

    /**
     * Filed on Thursday 24 December 2026 with 10 working days (category FUNDING, tier NORMAL). Without a 2027 notice:
     * 25, 28, 29, 30, 31 December (5), Friday 1 January (6), 4, 5, 6, 7 January (10): due Thursday 7 January, an
     * estimate. With the test notice making 1–3 January a holiday, the tenth day is Friday 8 January.
     */
    @Test
    void anAppealFiledOn24December2026IsEstimatedUntilThe2027NoticeIsImportedAndThenRecounted() {
        clock.set(at(2026, 12, 24, 10, 0));
        Api admin = Api.as(port, "admin");
        Api ysj = Api.as(port, "ysj");
        try {
            assertThat(calendar.plusWorkingDays(at(2026, 12, 24, 10, 0), 10)).isEqualTo(at(2027, 1, 7, 17, 30));

            Api.Response filed = ysj.post("/api/v1/appeals", AppealSupport.publicAppeal("FUNDING", "跨年期限"));
            assertThat(filed.status()).isEqualTo(201);
            long id = filed.json().path("id").asLong();
            String code = filed.json().path("code").asString();
            assertThat(instant(filed.json().path("answerDueAt"))).isEqualTo(at(2027, 1, 7, 17, 30).toOffsetDateTime());
            assertThat(filed.json().path("deadlineEstimated").asBoolean()).isTrue();
            JsonNode before = ysj.get("/api/v1/appeals/" + id).json();
            assertThat(before.path("deadlineEstimated").asBoolean()).isTrue();
            String page = page(ysj, "/appeals/" + id);
            assertThat(page).contains("deadline-estimated").contains("估算");

            // The preview names what would change and writes nothing.
            JsonNode preview = admin.post("/api/v1/calendar/2027/preview", Map.of("text", TEST_NOTICE)).json();
            assertThat(preview.path("added").size()).isEqualTo(3);
            assertThat(preview.path("holidays").asInt()).isEqualTo(3);
            assertThat(movedAnswer(preview, code)).isEqualTo(at(2027, 1, 8, 17, 30).toOffsetDateTime());
            assertThat(calendar.covers(2027)).isFalse();
            assertThat(instant(ysj.get("/api/v1/appeals/" + id).json().path("answerDueAt")))
                    .isEqualTo(at(2027, 1, 7, 17, 30).toOffsetDateTime());

            Api.Response applied = admin.put("/api/v1/calendar/2027",
                    Map.of("text", TEST_NOTICE, "source", "测试用通知"));
            assertThat(applied.status()).isEqualTo(200);
            assertThat(movedAnswer(applied.json(), code)).isEqualTo(at(2027, 1, 8, 17, 30).toOffsetDateTime());
            assertThat(calendar.covers(2027)).isTrue();
            assertThat(calendar.plusWorkingDays(at(2026, 12, 24, 10, 0), 10)).isEqualTo(at(2027, 1, 8, 17, 30));

            JsonNode after = ysj.get("/api/v1/appeals/" + id).json();
            assertThat(instant(after.path("answerDueAt"))).isEqualTo(at(2027, 1, 8, 17, 30).toOffsetDateTime());
            assertThat(after.path("deadlineEstimated").asBoolean()).isFalse();
            assertThat(after.path("version").asInt()).as("a recount is not a user's edit")
                    .isEqualTo(before.path("version").asInt());
            JsonNode history = ysj.get("/api/v1/appeals/" + id + "/history").json();
            assertThat(history.get(history.size() - 1).path("action").asString()).isEqualTo("DEADLINE");
            assertThat(history.get(history.size() - 1).path("note").asString())
                    .contains("2027-01-07 17:30").contains("2027-01-08 17:30");
            assertThat(page(ysj, "/appeals/" + id)).doesNotContain("deadline-estimated");

            Api.Response later = ysj.post("/api/v1/appeals", AppealSupport.publicAppeal("FUNDING", "导入后登记"));
            assertThat(instant(later.json().path("answerDueAt"))).isEqualTo(at(2027, 1, 8, 17, 30).toOffsetDateTime());
            assertThat(later.json().path("deadlineEstimated").asBoolean()).isFalse();
        } finally {
            removeTestNotice(admin);
        }
        assertThat(calendar.covers(2027)).isFalse();
    }

    /**
     * Dispatched on Thursday 31 December 2026 at 16:30 with 2 office hours to sign for (tier NORMAL): one hour on
     * the 31st, the second on the next working day. Without a 2027 notice that is Friday 1 January, 09:30; with the
     * test notice, Monday 4 January, 09:30. The answer's 10 working days from the 31st end on 14 January without
     * the notice (1 January counted) and on 15 January with it.
     */
    @Test
    void aSignForDeadlineIsRecountedInOfficeHours() {
        clock.set(at(2026, 12, 31, 16, 30));
        Api admin = Api.as(port, "admin");
        try {
            Map<String, Object> body = new java.util.HashMap<>(AppealSupport.publicAppeal("FUNDING", "跨年签收"));
            body.put("responsibleUnitId", units.findByCode(DemoCity.GXJ).orElseThrow().id());
            Api.Response filed = Api.as(port, "ysj").post("/api/v1/appeals", body);
            assertThat(filed.status()).isEqualTo(201);
            long id = filed.json().path("id").asLong();
            JsonNode before = Api.as(port, "ysj").get("/api/v1/appeals/" + id).json();
            assertThat(before.path("status").asString()).isEqualTo("DISPATCHED");
            assertThat(instant(before.path("acceptDueAt"))).isEqualTo(at(2027, 1, 1, 9, 30).toOffsetDateTime());
            assertThat(instant(before.path("answerDueAt"))).isEqualTo(at(2027, 1, 14, 17, 30).toOffsetDateTime());
            assertThat(before.path("deadlineEstimated").asBoolean()).isTrue();

            assertThat(admin.put("/api/v1/calendar/2027", Map.of("text", TEST_NOTICE, "source", "测试用通知"))
                    .status()).isEqualTo(200);
            JsonNode after = Api.as(port, "ysj").get("/api/v1/appeals/" + id).json();
            assertThat(instant(after.path("acceptDueAt"))).isEqualTo(at(2027, 1, 4, 9, 30).toOffsetDateTime());
            assertThat(instant(after.path("answerDueAt"))).isEqualTo(at(2027, 1, 15, 17, 30).toOffsetDateTime());
            assertThat(after.path("deadlineEstimated").asBoolean()).isFalse();
        } finally {
            removeTestNotice(admin);
        }
    }

    @Test
    void theAdminIsWarnedFromSixtyDaysBefore2027WithoutItsNoticeAndNotOneDayEarlier() {
        Api admin = Api.as(port, "admin");
        // 1 January 2027 minus 60 days is 2 November 2026.
        clock.set(at(2026, 11, 2, 0, 5));
        JsonNode warning = admin.get("/api/v1/calendar/coverage").json().path("warning");
        assertThat(warning.path("year").asInt()).isEqualTo(2027);
        assertThat(warning.path("daysLeft").asInt()).isEqualTo(60);
        assertThat(page(admin, "/")).contains("id=\"calendar-warning\"").contains("2027年的节假日安排尚未录入，60 天后开始");
        assertThat(page(Api.as(port, "cgq"), "/")).as("a district handler cannot import it")
                .doesNotContain("calendar-warning");

        clock.set(at(2026, 11, 1, 23, 55));
        assertThat(admin.get("/api/v1/calendar/coverage").json().path("warning").isNull()).isTrue();
        assertThat(page(admin, "/")).doesNotContain("calendar-warning");
    }

    @Test
    void aDistrictSupervisorCannotChangeWhatEveryRegionSharesAndNothingIsWritten() {
        String username = "cgqdcs";
        if (accounts.findByUsername(username).isEmpty()) {
            long chengguan = units.findByCode(DemoCity.CHENGGUAN).orElseThrow().id();
            accounts.createSystem(new NewUser(username, "城关区 督查室", Api.PASSWORD, chengguan, null,
                    Set.of(Role.SUPERVISOR), null, null));
        }
        long days = jdbc.sql("select count(*) from appeal_calendar_day").query(Long.class).single();
        long audits = jdbc.sql("select count(*) from audit_event where action like 'appeal.calendar%' "
                + "or action like 'appeal.sla%'").query(Long.class).single();
        String tier = Api.as(port, "admin").get("/api/v1/appeals/sla-tiers").body();

        Api district = Api.as(port, username);
        Api.Response notice = district.put("/api/v1/calendar/2027", Map.of("text", TEST_NOTICE, "source", "区里录入"));
        assertThat(notice.status()).isEqualTo(403);
        assertThat(notice.json().path("detail").asString()).contains("最上级地区");
        assertThat(district.post("/api/v1/calendar/2027/preview", Map.of("text", TEST_NOTICE)).status())
                .isEqualTo(403);
        assertThat(district.put("/api/v1/appeals/calendar/2027-01-01",
                Map.of("day", "2027-01-01", "working", false, "note", "元旦")).status()).isEqualTo(403);
        assertThat(district.put("/api/v1/appeals/sla-tiers/NORMAL", Map.of("acceptHours", 8, "answerDays", 20,
                "ratingDays", 5, "version", 0)).status()).isEqualTo(403);
        // The page offers no import form, and a forged form post is refused on the page.
        assertThat(page(district, "/appeals/calendar?year=2027")).doesNotContain("id=\"calendar-import\"");

        assertThat(jdbc.sql("select count(*) from appeal_calendar_day").query(Long.class).single()).isEqualTo(days);
        assertThat(calendar.covers(2027)).isFalse();
        assertThat(jdbc.sql("select count(*) from audit_event where action like 'appeal.calendar%' "
                + "or action like 'appeal.sla%'").query(Long.class).single()).isEqualTo(audits);
        assertThat(Api.as(port, "admin").get("/api/v1/appeals/sla-tiers").body()).isEqualTo(tier);
    }

    @Test
    void aNoticeWithMistakesIsRefusedLineByLineAndNothingIsWritten() {
        Api admin = Api.as(port, "admin");
        long days = jdbc.sql("select count(*) from appeal_calendar_day").query(Long.class).single();
        // Line 2: 4 January 2027 is a Monday, a working day anyway; line 3 lies in 2028; line 4 is no entry.
        String text = "2027-01-01,休,元旦\n2027-01-04,班,调休\n2028-01-01,休,元旦\n元旦放三天\n";
        Api.Response refused = admin.put("/api/v1/calendar/2027", Map.of("text", text, "source", "测试"));
        assertThat(refused.status()).isEqualTo(400);
        List<String> messages = refused.json().path("errors").findValuesAsString("message");
        assertThat(messages).containsExactly(
                "第 2 行：2027-01-04 本是工作日，不能标为“班”（调休上班日是周六或周日）",
                "第 3 行的日期不在2027年内（或起止颠倒）",
                "第 4 行无法识别：“元旦放三天”（应为：日期,休或班,名称）");
        assertThat(admin.put("/api/v1/calendar/2027", Map.of("text", "2027-01-01,休,元旦")).status())
                .as("no source").isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from appeal_calendar_day").query(Long.class).single()).isEqualTo(days);
        assertThat(calendar.covers(2027)).isFalse();
    }

    @Test
    void theOfficeEntersANoticeOnThePageAfterItsPreview() {
        Api admin = Api.as(port, "admin");
        try {
            String preview = form(admin, "/appeals/calendar/preview", Map.of("year", "2027", "text", TEST_NOTICE));
            assertThat(preview).contains("id=\"calendar-preview\"").contains("共休 3 天、班 0 天；新增 3 项");
            assertThat(calendar.covers(2027)).as("the preview writes nothing").isFalse();
            String applied = form(admin, "/appeals/calendar/apply", Map.of("year", "2027", "text", TEST_NOTICE,
                    "source", "测试用通知"));
            assertThat(calendar.covers(2027)).isTrue();
            assertThat(applied).contains("依据：测试用通知").contains("2027-01-02").doesNotContain("year-uncovered");
        } finally {
            removeTestNotice(admin);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void removeTestNotice(Api admin) {
        JsonNode notice = admin.get("/api/v1/calendar/2027").json().path("notice");
        if (!notice.isNull() && !notice.isMissingNode()) {
            assertThat(admin.delete("/api/v1/calendar/2027?version=" + notice.path("version").asInt()).status())
                    .isEqualTo(200);
        }
    }

    private static OffsetDateTime movedAnswer(JsonNode preview, String code) {
        for (JsonNode m : preview.path("movedDeadlines")) {
            if (m.path("code").asString().equals(code)) {
                return instant(m.path("answerAfter"));
            }
        }
        throw new AssertionError(code + " not among " + preview.path("movedDeadlines"));
    }

    private static OffsetDateTime instant(JsonNode node) {
        return OffsetDateTime.parse(node.asString()).atZoneSameInstant(BEIJING).toOffsetDateTime();
    }

    private static String page(Api api, String path) {
        Api.Response response = api.send(api.builder(path).setHeader("Accept", "text/html").GET());
        assertThat(response.status()).as(path).isEqualTo(200);
        return response.body();
    }

    /** A form post as the page sends it (Basic credentials need no CSRF token); follows the redirect. */
    private static String form(Api api, String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        Api.Response response = api.send(api.builder(path).setHeader("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (response.status() == 302) {
            return page(api, "/appeals/calendar?year=" + fields.get("year"));
        }
        assertThat(response.status()).as(path).isEqualTo(200);
        return response.body();
    }
}
