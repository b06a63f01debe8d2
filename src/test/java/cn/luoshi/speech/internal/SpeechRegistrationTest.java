package cn.luoshi.speech.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.project.Projects;
import cn.luoshi.speech.SpeechExtraction;
import cn.luoshi.speech.SpeechProject;
import cn.luoshi.speech.SpeechTarget;
import cn.luoshi.speech.SpeechTask;
import cn.luoshi.task.Meetings;
import cn.luoshi.task.SourceKind;
import cn.luoshi.task.TaskSummary;
import cn.luoshi.task.Tasks;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Registering a reviewed speech: one transaction, no duplicates on a second import, refusals change nothing. */
@LuoshiTest
class SpeechRegistrationTest {

    @Autowired
    SpeechReviews reviews;
    @Autowired
    Meetings meetings;
    @Autowired
    Tasks tasks;
    @Autowired
    Projects projects;
    @Autowired
    OrgUnits units;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private LuoshiUser user(String name) {
        return (LuoshiUser) users.loadUserByUsername(name);
    }

    /** Seed 001 with a line of its own, so this test's meeting is not the one other tests register. */
    private static String seed001(String mark) {
        try (InputStream in = SpeechRegistrationTest.class.getResourceAsStream(
                "/speech/seeds/001_c29f753ae4b19a69.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n（" + mark + "）\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a copy of seed 001 as a speech of its own: the copies differ in one line, so an office would take each
     * for an edited copy of the first one registered; the test says it is another speech.
     */
    private SpeechImport readApart(String text, LuoshiUser office) {
        SpeechImport read = reviews.read(text, null, office);
        return read.revision() ? reviews.registerApart(read.id(), read.version(), office) : read;
    }

    private RegistrationForm form(SpeechExtraction extraction, String title, String headingPart, long leadUnit) {
        RegistrationForm form = new RegistrationForm();
        form.meetingTitle = title;
        form.meetingDate = LocalDate.of(2026, 7, 10);
        form.speakerRole = extraction.speakerRole();
        form.defaultLeadUnitId = leadUnit;
        for (SpeechTask t : extraction.tasks()) {
            RegistrationForm.TaskItem item = new RegistrationForm.TaskItem();
            item.key = SpeechReviews.taskKey(t);
            item.selected = t.outlinePath().stream().anyMatch(h -> h.contains(headingPart));
            form.tasks.add(item);
        }
        for (SpeechTarget t : extraction.targets()) {
            RegistrationForm.TargetItem item = new RegistrationForm.TargetItem();
            item.key = SpeechReviews.targetKey(t);
            item.selected = "GDP".equals(t.indicator());
            form.targets.add(item);
        }
        for (SpeechProject p : extraction.projects()) {
            RegistrationForm.ProjectItem item = new RegistrationForm.ProjectItem();
            item.key = SpeechReviews.projectKey(p);
            item.selected = "花湖机场高速".equals(p.name());
            form.projects.add(item);
        }
        return form;
    }

    @Test
    void theTickedItemsBecomeAMeetingWithTasksATargetAndAProjectAndASecondImportAddsNothing() {
        LuoshiUser office = user("duchashi");
        long jtj = units.findByCode(DemoCity.ZJJ).orElseThrow().id();
        String text = seed001("登记测试一");
        SpeechImport speech = readApart(text, office);
        SpeechExtraction extraction = reviews.extract(speech.text());
        RegistrationForm form = form(extraction, "登记测试一：都市圈建设推进会", "聚焦交通互联互通", jtj);
        long ticked = form.tasks.stream().filter(i -> i.selected).count();
        // the area's requirement (按照…的思路，大力推进…) and its three points (对接新城, 对接机场, 多式联运)
        assertThat(ticked).as("the transport focus area has its four items").isEqualTo(4);

        RegistrationOutcome first = reviews.register(speech.id(), form, office);

        assertThat(first.meetingCreated()).isTrue();
        assertThat(first.tasksCreated()).isEqualTo(4);
        assertThat(first.targets()).isEqualTo(1);
        assertThat(first.projectsCreated()).isEqualTo(1);
        List<TaskSummary> registered = tasks.bySource(SourceKind.MEETING, first.meetingId(), office);
        assertThat(registered).hasSize(4).allSatisfy(t -> assertThat(t.leadUnitId()).isEqualTo(jtj));
        assertThat(registered).extracting(TaskSummary::title).anyMatch(title -> title.contains("花湖机场高速"));
        assertThat(meetings.find(first.meetingId(), office).orElseThrow().title()).isEqualTo("登记测试一：都市圈建设推进会");

        // The same text again: the registration is found, and registering the same ticks adds nothing.
        SpeechImport again = reviews.read(text, "001-copy.txt", office);
        assertThat(again.id()).isEqualTo(speech.id());
        assertThat(again.registered()).isTrue();
        RegistrationForm more = form(extraction, "ignored", "聚焦交通互联互通", jtj);
        more.tasks.stream().filter(i -> !i.selected).findFirst().orElseThrow().selected = true;
        RegistrationOutcome second = reviews.register(again.id(), more, office);
        assertThat(second.meetingId()).isEqualTo(first.meetingId());
        assertThat(second.tasksCreated()).isEqualTo(1);
        assertThat(second.tasksExisting()).isEqualTo(4);
        assertThat(second.projectsExisting()).isEqualTo(1);
        assertThat(tasks.bySource(SourceKind.MEETING, first.meetingId(), office)).hasSize(5);
        assertThat(meetings.list("登记测试一", office, Paging.of(0, 20)).totalElements()).isEqualTo(1);

        // Pasted again from another editor: Windows line ends, a trailing space on every line, a blank line after
        // each paragraph and full-width spaces at the start. Still the same speech, registered once.
        String pasted = "\u3000\u3000" + text.replace("\n", " \r\n\r\n");
        SpeechImport copy = reviews.read(pasted, "001-pasted.txt", office);
        assertThat(copy.id()).isEqualTo(speech.id());
        RegistrationOutcome third = reviews.register(copy.id(), more, office);
        assertThat(third.meetingCreated()).isFalse();
        assertThat(third.tasksCreated()).isZero();
        assertThat(third.tasksExisting()).isEqualTo(5);
        assertThat(tasks.bySource(SourceKind.MEETING, first.meetingId(), office)).hasSize(5);
        assertThat(meetings.list("登记测试一", office, Paging.of(0, 20)).totalElements()).isEqualTo(1);
    }

    @Test
    void anItemsKeyIsItsTextWithoutLayoutNotWhereItStands() {
        SpeechTask here = new SpeechTask("加快推进花湖机场高速建设，确保年内通车。", List.of("一、聚焦交通互联互通"), 120, 141);
        SpeechTask elsewhere = new SpeechTask("加快推进 花湖机场高速建设，\n确保年内通车。 ", List.of("一、聚焦交通互联互通"),
                480, 503);
        SpeechTask other = new SpeechTask("加快推进花湖机场高速建设，确保年底通车。", List.of("一、聚焦交通互联互通"), 120, 141);
        assertThat(SpeechReviews.taskKey(elsewhere)).isEqualTo(SpeechReviews.taskKey(here));
        assertThat(SpeechReviews.taskKey(other)).isNotEqualTo(SpeechReviews.taskKey(here));
        assertThat(SpeechIdentity.fingerprint("一、抓好项目建设\r\n要加快推进。 "))
                .isEqualTo(SpeechIdentity.fingerprint("一、抓好项目建设\n\n要加快推进。"))
                .isNotEqualTo(SpeechIdentity.fingerprint("一、抓好项目建设\n要加快推进！"));
    }

    @Test
    void oneRefusedItemLeavesNothingRegistered() {
        LuoshiUser office = user("duchashi");
        long zjj = units.findByCode(DemoCity.ZJJ).orElseThrow().id();
        long otherCity = units.findByCode(DemoCity.PEER_CITY).orElseThrow().id();
        SpeechImport speech = readApart(seed001("登记测试二"), office);
        SpeechExtraction extraction = reviews.extract(speech.text());
        RegistrationForm form = form(extraction, "登记测试二：都市圈建设推进会", "聚焦创新赋能发展", zjj);
        RegistrationForm.TaskItem last = form.tasks.stream().filter(i -> i.selected).reduce((a, b) -> b).orElseThrow();
        last.leadUnitId = otherCity;

        long airportsBefore = airportProjects(extraction);

        assertThatThrownBy(() -> reviews.register(speech.id(), form, office))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("speech.error.item"));

        assertThat(meetings.list("登记测试二", office, Paging.of(0, 20)).totalElements()).isZero();
        assertThat(reviews.find(speech.id(), office).orElseThrow().registered()).isFalse();
        // The project ticked beside the refused task was not kept either: as many projects carry its key as before.
        assertThat(airportProjects(extraction)).isEqualTo(airportsBefore);
    }

    /** Projects registered from any meeting under the key of seed 001's 花湖机场高速. */
    private long airportProjects(SpeechExtraction extraction) {
        SpeechProject airport = extraction.projects().stream().filter(p -> p.name().equals("花湖机场高速"))
                .findFirst().orElseThrow();
        return jdbc.sql("select count(*) from project where source_key = ?")
                .param(SpeechReviews.projectKey(airport)).query(Long.class).single();
    }

    @Test
    void onlyTheSupervisionOfficeImportsSpeeches() {
        assertThatThrownBy(() -> reviews.read("一、抓好项目建设\n要加快推进。", null, user("gxj")))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("speech.error.onlySupervisor"));
        SpeechImport mine = readApart(seed001("登记测试三"), user("duchashi"));
        assertThat(reviews.find(mine.id(), user("jnq"))).isEmpty();
    }

    @Test
    void anEditedCopyFindsItsMeetingAndRegistersOnlyWhatChanged() {
        LuoshiUser office = user("duchashi");
        long jtj = units.findByCode(DemoCity.ZJJ).orElseThrow().id();
        String text = seed001("修改稿测试");
        SpeechImport speech = readApart(text, office);
        RegistrationOutcome first = reviews.register(speech.id(),
                form(reviews.extract(speech.text()), "修改稿测试：都市圈建设推进会", "聚焦交通互联互通", jtj), office);
        assertThat(first.tasksCreated()).isEqualTo(4);

        // The office changes one word of the third transport point (进一步 → 加快) and adds spaces, then imports it.
        String edited = text.replace("进一步做大做强", "加快做大做强").replace("\n", " \n");
        assertThat(edited).isNotEqualTo(text);
        SpeechImport copy = reviews.read(edited, "001-edited.txt", office);
        assertThat(copy.id()).isNotEqualTo(speech.id());
        assertThat(copy.revisionOf()).isEqualTo(speech.id());
        assertThat(copy.meetingId()).isEqualTo(first.meetingId());
        // Three characters became two in a text of over 5,000: at most 7 five-character runs lost and 6 gained,
        // (N - 7) / (N + 6) is above 0.99, and the share is rounded down.
        assertThat(SpeechReviews.percent(copy.similarity())).isEqualTo(99);
        // Its review page says so, and names the registered point this copy no longer has word for word.
        String page = Api.as(port, "duchashi").get("/speech/imports/" + copy.id()).body();
        assertThat(page).contains("此稿是已登记讲话稿的修改稿（内容相同 99%），归入原会议。")
                .contains("以下 1 项任务由原稿登记、此稿中已无相同内容（已改动或删去），保持原样：")
                .contains("不是修改稿，作为另一篇讲话登记");

        // Registering the same four ticks adds the changed point and finds the other three.
        RegistrationOutcome second = reviews.register(copy.id(),
                form(reviews.extract(copy.text()), "ignored", "聚焦交通互联互通", jtj), office);
        assertThat(second.meetingCreated()).isFalse();
        assertThat(second.meetingId()).isEqualTo(first.meetingId());
        assertThat(second.tasksCreated()).isEqualTo(1);
        assertThat(second.tasksExisting()).isEqualTo(3);
        assertThat(tasks.bySource(SourceKind.MEETING, first.meetingId(), office)).hasSize(5);
        assertThat(meetings.list("修改稿测试", office, Paging.of(0, 20)).totalElements()).isEqualTo(1);

        // The same edited copy again is that copy; once items were registered from it, it stays with the meeting.
        assertThat(reviews.read(edited, null, office).id()).isEqualTo(copy.id());
        assertThatThrownBy(() -> reviews.registerApart(copy.id(), reviews.find(copy.id(), office).orElseThrow()
                .version(), office))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("speech.error.notDetachable"));
    }

