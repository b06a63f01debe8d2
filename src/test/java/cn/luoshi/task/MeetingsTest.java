package cn.luoshi.task;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.org.DataScope;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.org.UserAccount;
import cn.luoshi.org.UserAccounts;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Meetings as task sources, and the registration API other modules use (speech import, project problems). */
@LuoshiTest
class MeetingsTest {

    static final LocalDate START = MutableClock.START.toLocalDate();

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Meetings meetings;

    @Autowired
    Tasks tasks;

    TaskFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new TaskFixtures(port, units);
    }

    LuoshiUser signedIn(String username) {
        UserAccount account = accounts.findByUsername(username).orElseThrow();
        Long scope = account.scopeUnitId() != null ? account.scopeUnitId() : account.unitId();
        return new LuoshiUser(account.id(), account.username(), account.displayName(), account.unitId(),
                account.unitName(), account.roles(), DataScope.subtree(units.get(scope)), true, null);
    }

    @Test
    void aMeetingIsRegisteredAndSeenWhereItsTasksAre() {
        Api.Response created = fx.supervisor.post("/api/v1/meetings", Map.of("title", "会议测试：项目建设推进会",
                "meetingDate", START.toString(), "occasion", "推进会", "speakerRole", "常务副市长"));
        assertThat(created.status()).isEqualTo(201);
        long meeting = created.json().path("id").asLong();
        assertThat(created.json().path("organiserUnitName").asString()).isEqualTo("市委督查室");
        assertThat(fx.as("gxj").post("/api/v1/meetings", Map.of("title", "经办人登记会议",
                "meetingDate", START.toString())).status()).isEqualTo(403);
        assertThat(fx.supervisor.post("/api/v1/meetings", Map.of("title", "", "meetingDate", START.toString()))
                .status()).isEqualTo(400);

        // Organised by the city: a district does not see it until it has a task from it.
        assertThat(fx.as("cgq").get("/api/v1/meetings/" + meeting).status()).isEqualTo(404);
        fx.draft("会议测试：城关区落实事项", DemoCity.CHENGGUAN, START, START.plusDays(30),
                Map.of("meetingId", meeting, "outlinePath", "一、"));
        assertThat(fx.as("cgq").get("/api/v1/meetings/" + meeting).json().path("taskCount").asLong())
                .isEqualTo(1);
        assertThat(fx.as("cgq").get("/api/v1/meetings?q=会议测试").body()).contains("会议测试：项目建设推进会");
        assertThat(fx.as("cgq").get("/api/v1/meetings/" + meeting + "/tasks").body())
                .contains("会议测试：城关区落实事项");
        assertThat(fx.as("jnq").get("/api/v1/meetings/" + meeting).status()).isEqualTo(404);
    }

    @Test
    void registeringTheSameSourceItemTwiceGivesTheSameTask() {
        LuoshiUser office = signedIn("duchashi");
        Meeting meeting = meetings.create(new NewMeeting("会议测试：讲话导入", START, "工作会议",
                null, "市长", "同志们：……要建立健全政企沟通机制。"), office);
        NewTask item = NewTask.of("会议测试：建立政企沟通机制", units.findByCode(DemoCity.YSJ).orElseThrow().id(),
                START.plusDays(90), TaskSource.meeting(meeting.id(), "三、", "要建立健全政企沟通机制。", "offset-120"));

        RegisteredTask first = tasks.register(item, office);
        RegisteredTask again = tasks.register(item.assigned(), office);
        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(tasks.bySource(SourceKind.MEETING, meeting.id(), office)).hasSize(1);
        assertThat(tasks.find(first.id(), office).orElseThrow().sourceKey()).isEqualTo("offset-120");
        assertThat(meetings.speechText(meeting.id(), office)).hasValueSatisfying(t -> assertThat(t).contains("政企"));

        // The same key under another meeting is another item.
        Meeting other = meetings.create(new NewMeeting("会议测试：另一次会议", START, null, null, null, null), office);
        RegisteredTask elsewhere = tasks.register(NewTask.of("会议测试：建立政企沟通机制",
                units.findByCode(DemoCity.YSJ).orElseThrow().id(), START.plusDays(90),
                TaskSource.meeting(other.id(), "三、", null, "offset-120")), office);
        assertThat(elsewhere.created()).isTrue();
    }

    @Test
    void aMeetingsTasksAreRegisteredTogetherOrNotAtAll() {
        LuoshiUser office = signedIn("duchashi");
        Meeting meeting = meetings.create(new NewMeeting("会议测试：整体登记", START, null, null, null, null), office);
        long gxj = units.findByCode(DemoCity.GXJ).orElseThrow().id();
        NewTask good = NewTask.of("会议测试：整体登记第一项", gxj, START.plusDays(30),
                TaskSource.meeting(meeting.id(), "一、", null, "k1"));
        NewTask bad = NewTask.of("会议测试：整体登记第二项", gxj, START.minusDays(30),
                TaskSource.meeting(meeting.id(), "二、", null, "k2"));
        assertThatThrownBy(() -> tasks.registerAll(List.of(good, bad), office))
                .isInstanceOf(DomainException.class);
        assertThat(tasks.bySource(SourceKind.MEETING, meeting.id(), office)).isEmpty();

        List<RegisteredTask> registered = tasks.registerAll(List.of(good.assigned(),
                NewTask.of("会议测试：整体登记第二项", gxj, START.plusDays(60),
                        TaskSource.meeting(meeting.id(), "二、", null, "k2"))), office);
        assertThat(registered).extracting(RegisteredTask::status)
                .containsExactly(TaskStatus.ASSIGNED, TaskStatus.DRAFT);

        // A unit handler may not register tasks of its own; a project problem comes through its module.
        LuoshiUser handler = signedIn("fgw");
        assertThatThrownBy(() -> tasks.register(NewTask.of("经办人自行登记", gxj, START.plusDays(30),
                TaskSource.manual()), handler)).isInstanceOf(DomainException.class);
        long fgw = units.findByCode(DemoCity.FGW).orElseThrow().id();
        RegisteredTask problem = tasks.register(NewTask.of("会议测试：项目用地问题", fgw, START.plusDays(30),
                TaskSource.project(4711, "项目用地指标不足", "problem-1")), handler);
        assertThat(problem.created()).isTrue();
        assertThat(Set.of(Role.UNIT_HANDLER)).isEqualTo(handler.roles());
    }
}
