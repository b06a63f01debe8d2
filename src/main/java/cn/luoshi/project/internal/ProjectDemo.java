package cn.luoshi.project.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import cn.luoshi.common.demo.DemoContributor;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.web.Paging;
import cn.luoshi.enterprise.Enterprise;
import cn.luoshi.enterprise.EnterpriseFilter;
import cn.luoshi.enterprise.Enterprises;
import cn.luoshi.org.DataScope;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.project.NewProject;
import cn.luoshi.project.Project;
import cn.luoshi.project.ProjectCategory;
import cn.luoshi.project.ProjectProblems;
import cn.luoshi.project.ProjectStage;
import cn.luoshi.project.Projects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The demo city's key projects in the style of seeds 002 and 004: the "122" technical-renovation programme of the
 * park's enterprises (工信局), the ten key infrastructure works and ten industry projects (发改委 as project office),
 * a few district projects; each with this year's plan, monthly progress up to last month, milestones (some late)
 * and a few open problems.
 */
@Component
class ProjectDemo implements DemoContributor {

    static final String PROGRAMME_122 = "122";
    static final String PROGRAMME_INFRA = "十大重点基础工程";
    static final String PROGRAMME_INDUSTRY = "十大产业项目";

    private static final String[] RENOVATIONS = {"数控生产线智能化改造", "节能降耗技术改造", "自动化焊接车间改造",
            "数字化车间建设", "绿色工厂提升改造", "高端装备扩能改造", "智能仓储物流改造", "工业互联网平台建设",
            "新型材料生产线技改", "产品检测中心升级改造"};
    private static final String[] INFRASTRUCTURE = {"迎宾大道北延工程", "东环立交改造工程", "铜湾路一期改扩建工程",
            "白沙港水环境综合治理工程", "城北污水处理厂二期工程", "职教城基础设施配套工程", "清水广场提质改造工程",
            "响水岭片区路网工程", "九峰山旅游基础设施工程", "示例大道生态景观长廊"};
    private static final String[] INDUSTRY = {"轨道交通装备千亿产业集群配套园", "电力机车研究院扩能项目",
            "光伏玻璃产业基地", "新材料产业园二期", "智能制造研究院", "汽车零部件产业园", "生物医药产业基地",
            "现代物流园", "电子信息产业园", "有色金属精深加工基地"};
    private static final String[] LEADERS = {"周市长", "王副市长", "李副市长", "陈副市长", "刘副市长"};
    private static final String[][] MILESTONES = {{"完成立项备案", "-8"}, {"取得建设用地", "-6"},
            {"取得施工许可", "-4"}, {"主体工程开工", "-2"}, {"设备采购招标", "1"}, {"主体完工", "4"},
            {"竣工验收", "8"}, {"投产达效", "11"}};
    private static final String[] PROBLEMS = {"用地指标尚未落实，影响二期开工", "电力增容审批进度慢，设备无法调试",
            "银行贷款尚未到位，资金缺口约 3000 万元", "征拆遗留问题未解决，施工受阻", "环评批复延迟"};

    private final Projects projects;
    private final ProjectProblems problems;
    private final ProjectRepository repository;
    private final ProjectLights lights;
        private final OrgUnits units;
    private final Enterprises enterprises;
    private final ApplicationEventPublisher events;
    private final List<Long> created = new ArrayList<>();
    private final Clock clock;

    ProjectDemo(Projects projects, ProjectProblems problems, ProjectRepository repository,
                ProjectLights lights, OrgUnits units,
                Enterprises enterprises, ApplicationEventPublisher events, Clock clock) {
        this.projects = projects;
        this.problems = problems;
        this.repository = repository;
        this.lights = lights;
        this.units = units;
        this.enterprises = enterprises;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "project";
    }

    @Override
    public int order() {
        return 410;
    }

