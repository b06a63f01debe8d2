package cn.luoshi.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Named projects and places of work in the seeds, and the programme codes. */
class SeedProjectsTest {

    private static final List<String> NOT_NAMES = List.of("项目", "重点项目", "重大项目", "这项工作", "工程项目", "环境治理项目",
            "产业项目", "工业集中区", "园区", "基地", "区域性人才中心");

    private static Map<String, SpeechProject> projects(String seed) {
        return Speeches.extract(seed).projects().stream()
                .collect(Collectors.toMap(SpeechProject::name, p -> p, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void seed004RoadsInterchangesParksWorksAndIndustrialBases() {
        Map<String, SpeechProject> projects = projects(Speeches.SEED_004);
        assertThat(projects.keySet()).contains("长株高速", "田心立交", "迎宾大道", "职教园", "时代大道", "清水塘工业区", "田心高科园",
                "白石港", "清石广场", "铜霞路", "清水塘重金属污染区居民搬迁工程", "废渣综合治理工程", "铜塘湾港区",
                "重金属工业废水处理厂", "铜霞路一期改扩建", "南车时代百亿工程", "旗滨集团光伏玻璃产业基地", "时代研究院",
                "“蓝天碧水净土”工程");
        assertThat(projects.keySet()).doesNotContainAnyElementsOf(NOT_NAMES);
        assertThat(projects.get("长株高速").kind()).isEqualTo(ProjectKind.TRANSPORT);
        assertThat(projects.get("长株高速").mentions()).isEqualTo(2);
        assertThat(projects.get("田心高科园").mentions()).isEqualTo(3);
        assertThat(projects.get("职教园").kind()).isEqualTo(ProjectKind.PARK);
        assertThat(projects.get("清水塘重金属污染区居民搬迁工程").kind()).isEqualTo(ProjectKind.WORKS);
        assertThat(projects.get("重金属工业废水处理厂").kind()).isEqualTo(ProjectKind.FACILITY);
    }

    @Test
    void seed004NameBrokenOverTwoLinesPointsAtBothLines() {
        String original = Speeches.read(Speeches.SEED_004);
        SpeechProject plant = projects(Speeches.SEED_004).get("重金属工业废水处理厂");
        assertThat(original.substring(plant.start(), plant.end())).isEqualTo("重金属工业废水\n处理厂");
        assertThat(plant.text()).isEqualTo("重金属工业废水处理厂");
    }

    @Test
    void seed001AirportMotorwayParksAndTown() {
        Map<String, SpeechProject> projects = projects(Speeches.SEED_001);
        assertThat(projects.keySet()).contains("花湖机场高速", "花湖机场", "吴楚大道", "大广高速", "燕花路", "光谷科创大走廊",
                "X新港国家多式联运示范工程", "上海离岸科创园区", "深圳离岸科创中心", "中信泰富新材料制造基地", "X市临空产业区",
                "X港区临空商务区", "下陆区临空跨境电商产业园", "航空小镇", "顺丰航空小镇项目", "东湖高新区");
        assertThat(projects.keySet()).doesNotContainAnyElementsOf(NOT_NAMES)
                // a placeholder alone does not name a motorway
                .doesNotContain("X高速", "X新城", "X新港");
        assertThat(projects.get("顺丰航空小镇项目").kind()).isEqualTo(ProjectKind.PROJECT);
        assertThat(projects.get("花湖机场高速").kind()).isEqualTo(ProjectKind.TRANSPORT);
    }

    @Test
    void seed000PlacesVisitedAndTheVocationalEducationCity() {
        Map<String, SpeechProject> projects = projects(Speeches.SEED_000);
        assertThat(projects.keySet()).contains("XX职业教育科技园", "北京汽车XX基地", "动力谷自主创新园", "湘江XX城区段综合治理工程",
                "湖南（XX）职教科技城", "常茶高速公路", "湖南职教科技园");
        assertThat(projects.keySet()).doesNotContain("宜居家园", "三馆五中心");
    }

    @Test
    void seed002And003NameFewPlaces() {
        assertThat(projects(Speeches.SEED_002)).isEmpty();
        assertThat(projects(Speeches.SEED_003).keySet()).contains("湘赣边区域合作示范区").doesNotContainAnyElementsOf(NOT_NAMES);
    }

    @Test
    void programmeCodesAreQuotedNumbersOncePerCode() {
        assertThat(Speeches.extract(Speeches.SEED_000).programmes()).isEmpty();
        assertThat(Speeches.extract(Speeches.SEED_001).programmes()).isEmpty();
        assertThat(Speeches.extract(Speeches.SEED_002).programmes()).extracting(SpeechProgramme::code, SpeechProgramme::mentions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("122", 2));
        assertThat(Speeches.extract(Speeches.SEED_003).programmes()).extracting(SpeechProgramme::code)
                .containsExactly("4433", "3+17+23", "436");
        assertThat(Speeches.extract(Speeches.SEED_004).programmes()).extracting(SpeechProgramme::code, SpeechProgramme::mentions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("5115", 2));
        String original = Speeches.read(Speeches.SEED_003);
        SpeechProgramme reform = Speeches.extract(Speeches.SEED_003).programmes().get(1);
        assertThat(original.substring(reform.start(), reform.end())).isEqualTo("“3+17+23”");
    }

    @Test
    void placeholdersAreCountedOncePerRun() {
        // seed 002: XX日, XX月份, XX个企业, XX的各项经济指标, 增创XX经济
        assertThat(Speeches.extract(Speeches.SEED_002).placeholders()).isEqualTo(5);
        // seed 004: 30 runs of * in the file, one of them in the web teaser that repeats the opening
        assertThat(Speeches.extract(Speeches.SEED_004).placeholders()).isEqualTo(29);
        // seed 003: 27 runs of *
        assertThat(Speeches.extract(Speeches.SEED_003).placeholders()).isEqualTo(27);
    }
}
