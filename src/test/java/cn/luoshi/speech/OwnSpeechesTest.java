package cn.luoshi.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Speeches written for these tests (src/test/resources/speech/own): other outline styles, numbers in Chinese,
 * Traditional characters, hard-wrapped lines, a government work report and a speech without an outline.
 */
class OwnSpeechesTest {

    private static List<String> targets(SpeechExtraction result) {
        return result.targets().stream().map(Speeches::describe).toList();
    }

    private static List<String> figures(SpeechExtraction result) {
        return result.figures().stream().map(Speeches::describe).toList();
    }

    @Test
    void partsWithOrdinalsInside() {
        SpeechExtraction result = Speeches.extract("own/parts-and-ordinals.txt");
        assertThat(result.title()).isEqualTo("在全县2026年农村工作会议上的讲话");
        assertThat(result.occasion()).isEqualTo("全县2026年农村工作会议");
        assertThat(Speeches.outline(result)).isEqualTo("""
                第一部分 正确认识当前农业农村发展形势
                第二部分 扎实做好今年重点工作
                  第一 稳住粮食生产
                  第二 推进乡村建设
                  第三 促进农民增收
                第三部分 加强组织领导
                """);
        assertThat(figures(result)).containsExactly(
                "粮食总产量 52.3万吨 比上年增长2.1%",
                "农村居民人均可支配收入 21460元 居全市第2 比?增长7.2%");
        assertThat(targets(result)).containsExactly("粮食播种面积 稳定在 80~万亩");
        assertThat(result.projects()).extracting(SpeechProject::name)
                .containsExactly("青石岭至桃花溪公路改造工程", "云雾山茶叶产业园");
        assertThat(result.tasks()).extracting(SpeechTask::outlinePath).containsExactly(
                List.of("扎实做好今年重点工作", "稳住粮食生产"),
                List.of("扎实做好今年重点工作", "推进乡村建设"),
                List.of("扎实做好今年重点工作", "促进农民增收"),
                List.of("加强组织领导"));
    }

    @Test
    void numbersWrittenInChineseCharacters() {
        SpeechExtraction result = Speeches.extract("own/chinese-numbers.txt");
        assertThat(result.speakerRole()).isEqualTo("市长");
        assertThat(Speeches.outline(result)).isEqualTo("""
                一、 过去一年的主要成绩
                二、 今年的目标任务
                三、 重点抓好三方面工作
                  （一） 做大工业总量
                  （二） 扩大有效投资
                  （三） 保障改善民生
                """);
        assertThat(figures(result)).containsExactly(
                "地区生产总值 1200亿元 居全省第3 比?增长6.5%",
                "一般公共预算收入 86.4亿元 比上年增加9亿元",
                "新增城镇就业 23000人");
        assertThat(targets(result)).containsExactly(
                "地区生产总值 增长 6~%",
                "地区生产总值 达到 1300亿元",
                "固定资产投资 增长 8%",
                "城镇调查失业率 控制在 5.5%",
                // "到二〇二八年" holds only for the goal it introduces
                "规模以上工业企业 突破 1500家 →2028",
                "装备制造产业集群 达到 2000亿级",
                "实施重大项目 达到 300~个",
                "投资 达到 500亿元",
                "新建改扩建中小学 达到 15所",
                "新增学位 达到 12000个");
        assertThat(result.projects()).extracting(SpeechProject::name).containsExactly("滨江新材料产业园二期");
    }

    @Test
    void traditionalCharactersAreReadAsSimplified() {
        SpeechExtraction result = Speeches.extract("own/traditional.txt");
        assertThat(result.title()).isEqualTo("市长在全市重点项目建设推进会上的讲话");
        assertThat(result.speakerRole()).isEqualTo("市长");
        assertThat(Speeches.outline(result)).isEqualTo("""
                一、 充分认识重点项目建设的重要意义
                二、 全力推进重点项目建设
                  （一） 加快推进重点项目建设
                  （二） 强化要素保障
                三、 加强组织领导
                """);
        assertThat(result.tasks()).extracting(SpeechTask::text).containsExactly(
                "全市要加快推进重点项目建设，确保滨河大道和高铁新城综合体年内建成。",
                "各部门要主动服务，协调解决用地、资金等问题。",
                "各级领导干部要亲自抓、负总责，确保各项工作落到实处。");
        assertThat(figures(result)).containsExactly("重点项目投资 320亿元 @今年", "年度投资计划 58% @今年");
        assertThat(result.projects()).extracting(SpeechProject::name).contains("滨河大道", "高铁新城综合体");
        // offsets still point at the Traditional original
        SpeechTask first = result.tasks().getFirst();
        assertThat(Speeches.read("own/traditional.txt").substring(first.start(), first.end()))
                .isEqualTo("全市要加快推進重點項目建設，確保濱河大道和高鐵新城綜合體年內建成。");
    }