    @Test
    void anotherSpeechOrAnotherOfficesCopyIsNotAnEditedCopy() {
        LuoshiUser office = user("duchashi");
        long jtj = units.findByCode(DemoCity.ZJJ).orElseThrow().id();
        SpeechImport speech = readApart(seed001("他稿测试"), office);
        reviews.register(speech.id(), form(reviews.extract(speech.text()), "他稿测试：都市圈建设推进会",
                "聚焦交通互联互通", jtj), office);

        SpeechImport other = reviews.read(seed("002_674bafecfc7f2a1b.txt") + "\n（他稿测试）\n", null, office);
        assertThat(other.revision()).isFalse();
        assertThat(other.registered()).isFalse();
        assertThat(SpeechIdentity.similarity(speech.text(), other.text())).isLessThan(SpeechReviews.SAME_SPEECH);
    }

    @Test
    void anEditedCopyTheReviewerCallsAnotherSpeechBecomesAMeetingOfItsOwn() {
        LuoshiUser office = user("duchashi");
        long jtj = units.findByCode(DemoCity.ZJJ).orElseThrow().id();
        SpeechImport speech = readApart(seed001("另稿测试甲"), office);
        RegistrationOutcome first = reviews.register(speech.id(), form(reviews.extract(speech.text()),
                "另稿测试甲：都市圈建设推进会", "聚焦交通互联互通", jtj), office);

        SpeechImport copy = reviews.read(seed001("另稿测试乙"), null, office);
        assertThat(copy.revision()).isTrue();
        assertThatThrownBy(() -> reviews.registerApart(copy.id(), copy.version() + 1, office))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("error.staleVersion"));
        SpeechImport apart = reviews.registerApart(copy.id(), copy.version(), office);
        assertThat(apart.registered()).isFalse();
        assertThat(apart.revision()).isFalse();
        RegistrationOutcome second = reviews.register(apart.id(), form(reviews.extract(apart.text()),
                "另稿测试乙：都市圈建设推进会", "聚焦交通互联互通", jtj), office);
        assertThat(second.meetingCreated()).isTrue();
        assertThat(second.meetingId()).isNotEqualTo(first.meetingId());
        assertThat(second.tasksCreated()).isEqualTo(4);
    }

    @Test
    void similarityIsTheShareOfFiveCharacterRunsBothTextsHave() {
        // 一二三四五 and 二三四五六 against 一二三四五 and 二三四五七: one run shared of three.
        assertThat(SpeechIdentity.similarity("一二三四五六", "一二三四五七")).isEqualTo(1.0 / 3);
        assertThat(SpeechIdentity.similarity("一二三 四五六", "一二三四五六\n")).isEqualTo(1.0);
        assertThat(SpeechIdentity.similarity("一二三四五", "六七八九十")).isZero();
        assertThat(SpeechIdentity.similarity("短句", "短句")).isEqualTo(1.0);
    }

    private static String seed(String name) {
        try (InputStream in = SpeechRegistrationTest.class.getResourceAsStream("/speech/seeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