    @Override
    public void load() {
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        OrgUnit city = unit(DemoCity.CITY);
        LuoshiUser system = new LuoshiUser(0, "system", "系统", city.id(), city.name(),
                Set.of(Role.SUPERVISOR, Role.UNIT_HEAD), DataScope.everything(), true, null);
        Random random = new Random(20_260_122L);
        long park = unit(DemoCity.PARK).id();
        long gxj = unit(DemoCity.GXJ).id();
        long fgw = unit(DemoCity.FGW).id();
        long[] districts = {unit(DemoCity.CHENGGUAN).id(), unit(DemoCity.GAOXIN).id()};
        List<Enterprise> inPark = enterprises.list(new EnterpriseFilter(null, park, null, null, null, null),
                new Paging(0, Paging.MAX_SIZE), system).content();
        List<String> parkEnterprises = inPark.stream().map(Enterprise::creditCode).toList();
        List<String> enterpriseNames = inPark.stream().map(Enterprise::name).toList();

        int n = 0;
        // "122": about twenty technical renovations of the park's enterprises, 工信局 leading.
        for (int i = 0; i < 20; i++) {
            int e = i == 0 ? parkEnterprises.indexOf(DemoCity.QIYE1_CREDIT_CODE)
                    : i == 1 ? parkEnterprises.indexOf(DemoCity.QIYE2_CREDIT_CODE) : (i * 9) % parkEnterprises.size();
            String company = enterpriseNames.get(e).replace("有限公司", "").replace("示例", "");
            String name = company + RENOVATIONS[i % RENOVATIONS.length] + "项目";
            if (i < 2) {
                name = (i == 0 ? "示例重工" : "示例新材料") + RENOVATIONS[i * 3] + "项目";
            }
            BigDecimal total = money(3_000 + random.nextDouble() * 45_000);
            Project p = create(system, String.format("122-%d-%03d", year, i + 1), name,
                    ProjectCategory.TECH_RENOVATION, PROGRAMME_122, parkEnterprises.get(e), park, gxj,
                    districts[i % 2], LEADERS[(i % 3) + 2], "示例市工业集中区", total, year - (i % 3 == 0 ? 1 : 0),
                    year + (i % 4 == 0 ? 1 : 0), i % 5 == 0 ? ProjectStage.COMPLETED : ProjectStage.CONSTRUCTION);
            cycle(system, p, random, today, 0.6 + random.nextDouble() * 0.45, i == 3 || i == 11, n++);
        }
        // 十大重点基础工程 and 十大产业项目, 发改委 as project office.
        for (int i = 0; i < 10; i++) {
            BigDecimal total = money(80_000 + random.nextDouble() * 600_000);
            Project p = create(system, String.format("JC-%d-%02d", year, i + 1), INFRASTRUCTURE[i],
                    ProjectCategory.INFRASTRUCTURE, PROGRAMME_INFRA, null, null, fgw, districts[i % 2],
                    LEADERS[i % LEADERS.length], null, total, year - 1, year + 1 + (i % 2),
                    i < 7 ? ProjectStage.CONSTRUCTION : ProjectStage.STARTED);
            cycle(system, p, random, today, 0.55 + random.nextDouble() * 0.45, i == 2, n++);
        }
        for (int i = 0; i < 10; i++) {
            BigDecimal total = money(100_000 + random.nextDouble() * 900_000);
            String enterprise = i < 3 ? parkEnterprises.get(i) : null;
            Project p = create(system, String.format("CY-%d-%02d", year, i + 1), INDUSTRY[i],
                    ProjectCategory.INDUSTRY, PROGRAMME_INDUSTRY, enterprise, i < 6 ? park : null, fgw,
                    districts[(i + 1) % 2], LEADERS[(i + 1) % LEADERS.length], null, total, year - 1, year + 2,
                    i < 8 ? ProjectStage.CONSTRUCTION : ProjectStage.PREPARATION);
            cycle(system, p, random, today, 0.6 + random.nextDouble() * 0.45, i == 5, n++);
        }
        // District projects: 城关区's livelihood works, and 江南区's own projects kept within 江南区.
        long chengguanFgj = unit(DemoCity.CHENGGUAN_FGJ).id();
        String[] chengguan = {"城关区老旧小区改造工程", "城关区东门农贸市场提质改造"};
        for (int i = 0; i < chengguan.length; i++) {
            Project p = create(system, String.format("CG-%d-%02d", year, i + 1), chengguan[i],
                    ProjectCategory.LIVELIHOOD, "民生实事", null, null, chengguanFgj, districts[0], "黄区长", null,
                    money(6_000 + random.nextDouble() * 8_000), year, year, ProjectStage.CONSTRUCTION);
            cycle(system, p, random, today, 0.7 + random.nextDouble() * 0.3, false, n++);
        }
        long jiangnan = unit(DemoCity.JIANGNAN).id();
        long jiangnanFgj = unit(DemoCity.JIANGNAN_FGJ).id();
        String[] jiangnanProjects = {"滨江片区防洪堤加固工程", "江南物流配送中心"};
        for (int i = 0; i < jiangnanProjects.length; i++) {
            Project p = create(system, String.format("JN-%d-%02d", year, i + 1), jiangnanProjects[i],
                    i == 0 ? ProjectCategory.INFRASTRUCTURE : ProjectCategory.INVESTMENT_PROMOTION, null, null, null,
                    jiangnanFgj, jiangnan, "林区长", null, money(20_000 + random.nextDouble() * 30_000), year,
                    year + 1, ProjectStage.STARTED);
            cycle(system, p, random, today, 0.5 + random.nextDouble() * 0.5, false, n++);
        }
        lights.refresh(created);
        events.publishEvent(new AuditRecord("project.demo.loaded", "Project", null, city.id(),
                "载入示例项目 " + created.size() + " 个及其" + year + "年计划、月度进展和节点", null, null));
    }