    @Test
    void hardWrappedLinesAreJoinedButHeadingsStayApart() {
        SpeechExtraction result = Speeches.extract("own/broken-lines.txt");
        assertThat(result.title()).isEqualTo("在全区招商引资工作推进会上的讲话");
        assertThat(Speeches.outline(result)).isEqualTo("""
                一、 今年以来招商引资工作情况
                二、 下一步重点工作
                  （一） 突出产业链招商
                  （二） 优化营商环境
                """);
        assertThat(figures(result)).containsExactly(
                "新签约项目 46个 @今年",
                "总投资 128.5亿元 @今年 比去年同期增长23.6%");
        assertThat(targets(result)).containsExactly("配套企业 达到 50~家 →2027");
        SpeechFigure signed = result.figures().getFirst();
        assertThat(Speeches.read("own/broken-lines.txt").substring(signed.start(), signed.end()))
                .isEqualTo("全区新签约项目4\n6个");
        assertThat(result.tasks()).extracting(SpeechTask::text).containsExactly(
                "围绕新能源汽车产业链，力争到2027年，引进配套企业50家以上。",
                "各部门要压缩审批时限，推行“一窗受理”。");
    }

    @Test
    void governmentWorkReportWithItsListOfExpectedTargets() {
        SpeechExtraction result = Speeches.extract("own/work-report.txt");
        assertThat(result.title()).isEqualTo("政府工作报告");
        assertThat(result.occasion()).isEqualTo("XX市第十六届人民代表大会第五次会议");
        assertThat(Speeches.outline(result)).isEqualTo("""
                一、 2025年工作回顾
                二、 2026年工作安排
                  （一） 坚定不移推进产业升级
                  （二） 持续扩大有效需求
                  （三） 用心用情保障民生
                """);
        assertThat(targets(result)).containsExactly(
                "地区生产总值 增长 6~% →2026",
                "一般公共预算收入 增长 5% →2026",
                "城镇调查失业率 控制在 5.5% →2026",
                "单位地区生产总值能耗 下降 3% →2026",
                "专精特新企业 达到 30家 →2026",
                "实施市级重点项目 达到 200个 →2026",
                "投资 达到 800亿元 →2026",
                "新增城镇就业 达到 5万人 →2026",
                "新建城市书房 达到 20个 →2026");
        // the review cites figures and deploys nothing
        assertThat(figures(result)).containsExactly(
                "地区生产总值 2860亿元 比?增长5.8%",
                "一般公共预算收入 186亿元 比?增长4.2%",
                "亿元以上项目 120个");
        assertThat(result.tasks()).noneMatch(t -> t.outlinePath().contains("2025年工作回顾"));
        assertThat(result.tasks()).extracting(SpeechTask::outlinePath).allMatch(path -> path.getFirst().equals("2026年工作安排"));
    }

    @Test
    void speechWithoutOutline() {
        SpeechExtraction result = Speeches.extract("own/no-outline.txt");
        assertThat(result.outline()).isEmpty();
        assertThat(result.tasks()).extracting(SpeechTask::text).containsExactly(
                "各地各部门要牢固树立安全发展理念，切实把安全生产摆在突出位置。",
                "要深入开展重点行业领域安全隐患排查整治，对发现的问题要立查立改。",
                "要加快推进城区燃气管道老化更新改造工程，确保年底前全面完工。",
                "各级领导干部要靠前指挥，严格落实领导带班值班制度。");
        assertThat(result.tasks()).allMatch(t -> t.outlinePath().isEmpty());
        assertThat(figures(result)).containsExactly("生产安全事故 12起 @今年 比上年同期下降25%");
        assertThat(result.projects()).extracting(SpeechProject::name).containsExactly("城区燃气管道老化更新改造工程");
    }

    @Test
    void arabicNumbersWithParenthesisedSubitems() {
        SpeechExtraction result = Speeches.extract("own/numbered-lists.txt");
        assertThat(result.title()).isEqualTo("关于做好2026年防汛工作的讲话提纲");
        assertThat(result.occasion()).isNull();
        assertThat(Speeches.outline(result)).isEqualTo("""
                1. 压实防汛责任
                  （1） 落实行政首长负责制
                  （2） 健全预警响应机制
                2. 抓好重点部位防守
                  （1） 加强水库安全管理
                  （2） 做好城市排涝
                3. 做好应急保障
                """);
        assertThat(targets(result)).containsExactly("改造管网 达到 65公里");
        assertThat(result.tasks()).hasSize(5);
        assertThat(result.tasks().getLast().outlinePath()).containsExactly("做好应急保障");
    }
}
