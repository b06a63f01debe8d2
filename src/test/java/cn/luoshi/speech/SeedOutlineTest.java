package cn.luoshi.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The outline of each seed speech, written down from reading the speeches: every heading of every level, with
 * its marker, in a tree indented two spaces per level.
 */
class SeedOutlineTest {

    @Test
    void seed000HasFourInlineListsAtTheTopAndNoHeadings() {
        // no headings at all: four lists of 一是…, the last one with its items on lines of their own;
        // the closing "最后，祝…" is not a list item because nothing precedes it
        assertThat(Speeches.outline(Speeches.extract(Speeches.SEED_000))).isEqualTo("""
                一是 来看望X书记、X市长和各位朋友
                二是 来学习XX的好思路、好经验、好做法
                三是 来商讨如何进一步加强两地合作交流，推动共同发展
                一是 经济发展质量较高
                二是 工业经济实力雄厚
                三是 科技创新支撑有力
                四是 城市管理水平全省领先
                五是 城乡同治成效显著
                六是 职业教育快速发展
                一是 要学习XX改革创新的精神
                二是 要学习XX扬长避短的勇气
                三是 要学习XX精益求精的作风
                一是 在产业发展上优势互补
                二是 在科技创新上深化合作
                三是 在交通建设上互联互通
                四是 在环境治理上共建共享
                五是 在发展教育上携手并进
                """);
    }

    @Test
    void seed001HasFourPartsWithQuestionsSubsectionsAndInlineItems() {
        assertThat(Speeches.outline(Speeches.extract(Speeches.SEED_001))).isEqualTo("""
                一、 牢记使命、不负重托，全力以赴建设X都市圈重要增长极
                  （一） 打造X都市圈重要增长极，是省委、省政府赋予X的政治任务
                  （二） 打造X都市圈重要增长极，是X推进流域综合治理和统筹四化同步发展的具体实践
                  （三） 打造X都市圈重要增长极，是X加快转型升级和高质量发展的重大机遇
                  （四） 打造X都市圈重要增长极，是X市委、市政府必须完成的使命担当
                二、 摸清底数、扬长补短，统筹推进流域综合治理和四化同步发展
                  第一个问题 X的优势是什么？
                  第二个问题 X的差距在哪里？
                    一是 能级小的问题
                    二是 结构重的问题
                    三是 城市旧的问题
                    四是 欠账多的问题
                  第三个问题 发展底线怎么守？
                    一是 守牢水安全、水环境安全底线
                    二是 守牢粮食安全底线
                    三是 守牢生态安全底线
                  第四个问题 发展方式怎么转？
                三、 突出重点、聚势突破，加快推动X都市圈重要增长极建设成势见效
                  一是 体量不能小，必须持续壮大经济总量，力争到2026年，GDP突破X亿元
                  二是 增速不能慢，必须保持较快发展速度，力争主要经济指标增速“高于全省平均水平、奋进全省第一方阵”
                  三是 品质不能低，坚持“产业层次不能低、城市品质不能低、社会文明程度不能低”，不断提升城市硬实力和软实力
                  四是 发展不能虚，树立和践行正确政绩观，追求实实在在的投入、实实在在的增长、实实在在的发展
                  五是 底线不能破，必须统筹好发展和安全，全力防范化解各领域重大风险隐患，以新安全格局保障新发展格局
                  （一） 聚焦交通互联互通，打造X国际综合交通枢纽重要节点
                    一是 对接X新城
                    二是 对接花湖机场
                    三是 提升多式联运功能
                  （二） 聚焦创新赋能发展，打造光谷科创大走廊东部传动轴
                    一是 推进创新平台建设
                    二是 强化企业创新主体地位
                    三是 建设区域性人才中心
                  （三） 聚焦产业转型升级，打造全国先进制造业基地
                    一是 新材料产业集群
                    二是 电子信息产业集群
                    三是 新能源和智能网联汽车产业集群
                  （四） 聚焦全域临空发展，打造临空产业和服务聚集区
                    一是 建设X市临空产业区
                    二是 建设X港区临空商务区
                    三是 建设下陆区临空跨境电商产业园
                    四是 建设航空小镇
                  （五） 聚焦深化改革开放，打造X都市圈东向开放桥头堡
                    一是 抓港口发展
                    二是 抓开放平台
                    三是 抓营商环境
                  （六） 聚焦提升城市品质，打造X都市圈生态文旅宜居城
                    一是 以创建完整社区为抓手，全面提升城市功能品质
                    二是 以文旅融合发展为抓手，打造旅游目的地城市
                    三是 以共同缔造为抓手，持续增进民生福祉
                  一是 建成节点，始终把X置于长江经济带、X都市圈、X核心区等区域发展大局中去谋划、去推进，努力成为一个区域、一个系统中的节点，而不是一个孤立的单点
                  二是 提升品质，坚持“不比城市规模比品质”的理念，对表沿海发达地区，一手抓硬件提标，一手抓软件提质，全面提高城市品质和品位，努力建设宜居、韧性、智慧城市
                四、 知重负重、担当作为，凝聚打造X都市圈重要增长极的强大合力
                  （一） 强化政治引领
                  （二） 奋进全省第一方阵
                  （三） 善用“拿来主义”
                  （四） 大兴调查研究
                  （五） 激励担当作为
                  （六） 加强区域协作联动
                """);
    }

