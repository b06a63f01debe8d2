package cn.luoshi.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.luoshi.speech.CorpusScorer.Attribute;
import cn.luoshi.speech.CorpusScorer.Category;
import cn.luoshi.speech.CorpusScorer.SpeechScore;
import cn.luoshi.speech.CorpusScorer.Tally;

/**
 * The scorer's matching rules on hand-made extractions: if these were wrong, the corpus scores would measure the
 * scorer instead of the extractor.
 */
class CorpusScorerTest {

    private static final String TEXT = """
            在全县经济工作会议上的讲话
            一、回顾
            全年实现地区生产总值391亿元，增长8.6%，增速居全市第二；单位地区生产总值能耗下降3.1%。
            二、部署
            加快禾丰大道二期、清水河水库建设；推进移风易俗。力争到2027年规模以上工业总产值突破500亿元，确保全年经济增速进入全市前三。
            """;

    private static CorpusAnnotation annotation(String json) {
        return CorpusAnnotation.parse(json, "test");
    }

    private static SpeechFigure figure(String indicator, String value, String unit, Integer year, SpeechFigure.Rank rank) {
        return new SpeechFigure(indicator, value == null ? null : new BigDecimal(value), null, false, unit, null, year, rank,
                null, "", 0, 0);
    }

    private static SpeechTarget target(String indicator, String comparator, String value, String unit, Integer deadline,
            boolean approximate, String text) {
        return new SpeechTarget(indicator, comparator, value == null ? null : new BigDecimal(value), null, approximate, unit,
                deadline, null, null, text, 0, 0);
    }

    private static SpeechExtraction extraction(String title, List<OutlineNode> outline, List<SpeechTask> tasks,
            List<SpeechTarget> targets, List<SpeechFigure> figures, List<SpeechProject> projects) {
        return new SpeechExtraction(title, null, null, outline, tasks, targets, figures, projects, List.of(), 0, false);
    }

    private static SpeechScore score(String json, SpeechExtraction actual) {
        return CorpusScorer.score("test", TEXT, annotation(json), actual);
    }

    private static final String FIGURES = """
            {"figures": [
              {"indicator": "地区生产总值", "value": "391", "unit": "亿元", "source": "地区生产总值391亿元"},
              {"indicator": "地区生产总值", "value": "8.6", "unit": "%", "rank": {"scope": "全市", "position": 2}, "source": "增长8.6%"},
              {"indicator": "单位地区生产总值能耗", "value": "-3.1", "unit": "%", "source": "能耗下降3.1%"}]}
            """;

    @Test
    void aGrowthRateIsAFigureOfItsOwnAndAFallMustBeNegative() {
        // the growth rate read as 地区生产总值增速 matches (增速 is dropped), 能耗 read as +3.1 does not
        SpeechScore s = score(FIGURES, extraction(null, List.of(), List.of(), List.of(), List.of(
                figure("实现地区生产总值", "391", "亿元", null, null),
                figure("地区生产总值增速", "8.6", "％", null, new SpeechFigure.Rank("全市", 2)),
                figure("能耗", "3.1", "%", null, null)), List.of()));
        Tally t = s.tallies().get(Category.FIGURES);
        assertThat(t).isEqualTo(new Tally(2, 1, 1));
        assertThat(t.recall()).isEqualTo(2 / 3.0);
        assertThat(t.precision()).isEqualTo(2 / 3.0);
        assertThat(s.agreements().get(Attribute.FIGURE_RANK)).isEqualTo(new CorpusScorer.Agreement(1, 1));
        assertThat(s.misses()).containsExactly("figure: 单位地区生产总值能耗 -3.1%");
    }

    @Test
    void theGrowthRateSwallowedIntoTheAmountIsAMissAndAWrongRankIsADisagreement() {
        SpeechScore s = score(FIGURES, extraction(null, List.of(), List.of(), List.of(), List.of(
                figure("地区生产总值", "391", "亿元", null, new SpeechFigure.Rank("全市", 2)),
                figure("增长", "8.6", "%", null, null), // 增长 alone is the change word and names no indicator
                figure("单位地区生产总值能耗", "-3.1", "%", null, null)), List.of()));
        assertThat(s.tallies().get(Category.FIGURES)).isEqualTo(new Tally(2, 1, 1));
        // the rank belongs to the growth rate: the amount carrying it disagrees with the annotation (which has none)
        assertThat(s.agreements().get(Attribute.FIGURE_RANK)).isEqualTo(new CorpusScorer.Agreement(0, 1));
    }

