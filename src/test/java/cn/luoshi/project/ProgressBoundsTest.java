package cn.luoshi.project;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import cn.luoshi.org.DemoCity;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A month's investment beyond what the register holds is refused in words, not an internal error. */
@LuoshiTest
class ProgressBoundsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void anInvestmentOfTenBillionWanYuanIsRefusedAndNothingIsWritten() {
        long project = jdbc.sql("""
                        select p.id from project p join org_unit u on u.id = p.lead_unit_id
                        where u.code = ? order by p.id limit 1""").param(DemoCity.FGW).query(Long.class).single();
        LocalDate today = LocalDate.now(clock);
        long before = jdbc.sql("select count(*) from project_month").query(Long.class).single();

        Api.Response refused = Api.as(port, "fgw").post("/api/v1/projects/" + project + "/progress",
                Map.of("year", today.getYear(), "month", today.getMonthValue(), "completed", "1e13"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("completed");
        assertThat(jdbc.sql("select count(*) from project_month").query(Long.class).single()).isEqualTo(before);
    }
}