    @Test
    void seed001SummaryListAfterTheSixSubsectionsBelongsToThePart() {
        // "我们在统筹推进以上六项重点工作的同时…：一是建成节点…二是提升品质" speaks about all six, so it sits
        // beside （一）…（六）, not inside （六）
        OutlineNode third = Speeches.extract(Speeches.SEED_001).outline().get(2);
        assertThat(third.children()).extracting(OutlineNode::marker)
                .containsExactly("一是", "二是", "三是", "四是", "五是", "（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "一是",
                        "二是");
        assertThat(third.children()).allSatisfy(child -> assertThat(child.level()).isEqualTo(2));
    }

    @Test
    void seed002HasThreePurposesAndAFourStepSequence() {
        assertThat(Speeches.outline(Speeches.extract(Speeches.SEED_002))).isEqualTo("""
                一是 现场办公
                二是 集中推进
                三是 政企合作
                首先 我们要加快推进技术改造，提升企业自主创新能力
                其次 我们要加强工业集中区的建设和管理，优化企业发展环境
                再次 我们要深化政企合作，构建新型政商关系
                最后 我们要强化责任落实，确保各项工作取得实效
                """);
    }

    @Test
    void seed003KeepsItsStructureAcrossLinesBrokenEveryThirtyCharacters() {
        assertThat(Speeches.outline(Speeches.extract(Speeches.SEED_003))).isEqualTo("""
                一、 上半年工作回顾
                  （一） 经济运行稳中有进
                  （二） 产业发展亮点纷呈
                  （三） 科技创新成果丰硕
                  （四） 改革开放持续深化
                  （五） 民生福祉持续提升
                  （六） 城市品质不断提升
                二、 存在问题
                  一是 经济增长的内生动力还不够强，消费和投资的拉动力有待进一步提升
                  二是 产业结构还需进一步优化，新兴产业发展规模和速度还不能完全满足高质量发展的要求
                  三是 科技创新成果转化效率还需提高，科技与产业融合还不够紧密
                  四是 民生领域还有不少短板，教育、医疗、住房等方面还存在一些群众不满意的地方
                  五是 生态环境保护压力依然较大，节能减排任务艰巨
                  六是 营商环境还需持续优化，服务企业的能力和水平有待进一步提高
                三、 下半年工作部署
                  （一） 全力以赴稳增长，推动经济高质量发展
                    一是 扩大有效需求
                    二是 加快产业转型升级
                    三是 发展新质生产力，加快推进软件信息规模产业提升行动，实施产业育新培强攻坚行动，在数字经济、低空经济、人工智能、基因技术等新兴产业和未来产业领域加大投入和布局，培育新的经济增长点
                """);
    }

    @Test
    void seed004KeepsStrayNumbersUnderTheirPartsAndIgnoresTheTeaser() {
        // "1、" is lost under 一、 and 四、: "2、" still belongs to its part; the web teaser on the first line that
        // repeats "一、认真总结…" is not a heading; years, "3至5年" and line breaks before digits are not markers
        assertThat(Speeches.outline(Speeches.extract(Speeches.SEED_004))).isEqualTo("""
                一、 认真总结，充分认识跨越发展的良好态势
                  2、 城乡面貌明显改善
                  3、 社会事业蓬勃发展
                  4、 民主法治稳步推进
                  5、 党的建设不断加强
                二、 超前谋划，牢牢把握跨越发展的战略机遇
                  1、 超前谋划，必须立志跨越发展
                  2、 超前谋划，必须抢抓历史机遇
                  3、 超前谋划，必须明确发展定位
                三、 理清思路，科学确立跨越发展的宏伟目标
                四、 鼓足干劲，快速迈出跨越发展的坚实步伐
                  2、 以文明创建为总揽，奏响城市提质进行曲
                    一要 提升城乡基础设施
                    二要 提升城市管理水平
                    三要 提升市民文明素质
                  3、 以项目建设为纽带，开掘跨越发展活水源
                    一要 加强资本运作
                    二要 着力项目引进
                    三要 加快项目建设
                  4、 以服务企业为重点，增强区域环境吸引力
                五、 统筹兼顾，充分共享跨越发展的美好成果
                  1、 积极发展民主政治
                  2、 大力提高保障水平
                  3、 全面繁荣社会事业
                  4、 切实维护社会稳定
                六、 加强领导，积极构筑跨越发展的坚强保障
                  1、 强化思想建设，增强党对全局的驾驭力
                  2、 加强队伍建设，增强党在基层的战斗力
                  3、 抓好作风建设，增强党对群众的凝聚力
                """);
    }

    @Test
    void headingOffsetsPointAtTheMarkerInTheOriginalText() {
        String original = Speeches.read(Speeches.SEED_003);
        OutlineNode review = Speeches.extract(Speeches.SEED_003).outline().getFirst();
        assertThat(original.substring(review.start(), review.end())).isEqualTo("一、上半年工作回顾");
        OutlineNode first = review.children().getFirst();
        assertThat(original.substring(first.start(), first.end())).isEqualTo("(一)经济运行稳中有进");
    }
}
