package cn.luoshi.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Deployed items of the seeds: what must be done, not the review of the past, the problems or the thanks. */
class SeedTasksTest {

    private static List<SpeechTask> tasks(String seed) {
        return Speeches.extract(seed).tasks();
    }

    @Test
    void seed003TasksComeOnlyFromTheDeploymentPart() {
        List<SpeechTask> tasks = tasks(Speeches.SEED_003);
        assertThat(tasks).noneMatch(t -> t.outlinePath().contains("上半年工作回顾") || t.outlinePath().contains("存在问题"));
        assertThat(tasks).anySatisfy(t -> {
            assertThat(t.text()).isEqualTo("加快推进在建项目建设进度，确保项目早日建成投产达效。");
            assertThat(t.outlinePath()).containsExactly("下半年工作部署", "全力以赴稳增长，推动经济高质量发展", "扩大有效需求");
        });
        assertThat(tasks).anySatisfy(t -> assertThat(t.outlinePath()).containsExactly("下半年工作部署",
                "全力以赴稳增长，推动经济高质量发展", "加快产业转型升级"));
    }

    @Test
    void seed001TasksCarryTheirOutlinePath() {
        List<SpeechTask> tasks = tasks(Speeches.SEED_001);
        assertThat(tasks).anySatisfy(t -> {
            assertThat(t.text()).startsWith("重点推进花湖机场高速、大广高速-X高速");
            assertThat(t.outlinePath()).containsExactly("突出重点、聚势突破，加快推动X都市圈重要增长极建设成势见效",
                    "聚焦交通互联互通，打造X国际综合交通枢纽重要节点", "对接花湖机场");
        });
        assertThat(tasks).anySatisfy(t -> {
            assertThat(t.text()).isEqualTo("对照顺丰集团“需求清单”量身打造“服务清单”，紧密跟进顺丰航空小镇项目，确保尽快签约落地。");
            assertThat(t.outlinePath()).last().isEqualTo("建设航空小镇");
        });
        // a point that opens by naming its place puts its action further in, and is still deployed
        assertThat(tasks).anySatisfy(t -> {
            assertThat(t.text()).startsWith("在X市距离花湖机场最近的还地桥镇布局建设临空产业区");
            assertThat(t.outlinePath()).last().isEqualTo("建设X市临空产业区");
        });
        // so does an area's requirement framed by the plan it follows
        assertThat(tasks).anySatisfy(t -> {
            assertThat(t.text()).isEqualTo("按照“西融X、北接花湖机场、东连X九江”的思路，大力推进区域交通互联互通。");
            assertThat(t.outlinePath()).last().isEqualTo("聚焦交通互联互通，打造X国际综合交通枢纽重要节点");
        });
        // an item with nothing under it is a task in its own right
        assertThat(tasks).anySatisfy(t -> assertThat(t.text()).isEqualTo("一是体量不能小，必须持续壮大经济总量，力争到2026年，GDP突破X亿元。"));
        // the gaps and the strengths are analysis, the thanks are not work
        assertThat(tasks).noneMatch(t -> t.outlinePath().contains("X的差距在哪里？"));
        assertThat(tasks).noneMatch(t -> t.text().contains("谢谢"));
        // a heading with sentences under it hands its path down instead of being a task itself
        assertThat(tasks).noneMatch(t -> t.text().startsWith("（一）强化政治引领"));
    }

    @Test
    void seed004ReviewOfThePastYearIsNotDeployed() {
        List<SpeechTask> tasks = tasks(Speeches.SEED_004);
        assertThat(tasks).noneMatch(t -> !t.outlinePath().isEmpty() && t.outlinePath().getFirst().startsWith("认真总结"));
        assertThat(tasks).anySatisfy(t -> {
            assertThat(t.text()).isEqualTo("加快铜霞路、田心立交、迎宾大道等城市主干道建设，拉开发展框架，彰显区位优势。");
            assertThat(t.outlinePath()).containsExactly("鼓足干劲，快速迈出跨越发展的坚实步伐", "以文明创建为总揽，奏响城市提质进行曲",
                    "提升城乡基础设施");
        });
        // items of a list separated by semicolons are separate tasks
        assertThat(tasks).anySatisfy(t -> assertThat(t.text()).isEqualTo("要加强机制建设，加大对用权行为的监督力度，做到让人在腐败问题上不能为；"));
    }

    @Test
    void seed002TasksFollowTheSequenceOfSteps() {
        List<SpeechTask> tasks = tasks(Speeches.SEED_002);
        assertThat(tasks).anySatisfy(t -> {
            assertThat(t.text()).isEqualTo("相关部门要各司其职，密切协作，形成工作合力。");
            assertThat(t.outlinePath()).containsExactly("我们要强化责任落实，确保各项工作取得实效");
        });
        assertThat(tasks).noneMatch(t -> t.text().contains("我们也要看到"));
    }

    @Test
    void seed000SuggestionsForCooperationAreTasksTheVisitorsImpressionsAreNot() {
        List<SpeechTask> tasks = tasks(Speeches.SEED_000);
        assertThat(tasks).anySatisfy(t -> {
            assertThat(t.text()).startsWith("两市可在创新平台共享");
            assertThat(t.outlinePath()).containsExactly("在科技创新上深化合作");
        });
        assertThat(tasks).noneMatch(t -> t.text().contains("参观了") || t.text().contains("衷心的感谢") || t.text().startsWith("最后"));
    }
}
