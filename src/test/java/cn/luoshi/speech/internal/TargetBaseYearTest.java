package cn.luoshi.speech.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.common.web.Paging;
import cn.luoshi.indicator.ObservationEntry;
import cn.luoshi.indicator.ObservationKind;
import cn.luoshi.indicator.Observations;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnitKind;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.speech.SpeechExtraction;
import cn.luoshi.speech.SpeechTarget;
import cn.luoshi.target.Target;
import cn.luoshi.target.TargetComparator;
import cn.luoshi.target.TargetProgress;
import cn.luoshi.target.Targets;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A multi-year target registered from a speech has a base year: the one the speech states, else the one the review
 * form asks for (by default the last complete year before the meeting). Seed 004's "确保工业总量三年翻一番", said at
 * a meeting in July 2026, is a path from 2025 to twice 2025's value in 2028, not a doubling within one year.
 */
@LuoshiTest
class TargetBaseYearTest {

    private static final AtomicInteger MARKS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    SpeechReviews reviews;
    @Autowired
    Targets targets;
    @Autowired
    Observations observations;
    @Autowired
    OrgUnits units;
    @Autowired
    UserDetailsService users;

    private LuoshiUser user(String name) {
        return (LuoshiUser) users.loadUserByUsername(name);
    }

    @Test
    void seed004sDoublingInThreeYearsIsAThreeYearPathFromItsBaseYear() {
        LuoshiUser office = user("duchashi");
        long town = town("翻番路径测试镇");
        LuoshiUser tjj = user("tjj");
        observations.record(new ObservationEntry("INDUSTRY_OUTPUT", town, "2025", ObservationKind.VALUE,
                new BigDecimal("100")), tjj);
        observations.record(new ObservationEntry("INDUSTRY_OUTPUT", town, "2026-06", ObservationKind.YTD,
                new BigDecimal("60")), tjj);

        Registered registered = register(seed("004_a2a93fd3e3cdc777.txt"), town, null);
        assertThat(registered.found().text()).isEqualTo("确保工业总量三年翻一番");
        Target target = registered.target();
        assertThat(target.comparator()).isEqualTo(TargetComparator.DOUBLE);
        assertThat(target.indicator()).isEqualTo("INDUSTRY_OUTPUT");
        assertThat(target.baseYear()).isEqualTo(2025);
        assertThat(target.year()).isEqualTo(2028);
        assertThat(target.wording()).isEqualTo("到2028年规模以上工业总产值比2025年翻一番");

        // One year of three on the way: 100 × 2^(1/3) = 125.9921; 1-6月 60 / 125.9921 = 47.6% against 6/12 = 50%,
        // 2.4 points behind, within the 10 points of the default rule: green.
        TargetProgress progress = targets.progressOf(target.id(), 2026, LocalDate.of(2026, 7, 15), office);
        assertThat(progress.milestone()).isEqualByComparingTo("125.9921");
        assertThat(progress.summary()).isEqualTo(
                "2026年1-6月完成60亿元，为2026年目标125.99亿元的47.6%，序时进度50%，落后序时进度2.4个百分点");
        assertThat(progress.light()).isEqualTo(StatusLight.GREEN);
    }

    @Test
    void theReviewerSetsTheBaseYearTheSpeechLeavesOpen() {
        long town = town("翻番基期录入测试镇");
        Registered registered = register(seed("004_a2a93fd3e3cdc777.txt"), town, 2024);
        assertThat(registered.target().baseYear()).isEqualTo(2024);
        assertThat(registered.target().year()).isEqualTo(2027);
        assertThat(registered.target().wording()).isEqualTo("到2027年规模以上工业总产值比2024年翻一番");
    }

    @Test
    void aBaseYearTheSpeechStatesIsTaken() {
        long town = town("讲话基期测试镇");
        String speech = "一、推动工业发展\n力争到2027年，全区规模工业总产值比2023年翻一番。\n";
        Registered registered = register(speech, town, null);
        assertThat(registered.target().indicator()).isEqualTo("INDUSTRY_OUTPUT");
        assertThat(registered.target().baseYear()).isEqualTo(2023);
        assertThat(registered.target().year()).isEqualTo(2027);
    }

    @Test
    void theReviewPageAsksForTheBaseYearWithItsDefault() {
        SpeechImport speech = readApart(seed("004_a2a93fd3e3cdc777.txt") + mark(), user("duchashi"));
        String page = Api.as(port, "duchashi").get("/speech/imports/" + speech.id()).body();
        // Imported on 2026-07-15 (the test clock): the last complete year is 2025, three years on is 2028.
        assertThat(page).containsPattern("name=\"targets\\[0]\\.baseYear\"[^>]*value=\"2025\"")
                .containsPattern("name=\"targets\\[0]\\.year\"[^>]*value=\"2028\"")
                .contains("讲话未说明基期：默认为会议前最后一个完整年度，请核对");
    }

    private record Registered(SpeechTarget found, Target target) {
    }

    /** Imports the text, ticks its first target for the unit and registers it at a meeting of 2026-07-10. */
    private Registered register(String text, long unit, Integer baseYear) {
        LuoshiUser office = user("duchashi");
        SpeechImport speech = readApart(text + mark(), office);
        SpeechExtraction extraction = reviews.extract(speech.text());
        SpeechTarget found = extraction.targets().getFirst();
        RegistrationForm form = new RegistrationForm();
        form.meetingTitle = "基期测试会议" + MARKS.get();
        form.meetingDate = LocalDate.of(2026, 7, 10);
        RegistrationForm.TargetItem item = new RegistrationForm.TargetItem();
        item.key = SpeechReviews.targetKey(found);
        item.selected = true;
        item.unitId = unit;
        item.baseYear = baseYear;
        form.targets.add(item);
        reviews.register(speech.id(), form, office);
        List<Target> registered = targets.list(unit, null, null, office, Paging.of(0, 20)).content();
        assertThat(registered).hasSize(1);
        return new Registered(found, registered.getFirst());
    }

    /** The tests register one seed several times, each as a speech of its own rather than an edited copy. */
    private SpeechImport readApart(String text, LuoshiUser office) {
        SpeechImport read = reviews.read(text, null, office);
        return read.revision() ? reviews.registerApart(read.id(), read.version(), office) : read;
    }

    private static String mark() {
        return "\n（基期测试" + MARKS.incrementAndGet() + "）\n";
    }

    private long town(String name) {
        long qinghe = units.findByCode(DemoCity.QINGHE).orElseThrow().id();
        return units.create(qinghe, null, name + MARKS.incrementAndGet(), OrgUnitKind.REGION, 0, user("admin")).id();
    }

    private static String seed(String file) {
        try (InputStream in = TargetBaseYearTest.class.getResourceAsStream("/speech/seeds/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
