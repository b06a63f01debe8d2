package cn.luoshi.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The quantified goals of the seeds, written down from the texts. */
class SeedTargetsTest {

    private static List<String> targets(String seed) {
        return Speeches.extract(seed).targets().stream().map(Speeches::describe).toList();
    }

    @Test
    void seed001TargetsWithDeadlinesPlaceholdersScalesAndRanks() {
        assertThat(targets(Speeches.SEED_001)).containsExactly(
                // "打造X个两千亿级新材料产业集群、X个千亿级电子信息产业集群…": one scale per cluster; the deadline
                // 2026 comes from "力争到2026年成功打造两千亿级新材料产业集群" further on
                "新材料产业集群 达到 2000亿级 →2026",
                "电子信息产业集群 达到 1000亿级",
                "新能源和智能网联汽车产业集群 达到 1000亿级",
                "临空经济产业集群 达到 1000亿级",
                "工业总产值 突破 ?亿元 →2026",
                // "城市建成区面积达到X平方公里、城区人口X万": two targets, the second inherits 达到
                "城市建成区面积 达到 ?平方公里 →2026",
                "城区人口 达到 ?万 →2026",
                "GDP 突破 ?亿元 →2026",
                "主要经济指标增速 高于全省平均水平 - [全省]",
                "电子信息产业 达到 1000亿级 5年",
                "新能源和智能网联汽车产业 达到 1000亿级",
                "临空产业集群 达到 1000亿级",
                "主要经济指标增速 进入前N ?名 [全省]");
    }

    @Test
    void seed004DoublingInThreeYearsIsOneTargetThoughStatedTwice() {
        // "确保工业总量三年翻一番" is said twice; "突出办好十件民生实事" commits to a number of things
        assertThat(targets(Speeches.SEED_004)).containsExactly("工业总量 翻一番 - 3年", "民生实事 达到 10件");
        SpeechTarget doubling = Speeches.extract(Speeches.SEED_004).targets().getFirst();
        assertThat(doubling.deadline()).isNull();
        assertThat(doubling.text()).isEqualTo("确保工业总量三年翻一番");
    }

    @Test
    void seedsWithoutGoalsHaveNoTargets() {
        assertThat(targets(Speeches.SEED_000)).isEmpty();
        assertThat(targets(Speeches.SEED_002)).isEmpty();
        // seed 003 reviews the half year in numbers but states no number for the second half
        assertThat(targets(Speeches.SEED_003)).isEmpty();
    }
}
