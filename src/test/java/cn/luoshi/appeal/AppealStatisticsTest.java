package cn.luoshi.appeal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import cn.luoshi.appeal.internal.AppealFiguresQuery;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The monthly summary of settled appeals gives exactly the figures of a count over every appeal. */
@LuoshiTest
class AppealStatisticsTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    AppealFiguresQuery query;

    @Autowired
    UserDetailsService users;

    @Autowired
    MutableClock clock;

    List<AppealFiguresQuery.Row> run(String user, LocalDate from, LocalDate to, boolean summary) {
        LuoshiUser me = (LuoshiUser) users.loadUserByUsername(user);
        return query.run(me.scope(), null, null, from.atStartOfDay(BEIJING).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(BEIJING).toOffsetDateTime(), OffsetDateTime.now(clock), BEIJING, summary);
    }

    @Test
    void summaryAndLiveCountsAgreeForEveryReaderAndPeriod() {
        for (String user : List.of("duchashi", "ysj", "cgq", "jnq", "gxj", "admin")) {
            for (LocalDate[] period : new LocalDate[][] {
                    {LocalDate.of(2025, 7, 16), LocalDate.of(2026, 7, 15)},
                    {LocalDate.of(2025, 9, 1), LocalDate.of(2026, 5, 31)},
                    {LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 20)}}) {
                assertThat(run(user, period[0], period[1], true)).as(user + " " + period[0])
                        .containsExactlyInAnyOrderElementsOf(run(user, period[0], period[1], false));
            }
        }
        assertThat(run("duchashi", LocalDate.of(2025, 7, 16), LocalDate.of(2026, 7, 15), true)).isNotEmpty();
    }

    @Test
    void aDistrictReadsOnlyItsOwnUnits() {
        JsonNode stats = Api.as(port, "cgq").get("/api/v1/appeals/stats").json();
        assertThat(stats.path("overall").path("total").asLong()).isPositive();
        assertThat(stats.path("byUnit").findValuesAsString("label")).isNotEmpty()
                .allMatch(label -> label.startsWith("城关区"));
        assertThat(Api.as(port, "cgq").get("/api/v1/appeals/stats?unit=1").status()).isEqualTo(404);
    }
}
