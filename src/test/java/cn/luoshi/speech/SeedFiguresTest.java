package cn.luoshi.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The figures a careful reader notes in the seeds, written down from the texts. */
class SeedFiguresTest {

    private static List<String> figures(String seed) {
        return Speeches.extract(seed).figures().stream().map(Speeches::describe).toList();
    }

    @Test
    void seed000EconomicComparisonWithRanksAndPeerDifferences() {
        assertThat(figures(Speeches.SEED_000)).startsWith(
                "地区生产总值 2160亿元 @2025年 居全省第5 比XX少230亿元",
                "财政总收入 263.8亿元 @2025年 居全省第2 比XX多28.2亿元",
                "财政总收入占GDP比重 12.2% @2025年 比XX高2.4个百分点",
                // the line break in "比XX多21807\n元" does not split the difference from its unit
                "人均GDP 54728元 @2025年 居全省第3 比XX多21807元",
                "人均财政收入 6660元 @2025年 比XX多3433元",
                "人均社会消费品零售总额 18766元 @2025年 比XX多7463元",
                "城镇居民人均可支配收入 31338元 @2025年 居全省第2 比XX多6968元",
                "农村居民人均可支配收入 14366元 @2025年 居全省第2 比XX多1124元");
    }

    @Test
    void seed000IndustryScienceAndVocationalEducationFigures() {
        assertThat(figures(Speeches.SEED_000)).contains(
                "规模工业企业 1449家 @2025年",
                "上市公司 11家 @2025年",
                "大中型企业 501家 @2025年",
                // "首次突破千亿大关，达1013亿元": the milestone is not a figure, the amount reached is
                "规模工业增加值总量 1013亿元 @2025年",
                "规模工业总产值 3044亿元 @2025年",
                "园区技工贸总收入 2280亿元 @2025年",
                "高新区综合实力 - @2025年 居全国国家级高新区第40",
                "中国工业史上的第一 180~个",
                "博士后科研工作站 6家",
                "科技创新对经济增长的贡献率 52%",
                "规划占地面积 13.9平方公里 @2025年",
                "人口规模 20-25万 @2025年",
                "在校学历教育学生 8-10万 @2025年",
                "年培训学员 10万人次 @2025年",
                "投资 51.6亿元 @2025年",
                "院校 5所 @2025年",
                "在校学生 2~万人 @2025年",
                "大专以上院校 13所",
                "本科院校 6所");
    }

    @Test
    void seed000NumbersThatAreNotFigures() {
        assertThat(figures(Speeches.SEED_000)).noneMatch(f -> f.contains("之一") // "8个工业城市之一"
                || f.contains("500强") && f.startsWith("500") // "世界500强" is part of a name
                || f.startsWith("1449") || f.contains("千亿大关") || f.contains("2025吨"));
        SpeechFigure gdp = Speeches.extract(Speeches.SEED_000).figures().getFirst();
        assertThat(gdp.value()).isEqualByComparingTo(new BigDecimal("2160"));
        assertThat(gdp.year()).isEqualTo(2025);
        assertThat(gdp.text()).isEqualTo("2025年，XX市完成地区生产总值2160亿元，居全省第五，比XX少230亿元");
    }

    @Test
    void seed001FiguresWithPlaceholderValuesKeepIndicatorAndUnit() {
        assertThat(figures(Speeches.SEED_001)).contains(
                "百强企业 ?家",
                "制造业百强企业 ?家 居全省第?",
                "城镇化率 ?% 居全省第3",
                "城镇人均可支配收入 ?元 居全省第?",
                "外贸进出口额总量 - @2022年 居全省第?",
                "开山塘口 ?个");
    }

    @Test
    void seed003ReviewFiguresWithGrowthAndRanks() {
        assertThat(figures(Speeches.SEED_003)).contains(
                "地区生产总值 ?亿元 @2025年上半年 比上年同期增长?%",
                "第一产业增加值 ?亿元 @2025年上半年 比?增长?%",
                "第二产业增加值 ?亿元 @2025年上半年 比?增长?%",
                "第三产业增加值 ?亿元 @2025年上半年 比?增长?%",
                "数字化转型典型案例数量 - @2025年上半年 居全国第1",
                "接待游客 ?亿人次 @全年",
                "新增学位 ?~万个",
                "城镇新增就业人数 ?万人 @上半年");
    }

    @Test
    void seed004ForecastAndReviewFigures() {
        assertThat(figures(Speeches.SEED_004)).containsExactly(
                "节能减排项目 12个",
                "空气质量良好天数 310天 @全年",
                "南车株机产值 400-500亿元 @2024年",
                "电力机车研究所产值 300~亿元 @2024年");
    }

    @Test
    void seed002CitesNoFigures() {
        assertThat(figures(Speeches.SEED_002)).isEmpty();
    }
}