    @Test
    void unitsMustBeTheSameMagnitudeAndIndicatorsOfOneCharacterNameNothing() {
        CorpusAnnotation.Figure income = annotation("""
                {"figures": [{"indicator": "城镇居民人均可支配收入", "aliases": ["居民人均可支配收入"], "value": "4.2",
                  "unit": "万元", "source": "x"}]}""").figures().getFirst();
        assertThat(CorpusMatching.sameFigure(income, figure("城镇、农村居民人均可支配收入", "4.2", "万元", null, null))).isTrue();
        assertThat(CorpusMatching.sameFigure(income, figure("城镇居民人均可支配收入", "4.2", "元", null, null))).isFalse();
        assertThat(CorpusMatching.sameFigure(income, figure("入", "4.2", "万元", null, null))).isFalse();
        assertThat(CorpusMatching.sameFigure(income, figure(null, "4.2", "万元", null, null))).isFalse();
        assertThat(CorpusMatching.sameFigure(income, figure("城镇居民人均可支配收入", "4.20", "万元", null, null))).isTrue();
        // 完成 and 实现 are verbs, not part of the measure
        CorpusAnnotation.Figure invested = annotation("""
                {"figures": [{"indicator": "重点项目完成投资", "value": "198", "unit": "亿元", "source": "x"}]}""")
                .figures().getFirst();
        assertThat(CorpusMatching.sameFigure(invested, figure("重点项目投资", "198", "亿元", null, null))).isTrue();
        assertThat(CorpusMatching.sameFigure(invested, figure("产业项目投资", "198", "亿元", null, null))).isFalse();
    }

    @Test
    void aRankOnlyFigureNeedsTheSamePosition() {
        CorpusAnnotation.Figure rank = annotation("""
                {"figures": [{"indicator": "营商环境评价", "value": null, "unit": null, "rank": {"scope": "全市", "position": 3},
                  "source": "x"}]}""").figures().getFirst();
        assertThat(CorpusMatching.sameFigure(rank, figure("营商环境评价", null, null, null, new SpeechFigure.Rank("全市", 3))))
                .isTrue();
        assertThat(CorpusMatching.sameFigure(rank, figure("营商环境评价", null, null, null, new SpeechFigure.Rank("全市", 2))))
                .isFalse();
        assertThat(CorpusMatching.sameFigure(rank, figure("营商环境评价", null, null, null, null))).isFalse();
    }

    private static final String TARGETS = """
            {"targets": [
              {"indicator": "规模以上工业总产值", "comparator": "突破", "value": "500", "unit": "亿元", "atLeast": true,
               "deadline": 2027, "source": "规模以上工业总产值突破500亿元"},
              {"indicator": "经济增速", "comparator": "进入前N", "value": null, "unit": null, "deadline": 2026,
               "rank": {"scope": "全市", "top": 3}, "source": "确保全年经济增速进入全市前三"},
              {"indicator": "单位地区生产总值能耗", "comparator": "下降", "value": "-3", "unit": "%", "source": "x"},
              {"indicator": "综合考评", "comparator": "不垫底", "value": null, "unit": null,
               "rank": {"scope": "全市", "notLast": true}, "source": "x"},
              {"indicator": "工业总量", "comparator": "翻一番", "value": null, "unit": null, "horizonYears": 3, "source": "x"}]}
            """;

    @Test
    void targetsMatchByAmountRankOrComparatorAndReportDeadlineAndAtLeastApart() {
        SpeechScore s = score(TARGETS, extraction(null, List.of(), List.of(), List.of(
                target("规模以上工业总产值", "突破", "500", "亿元", 2026, false, "规模以上工业总产值突破500亿元"),
                target("经济增速", "进入前N", "3", "名", 2026, false, "确保全年经济增速进入全市前三"),
                // a fall given as 下降 3 is the goal −3
                target("能耗", "下降", "3", "%", null, false, "能耗下降3%"),
                target("综合考评", "不垫底", null, null, null, false, "确保不垫底"),
                new SpeechTarget("工业总量", "翻一番", null, null, false, null, null, 3, null, "三年翻一番", 0, 0),
                target("增长", "增长", "7", "%", 2026, false, "增长7%")), List.of(), List.of()));
        assertThat(s.tallies().get(Category.TARGETS)).isEqualTo(new Tally(5, 1, 0));
        // deadlines: 2027 was read as 2026; the other four agree (2026, null, null, null with horizon 3)
        assertThat(s.agreements().get(Attribute.TARGET_DEADLINE)).isEqualTo(new CorpusScorer.Agreement(4, 5));
        // at least over the non-rank targets: 突破 counts as at least; 能耗 and 翻一番 are not at least
        assertThat(s.agreements().get(Attribute.TARGET_AT_LEAST)).isEqualTo(new CorpusScorer.Agreement(3, 3));
    }

