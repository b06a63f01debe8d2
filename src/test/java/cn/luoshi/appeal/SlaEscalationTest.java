package cn.luoshi.appeal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;

import cn.luoshi.appeal.internal.PublicIntakeGuard;
import cn.luoshi.appeal.internal.SlaEscalation;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Deadlines in working time across the National Day holiday, reminders, escalation and closing without rating. */
@LuoshiTest
class SlaEscalationTest {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    SlaEscalation escalation;

    @Autowired
    OrgUnits units;

    @Autowired
    PublicIntakeGuard guard;

    @AfterEach
    void reset() {
        clock.reset();
        guard.reset("127.0.0.1");
    }

    JsonNode appeal(long id) {
        return Api.as(port, "duchashi").get("/api/v1/appeals/" + id).json();
    }

    @Test
    void aLateAppealIsRemindedThenEscalatedToTheSupervisorAndAnUnratedAnswerClosesByItself() {
        // Filed on Wednesday 30 September 2026 at 16:30, the day before the National Day holiday.
        clock.set(ZonedDateTime.of(2026, 9, 30, 16, 30, 0, 0, MutableClock.START.getZone()));
        Map<String, Object> body = AppealSupport.publicAppeal("POWER", "国庆");
        body.put("responsibleUnitId", units.findByCode(DemoCity.SWJ).orElseThrow().id());
        body.put("channel", "STAFF_PHONE");
        Api.Response filed = Api.as(port, "ysj").post("/api/v1/appeals", body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long id = filed.json().path("id").asLong();
        JsonNode a = appeal(id);
        // One office hour left on the 30th, the second on Thursday 8 October after the holiday.
        assertThat(a.path("acceptDueAt").asString()).isEqualTo("2026-10-08T09:30:00+08:00");
        // Five working days: 8, 9, 10 (调休 Saturday), 12, 13 October.
        assertThat(a.path("answerDueAt").asString()).isEqualTo("2026-10-13T17:30:00+08:00");

        clock.set(ZonedDateTime.of(2026, 10, 8, 10, 0, 0, 0, MutableClock.START.getZone()));
        // Other appeals of the shared demo may be escalated in the same pass: what counts is this one.
        escalation.run(OffsetDateTime.now(clock));
        a = appeal(id);
        assertThat(a.path("escalationLevel").asInt()).isEqualTo(1);
        assertThat(a.path("overdue").asBoolean()).isTrue();
        assertThat(Api.as(port, "swj").get("/api/v1/notifications").body()).contains("签收超时");
        assertThat(Api.as(port, "duchashi").get("/api/v1/appeals?overdue=true&q=" + a.path("code").asString())
                .json().path("totalElements").asLong()).isEqualTo(1);

        int v = a.path("version").asInt();
        v = Api.as(port, "swj").post("/api/v1/appeals/" + id + "/transitions",
                Map.of("action", "ACCEPT", "version", v)).json().path("version").asInt();
        clock.set(ZonedDateTime.of(2026, 10, 14, 9, 0, 0, 0, MutableClock.START.getZone()));
        escalation.run(OffsetDateTime.now(clock));
        a = appeal(id);
        assertThat(a.path("escalationLevel").asInt()).isEqualTo(2);
        assertThat(a.path("supervisorFlag").asBoolean()).isTrue();
        assertThat(Api.as(port, "duchashi").get("/api/v1/notifications").body()).contains(a.path("code").asString());

        Api.Response answered = Api.as(port, "swj").post("/api/v1/appeals/" + id + "/transitions",
                Map.of("action", "ANSWER", "version", v, "answer", "已协调解决"));
        assertThat(answered.json().path("status").asString()).isEqualTo("ANSWERED");
        // Five working days without a rating close the appeal.
        clock.advance(Duration.ofDays(4));
        escalation.run(OffsetDateTime.now(clock));
        assertThat(appeal(id).path("status").asString()).isEqualTo("ANSWERED");
        clock.advance(Duration.ofDays(4));
        escalation.run(OffsetDateTime.now(clock));
        a = appeal(id);
        assertThat(a.path("status").asString()).isEqualTo("CLOSED");
        assertThat(a.path("closeReason").asString()).isEqualTo("NO_RATING");
    }
}