    private Project create(LuoshiUser system, String code, String name, ProjectCategory category, String programme,
                           String creditCode, Long park, long lead, long location, String leader, String site,
                           BigDecimal total, int start, int end, ProjectStage stage) {
        Project project = projects.create(new NewProject(code, name, category, programme, creditCode, park, lead,
                location, leader, site, total, start, end, stage, null), system);
        created.add(project.id());
        return project;
    }

    /**
     * This year's plan (a seasonal profile: slow in winter, busy from spring), progress for every full month at the
     * project's pace, milestones around today (one late when asked), and now and then an open problem.
     */
    private void cycle(LuoshiUser system, Project p, Random random, LocalDate today, double pace, boolean late,
                       int n) {
        int year = today.getYear();
        int years = p.endYear() - p.startYear() + 1;
        BigDecimal annual = p.totalInvestment().divide(BigDecimal.valueOf(years), 2, RoundingMode.HALF_UP);
        double[] profile = {0.04, 0.05, 0.08, 0.09, 0.1, 0.1, 0.1, 0.1, 0.09, 0.09, 0.08, 0.08};
        List<BigDecimal> months = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int m = 0; m < 11; m++) {
            BigDecimal v = annual.multiply(BigDecimal.valueOf(profile[m])).setScale(2, RoundingMode.HALF_UP);
            months.add(v);
            sum = sum.add(v);
        }
        months.add(annual.subtract(sum));
        repository.savePlan(p.id(), year, annual, months);
        OffsetDateTime reportedAt = OffsetDateTime.now(clock);
        for (int m = 1; m < today.getMonthValue(); m++) {
            // each project keeps its own pace, month by month a little above or below it
            double factor = pace * (0.8 + random.nextDouble() * 0.4);
            BigDecimal completed = months.get(m - 1).multiply(BigDecimal.valueOf(Math.max(0, factor)))
                    .setScale(2, RoundingMode.HALF_UP);
            String text = m == today.getMonthValue() - 1 ? progressText(random) : null;
            repository.saveProgress(p.id(), year, m, completed, text, "system", reportedAt);
        }
        int order = 0;
        for (String[] node : MILESTONES) {
            LocalDate planned = today.plusMonths(Integer.parseInt(node[1])).withDayOfMonth(10 + (n % 15));
            LocalDate reached = null;
            if (planned.isBefore(today) && !(late && order == 3)) {
                reached = planned.plusDays(random.nextInt(20) - 5);
                reached = reached.isAfter(today) ? today : reached;
            } else if (p.stage().finished()) {
                reached = today.minusDays(3);
            }
            repository.insertMilestone(p.id(), node[0], planned, reached, order++);
        }
        if (n % 6 == 1) {
            problems.raise(p.id(), PROBLEMS[(n / 6) % PROBLEMS.length], system);
        }
    }

    private static String progressText(Random random) {
        String[] texts = {"主体结构施工中，完成形象进度约 %d%%", "设备安装调试中，已完成 %d%%",
                "场地平整完成，桩基施工完成 %d%%", "厂房钢结构吊装完成 %d%%"};
        return String.format(texts[random.nextInt(texts.length)], 30 + random.nextInt(60));
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private OrgUnit unit(String code) {
        return units.findByCode(code).orElseThrow(() -> new IllegalStateException("demo unit missing: " + code));
    }
}