    @Test
    void aRankGoalWithAnotherNumberOrARankWithoutGoalWordsDoesNotMatch() {
        CorpusAnnotation.Target top3 = annotation(TARGETS).targets().get(1);
        assertThat(CorpusMatching.sameTarget(top3, target("经济增速", "进入前N", "5", "名", null, false, ""))).isFalse();
        assertThat(CorpusMatching.sameTarget(top3, target("经济增速", "达到", "3", "名", null, false, ""))).isFalse();
        CorpusAnnotation.Target atLeast5 = annotation("""
                {"targets": [{"indicator": "一般公共预算收入", "comparator": "增长", "value": "5", "unit": "%", "atLeast": true,
                  "source": "x"}]}""").targets().getFirst();
        SpeechTarget approximate = target("一般公共预算收入", "增长", "5", "%", null, true, "一般公共预算收入增长5%以上");
        SpeechTarget around = target("一般公共预算收入", "增长", "5", "%", null, true, "一般公共预算收入增长5%左右");
        assertThat(CorpusMatching.sameTarget(atLeast5, approximate)).isTrue();
        assertThat(CorpusMatching.sameAtLeast(atLeast5, approximate)).isTrue();
        assertThat(CorpusMatching.sameAtLeast(atLeast5, around)).isFalse();
    }

    @Test
    void eachAnnotatedTaskIsMatchedOnceByAnOverlappingSpan() {
        String json = """
                {"tasks": [
                  {"source": "加快禾丰大道二期、清水河水库建设", "title": "加快禾丰大道二期、清水河水库建设"},
                  {"source": "推进移风易俗", "title": "推进移风易俗"}]}
                """;
        int sentence = TEXT.indexOf("加快禾丰");
        int end = TEXT.indexOf("推进移风易俗") + "推进移风易俗。".length();
        // one extracted task over both clauses matches one of them; the other is missed
        SpeechScore joined = score(json, extraction(null, List.of(),
                List.of(new SpeechTask("…", List.of(), sentence, end)), List.of(), List.of(), List.of()));
        assertThat(joined.tallies().get(Category.TASKS)).isEqualTo(new Tally(1, 0, 1));
        // split at "；" both match; a task in the review overlaps nothing
        int review = TEXT.indexOf("全年实现");
        SpeechScore split = score(json, extraction(null, List.of(), List.of(
                new SpeechTask("…", List.of(), sentence, TEXT.indexOf("；推进")),
                new SpeechTask("…", List.of(), TEXT.indexOf("推进移风易俗"), end),
                new SpeechTask("…", List.of(), review, review + 20)), List.of(), List.of(), List.of()));
        assertThat(split.tallies().get(Category.TASKS)).isEqualTo(new Tally(2, 1, 0));
        // a span sharing a single character with a clause (the "；" before it and its first character) does not count
        SpeechScore touching = score(json, extraction(null, List.of(), List.of(
                new SpeechTask("…", List.of(), TEXT.indexOf("推进移风易俗") - 1, TEXT.indexOf("推进移风易俗") + 1)),
                List.of(), List.of(), List.of()));
        assertThat(touching.tallies().get(Category.TASKS)).isEqualTo(new Tally(0, 1, 2));
    }

    @Test
    void theLargestMatchingIsFoundNotTheFirstGreedyOne() {
        // expected a fits actual x and y, b fits only x: a greedy pass (a→x) would leave b unmatched
        int[] match = CorpusMatching.match(List.of("a", "b"), List.of("x", "y"),
                (e, a) -> e.equals("a") || a.equals("x"));
        assertThat(match).containsExactly(1, 0);
    }

