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
import cn.luoshi.project.ProjectSource;
import cn.luoshi.project.Projects;
import cn.luoshi.speech.SpeechExtraction;
import cn.luoshi.speech.SpeechProject;
import cn.luoshi.speech.SpeechTarget;
import cn.luoshi.speech.SpeechTask;
import cn.luoshi.task.Meetings;
import cn.luoshi.task.SourceKind;
import cn.luoshi.task.TaskSummary;
import cn.luoshi.task.Tasks;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
        SpeechImport speech = reviews.read(text, "001.txt", office);
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
        SpeechImport speech = reviews.read(seed001("登记测试二"), null, office);
        SpeechExtraction extraction = reviews.extract(speech.text());
        RegistrationForm form = form(extraction, "登记测试二：都市圈建设推进会", "聚焦创新赋能发展", zjj);
        RegistrationForm.TaskItem last = form.tasks.stream().filter(i -> i.selected).reduce((a, b) -> b).orElseThrow();
        last.leadUnitId = otherCity;

        assertThatThrownBy(() -> reviews.register(speech.id(), form, office))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("speech.error.item"));

        assertThat(meetings.list("登记测试二", office, Paging.of(0, 20)).totalElements()).isZero();
        assertThat(reviews.find(speech.id(), office).orElseThrow().registered()).isFalse();
        SpeechProject airport = extraction.projects().stream().filter(p -> p.name().equals("花湖机场高速"))
                .findFirst().orElseThrow();
        assertThat(projects.findBySource(new ProjectSource(speech.id(), SpeechReviews.projectKey(airport))))
                .isEmpty();
    }

    @Test
    void onlyTheSupervisionOfficeImportsSpeeches() {
        assertThatThrownBy(() -> reviews.read("一、抓好项目建设\n要加快推进。", null, user("gxj")))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("speech.error.onlySupervisor"));
        SpeechImport mine = reviews.read(seed001("登记测试三"), null, user("duchashi"));
        assertThat(reviews.find(mine.id(), user("jnq"))).isEmpty();
    }
}