    @Test
    void outlineNeedsTheSameLevelAndHeadingsMayBeCutDifferently() {
        String json = """
                {"outline": [{"level": 1, "heading": "回顾"}, {"level": 2, "heading": "在提升政务服务效能上下功夫"},
                  {"level": 2, "heading": "抓好项目建设"}]}""";
        SpeechScore s = score(json, extraction(null, List.of(
                new OutlineNode(1, "一、", "回顾", 0, 0, List.of(
                        new OutlineNode(2, "一要", "在提升政务服务效能上下功夫。深化改革", 0, 0, List.of()),
                        new OutlineNode(2, "一是", "要抓好项目建设", 0, 0, List.of()))),
                new OutlineNode(1, "二、", "部署", 0, 0, List.of())), List.of(), List.of(), List.of(), List.of()));
        assertThat(s.tallies().get(Category.OUTLINE)).isEqualTo(new Tally(3, 1, 0));
        assertThat(s.tallies().get(Category.OUTLINE_ANY_LEVEL)).isEqualTo(new Tally(3, 1, 0));
        CorpusAnnotation.Heading heading = annotation(json).outline().get(1);
        assertThat(CorpusMatching.sameHeading(heading, new OutlineNode(1, "一要", "在提升政务服务效能上下功夫", 0, 0, List.of())))
                .isFalse();
        // a prefix of fewer than 4 characters is not the same heading
        assertThat(CorpusMatching.sameHeading(annotation(json).outline().getFirst(),
                new OutlineNode(1, "一、", "回顾与展望", 0, 0, List.of()))).isFalse();
    }

    @Test
    void aMissedTopLineMissesTheHeadingsBelowItButTheyStillCountAsFoundAtAnyLevel() {
        String json = """
                {"outline": [{"level": 1, "heading": "下半年重点工作"}, {"level": 2, "heading": "全力扩大有效投资"}]}""";
        SpeechScore s = score(json, extraction(null, List.of(new OutlineNode(1, "1、", "全力扩大有效投资", 0, 0, List.of())),
                List.of(), List.of(), List.of(), List.of()));
        assertThat(s.tallies().get(Category.OUTLINE)).isEqualTo(new Tally(0, 1, 2));
        assertThat(s.tallies().get(Category.OUTLINE_ANY_LEVEL)).isEqualTo(new Tally(1, 0, 1));
    }

    @Test
    void projectsCompareNormalisedNamesAndAliases() {
        CorpusAnnotation.Project park = annotation("""
                {"projects": [{"name": "“一号”青岚数字经济产业园一期", "aliases": ["青岚数字经济产业园"]}]}""")
                .projects().getFirst();
        assertThat(CorpusMatching.sameProject(park, new SpeechProject("一号青岚数字经济产业园一期", ProjectKind.PARK, "", 0, 0, 1)))
                .isTrue();
        assertThat(CorpusMatching.sameProject(park, new SpeechProject("青岚数字经济产业园", ProjectKind.PARK, "", 0, 0, 1)))
                .isTrue();
        assertThat(CorpusMatching.sameProject(park, new SpeechProject("建设青岚数字经济产业园", ProjectKind.PARK, "", 0, 0, 1)))
                .isFalse();
    }

    @Test
    void aTitleWhereNoneIsStatedIsFalseAndTitlesCompareWithoutPunctuation() {
        SpeechScore none = score("{\"title\": null}", extraction("同志们", List.of(), List.of(), List.of(), List.of(), List.of()));
        assertThat(none.tallies().get(Category.TITLE)).isEqualTo(new Tally(0, 1, 0));
        SpeechScore same = score("{\"title\": \"政府工作报告（摘要）\"}",
                extraction("政府工作报告(摘要)", List.of(), List.of(), List.of(), List.of(), List.of()));
        assertThat(same.tallies().get(Category.TITLE)).isEqualTo(new Tally(1, 0, 0));
    }

    @Test
    void sourcesAreFoundAcrossLineBreaksAndCounted() {
        String text = "加快青岚港三期码头、沿江高速青\n— 1 —\n岚段建设；确保青岚港\n三期码头投产。";
        CorpusMatching.Located across = CorpusMatching.locate(text, "确保青岚港三期码头投产");
        assertThat(text.substring(across.start(), across.end())).isEqualTo("确保青岚港\n三期码头投产");
        assertThat(CorpusMatching.locate(text, "青岚港三期码头").occurrences()).isEqualTo(2);
        assertThat(CorpusMatching.locate(text, "沿江高速青岚段").occurrences()).isZero();
    }
}
