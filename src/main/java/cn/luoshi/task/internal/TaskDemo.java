package cn.luoshi.task.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.luoshi.common.demo.DemoContributor;
import cn.luoshi.common.files.FileStore;
import cn.luoshi.common.progress.LightRules;
import cn.luoshi.common.progress.LightThresholds;
import cn.luoshi.org.DataScope;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.NewUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.org.UserAccount;
import cn.luoshi.org.UserAccounts;
import cn.luoshi.task.EscalationRung;
import cn.luoshi.task.NewTask;
import cn.luoshi.task.Priority;
import cn.luoshi.task.ReportCycle;
import cn.luoshi.task.TaskAction;
import cn.luoshi.task.TaskSource;
import cn.luoshi.task.Meetings;
import cn.luoshi.task.NewMeeting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The supervision board of 示例市: the meetings of the seed speeches and 38 tasks deployed by them (the "122"
 * technical-renovation push, 工业集中区整合提升, 政企沟通机制, the six focus areas of the 都市圈 speech, the half-year
 * deployment and 江南区's own economic work conference), played through the real workflow with back-dated steps so
 * that every status and every light appears. Dates follow the clock, so the board looks alive on any day.
 */
@Component
class TaskDemo implements DemoContributor {

    private final TaskRegistration registration;
    private final TaskWorkflow workflow;
    private final ReminderJob reminders;
    private final EscalationLadder ladder;
    private final Meetings meetings;
    private final TaskRepository tasks;
    private final OrgUnits units;
    private final UserAccounts accounts;
    private final LightRules lightRules;
    private final FileStore files;
    private final JdbcClient jdbc;
    private final Clock clock;

    private final Map<String, LuoshiUser> users = new HashMap<>();
    private LocalDate today;
    private int tick;

    TaskDemo(TaskRegistration registration, TaskWorkflow workflow, ReminderJob reminders, EscalationLadder ladder,
             Meetings meetings,
             TaskRepository tasks, OrgUnits units, UserAccounts accounts, LightRules lightRules, FileStore files,
             JdbcClient jdbc, Clock clock) {
        this.registration = registration;
        this.workflow = workflow;
        this.reminders = reminders;
        this.ladder = ladder;
        this.meetings = meetings;
        this.tasks = tasks;
        this.units = units;
        this.accounts = accounts;
        this.lightRules = lightRules;
        this.files = files;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "task";
    }

    @Override
    public int order() {
        return 300;
    }

    /** Handlers of the units that the org demo gives no account, so every lead unit can sign for its tasks. */
    private static final String[][] UNIT_STAFF = {
            {DemoCity.JTYSJ, "jtysj.jb", "交通运输局 王经办"}, {DemoCity.KJJ, "kjj.jb", "科技局 李经办"},
            {DemoCity.RSJ, "rsj.jb", "人社局 张经办"}, {DemoCity.CZJ, "czj.jb", "财政局 陈经办"},
            {DemoCity.WLJ, "wlj.jb", "文旅局 杨经办"}, {DemoCity.STHJJ, "sthjj.jb", "生态环境局 赵经办"},
            {DemoCity.SLJ, "slj.jb", "水利和湖泊局 周经办"}, {DemoCity.JYJ, "jyj.jb", "教育局 吴经办"},
            {DemoCity.ZRZYJ, "zrzyj.jb", "自然资源和规划局 徐经办"}, {DemoCity.GAOXIN, "gxq.jb", "高新区 孙经办"},
            {DemoCity.LINJIANG, "ljx.jb", "临江县 胡经办"}, {DemoCity.CHENGGUAN_FGJ, "cgfgj.jb", "城关区发改局 马经办"},
            {DemoCity.JIANGNAN_FGJ, "jnfgj.jb", "江南区发改局 朱经办"}};

    private static final Map<String, String> HANDLER_OF = Map.ofEntries(
            Map.entry(DemoCity.GXJ, "gxj"), Map.entry(DemoCity.FGW, "fgw"), Map.entry(DemoCity.ZJJ, "zjj"),
            Map.entry(DemoCity.SWJ, "swj"), Map.entry(DemoCity.YSJ, "ysj"), Map.entry(DemoCity.CHENGGUAN, "cgq"),
            Map.entry(DemoCity.JIANGNAN, "jnq"), Map.entry(DemoCity.JTYSJ, "jtysj.jb"),
            Map.entry(DemoCity.KJJ, "kjj.jb"), Map.entry(DemoCity.RSJ, "rsj.jb"), Map.entry(DemoCity.CZJ, "czj.jb"),
            Map.entry(DemoCity.WLJ, "wlj.jb"), Map.entry(DemoCity.STHJJ, "sthjj.jb"),
            Map.entry(DemoCity.SLJ, "slj.jb"), Map.entry(DemoCity.JYJ, "jyj.jb"),
            Map.entry(DemoCity.ZRZYJ, "zrzyj.jb"), Map.entry(DemoCity.GAOXIN, "gxq.jb"),
            Map.entry(DemoCity.LINJIANG, "ljx.jb"), Map.entry(DemoCity.CHENGGUAN_FGJ, "cgfgj.jb"),
            Map.entry(DemoCity.JIANGNAN_FGJ, "jnfgj.jb"));

    @Override
    public void load() {
        today = LocalDate.now(clock);
        createUnitStaff();
        // 临江县 watches its deadlines more closely than the city default.
        lightRules.set(unit(DemoCity.LINJIANG), new LightThresholds(10, 0.08, 0.25));
        MeetingIds m = registerMeetings();

        // ---- 全市"122"重点技改项目暨乡镇工业集中区工作推进会 (seed 002) -----------------------------------------
        long issues = task(m.renovation(), "一是现场办公", "对全市\u201c122\u201d技改项目遇到的问题进行全面系统梳理，通过现场办公会面对面、实打实地解决。",
                "全面梳理\u201c122\u201d技改项目推进中的问题，建立问题清单", DemoCity.GXJ, List.of(DemoCity.FGW),
                true, 75, -30, ReportCycle.WEEKLY, Priority.HIGH, List.of("122技改", "现场办公"), null);
        assign(issues, 74);
        accept(issues, 73);
        report(issues, 66, 40, "已走访 XX 家\u201c122\u201d项目企业，梳理出用地、融资、审批三类问题 23 个。", null);
        report(issues, 52, 85, "23 个问题已逐一明确责任单位和办结时限，其中 17 个已解决。", null);
        report(issues, 36, 100, "问题清单全部销号，形成《\u201c122\u201d技改项目问题清单及办理情况》。",
                evidence("122技改项目问题清单.csv", """
                        序号,企业,问题,责任单位,办理情况
                        1,示例重工机械有限公司,技改设备进口关税减免手续,市商务局,已办结
                        2,示例新材料科技有限公司,新增用地指标,市自然资源和规划局,已办结
                        3,示例电子有限公司,技改贷款贴息,市财政局,已办结
                        """));
        requestCompletion(issues, 35, "问题清单已全部办结，佐证材料已上传。");
        approve(issues, 32, "经核实，问题清单已全部销号，同意办结。");

        long push = task(m.renovation(), "首先", "各级政府和相关部门要加大对技术改造的支持力度……引导和支持企业加大研发投入，引进先进技术和设备。",
                "推进全市\u201c122\u201d重点技改项目建设", DemoCity.GXJ, List.of(DemoCity.FGW, DemoCity.CZJ), true, 75,
                140, ReportCycle.MONTHLY, Priority.HIGH, List.of("122技改"), null);
        assign(push, 74);
        accept(push, 72);
        report(push, 45, 30, "122 个技改项目已开工 61 个，完成投资 XX 亿元。", null);
        long pushCg = subtask(push, "城关区\u201c122\u201d技改项目推进", DemoCity.CHENGGUAN, 70, 130);
        accept(pushCg, 69);
        report(pushCg, 40, 30, "辖区 18 个技改项目已开工 11 个。", null);
        report(pushCg, 8, 48, "新增开工 4 个，2 个项目设备已到场安装。", null);
        long pushLj = subtask(push, "临江县\u201c122\u201d技改项目推进", DemoCity.LINJIANG, 70, 130);
        accept(pushLj, 68);
        report(pushLj, 30, 22, "受融资影响，3 个项目开工推迟，正协调银行授信。", null);
        long pushGx = subtask(push, "高新区\u201c122\u201d技改项目推进", DemoCity.GAOXIN, 70, 130);
        accept(pushGx, 60);
        long pushJn = subtask(push, "江南区\u201c122\u201d技改项目推进", DemoCity.JIANGNAN, 70, 130);
        accept(pushJn, 66);
        report(pushJn, 20, 45, "江南区 15 个技改项目已开工 9 个。", null);
        // The lead unit decomposes its own task for a co-unit once it has signed for it.
        long pushFunds = unitSubtask(push, "gxj", "争取省级技改专项资金支持“122”项目", DemoCity.FGW, 40, 100);
        accept(pushFunds, 39);
        report(pushFunds, 20, 35, "已组织 14 个项目申报省级技改专项资金。", null);

        long onSite = task(m.renovation(), "一是现场办公", "刚才XX个企业反映了一些具体问题，相关地区、部门要抓紧加以解决。",
                "推进会现场企业反映问题限时解决", DemoCity.GXJ, List.of(DemoCity.YSJ), true, 95, 5,
                ReportCycle.HALF_MONTHLY, Priority.HIGH, List.of("现场办公", "企业诉求"), null);
        assign(onSite, 94);
        accept(onSite, 93);
        report(onSite, 60, 50, "企业反映的 12 个问题已解决 6 个。", null);
        report(onSite, 10, 90, "已解决 11 个，剩余 1 个涉及跨区用电增容，正与供电公司协调。", null);

        long parks = task(m.renovation(), "其次", "按照集约化、专业化、生态化的要求，科学规划工业集中区的发展布局，合理配置资源，完善基础设施。",
                "乡镇工业集中区整合提升", DemoCity.GXJ, List.of(DemoCity.ZRZYJ, DemoCity.PARK), true, 75, 160,
                ReportCycle.MONTHLY, Priority.HIGH, List.of("工业集中区"), null);
        assign(parks, 74);
        accept(parks, 73);
        report(parks, 40, 25, "完成全市 9 个乡镇工业集中区摸底调查，形成整合提升初步方案。", null);
        long parksLj = subtask(parks, "临江县乡镇工业集中区整合提升方案编制", DemoCity.LINJIANG, 60, 20);
        accept(parksLj, 58);
        report(parksLj, 25, 70, "方案初稿已完成，正在征求乡镇意见。", null);
        report(parksLj, 6, 100, "方案已经县政府常务会议审议通过。",
                evidence("临江县工业集中区整合提升方案.txt", "临江县乡镇工业集中区整合提升方案（审议稿）\n一、总体思路\n二、整合路径\n三、保障措施\n"));
        requestCompletion(parksLj, 5, "方案已审议通过，请审核销号。");

        long dialogue = task(m.renovation(), "再次", "建立健全政企沟通机制，定期召开座谈会、恳谈会等，及时了解企业的需求和诉求，研究解决实际问题。",
                "建立健全政企沟通机制，定期召开政企座谈会、恳谈会", DemoCity.YSJ,
                List.of(DemoCity.GXJ, DemoCity.SWJ), true, 70, 20, ReportCycle.MONTHLY, Priority.NORMAL,
                List.of("营商环境", "政企合作"), null);
        assign(dialogue, 69);
        accept(dialogue, 69);
        report(dialogue, 50, 50, "《政企沟通座谈会制度》已印发，首次座谈会邀请 20 家企业参加。", null);
        report(dialogue, 8, 100, "已召开座谈会 3 次、恳谈会 2 次，收集企业诉求 46 条，已全部转办。",
                evidence("政企座谈会纪要.txt", "政企座谈会纪要\n时间：本月\n参会企业：20 家\n议定事项：……\n"));
        requestCompletion(dialogue, 7, "机制已建立并常态化运行，申请办结。");

        long subsidy = task(m.renovation(), "首先", "对于那些在技术改造中表现突出的企业，我们要给予更多的政策支持和奖励，形成良好的示范效应。",
                "出台技术改造奖补办法，兑现技改奖励", DemoCity.CZJ, List.of(DemoCity.GXJ), true, 70, -10,
                ReportCycle.HALF_MONTHLY, Priority.HIGH, List.of("122技改", "政策兑现"), null);
        assign(subsidy, 69);
        accept(subsidy, 66);
        report(subsidy, 50, 30, "奖补办法征求意见稿已形成。", null);
        report(subsidy, 22, 70, "办法已报市政府常务会议，待审议。", null);
        remind(subsidy, 15, "请加快提请审议，确保按期出台。");
        instruct(subsidy, 12, "技改奖补事关企业信心，财政局要主动对接，务必本月内兑现到位。");

        long research = task(m.renovation(), "首先", "鼓励企业加强与高校、科研院所的合作，建立产学研用相结合的技术创新体系。",
                "推动企业与高校、科研院所合作，建立产学研用技术创新体系", DemoCity.KJJ, List.of(DemoCity.GXJ),
                false, 3, 150, ReportCycle.MONTHLY, Priority.NORMAL, List.of("科技创新"), null);
        assign(research, 2);

        // Still a draft: the assessment scheme comes later in the year.
        task(m.renovation(), "最后", "将技术改造和工业集中区建设成效纳入年度目标考核，严格奖惩。",
                "将技术改造和工业集中区建设成效纳入年度目标考核", DemoCity.FGW, List.of(), true, 0, 120,
                ReportCycle.MONTHLY, Priority.NORMAL, List.of("考核"), null);

        // ---- 都市圈建设重点工作推进会 (seed 001): the six focus areas -------------------------------------------
        long newCity = task(m.metro(), "三、（一）一是", "加快推进X高速、X阳高速……构建以\u201c三高速两通道一城际\u201d为主骨架的对接X新城交通体系。",
                "对接新城交通体系建设（\u201c三高速两通道一城际\u201d）", DemoCity.JTYSJ,
                List.of(DemoCity.FGW, DemoCity.ZRZYJ), true, 120, 240, ReportCycle.MONTHLY, Priority.HIGH,
                List.of("都市圈", "交通"), null);
        assign(newCity, 118);
        accept(newCity, 117);
        report(newCity, 90, 12, "X高速完成工可批复。", null);
        report(newCity, 30, 34, "南通道开工建设，北通道完成初步设计。", null);
        long airport = task(m.metro(), "三、（一）二是", "重点推进花湖机场高速、大广高速-X高速……构建以\u201c两高速两通道一城际\u201d为主骨架的对接花湖机场交通体系。",
                "对接花湖机场交通体系建设", DemoCity.JTYSJ, List.of(DemoCity.FGW), true, 120, 240,
                ReportCycle.MONTHLY, Priority.HIGH, List.of("都市圈", "交通"), null);
        assign(airport, 118);
        accept(airport, 116);
        report(airport, 60, 15, "机场高速用地预审已报省厅。", null);
        long port = task(m.metro(), "三、（一）三是", "进一步做大做强X新港国家多式联运示范工程，推动X新港与X新港协同打造长江中游航运中心双枢纽港。",
                "做大做强新港国家多式联运示范工程", DemoCity.JTYSJ, List.of(DemoCity.SWJ), true, 120, 60,
                ReportCycle.MONTHLY, Priority.HIGH, List.of("都市圈", "开放"), null);
        assign(port, 118);
        accept(port, 100);
        long hiTech = task(m.metro(), "三、（二）二是", "大力实施高新技术企业提质增量工程和科技型中小企业倍增计划。",
                "实施高新技术企业提质增量工程和科技型中小企业倍增计划", DemoCity.KJJ, List.of(), true, 120, 240,
                ReportCycle.MONTHLY, Priority.NORMAL, List.of("都市圈", "科技创新"), null);
        assign(hiTech, 118);
        accept(hiTech, 118);
        report(hiTech, 80, 30, "新认定高新技术企业 42 家。", null);
        report(hiTech, 15, 55, "科技型中小企业入库 310 家，完成年度目标的 62%。", null);
        long talent = task(m.metro(), "三、（二）三是", "完善\u201c引育留用\u201d全周期全链条全方位服务体系，加快建设区域性人才中心和创新创业高地。",
                "建设区域性人才中心，完善\u201c引育留用\u201d人才服务体系", DemoCity.RSJ, List.of(DemoCity.KJJ), true,
                120, 240, ReportCycle.MONTHLY, Priority.NORMAL, List.of("都市圈", "人才"), null);
        assign(talent, 118);
        accept(talent, 115);
        report(talent, 40, 18, "人才服务中心选址完成。", null);
        long materials = task(m.metro(), "三、（三）一是", "加快推进中信泰富新材料制造基地、诺德锂电铜箔……力争到2026年成功打造两千亿级新材料产业集群。",
                "打造两千亿级新材料产业集群", DemoCity.GXJ, List.of(DemoCity.FGW, DemoCity.PARK), true, 120, 240,
                ReportCycle.MONTHLY, Priority.HIGH, List.of("都市圈", "产业集群"), null);
        assign(materials, 118);
        accept(materials, 117);
        report(materials, 60, 28, "新材料制造基地二期设备安装完成。", null);
        report(materials, 12, 42, "锂电铜箔项目试生产，集群产值同比增长 14.6%。", null);
        long electronics = task(m.metro(), "三、（三）二是", "积极对接配套X\u201c光芯屏端网\u201d万亿产业集群，力争用3到5年时间将电子信息产业打造成千亿级产业集群。",
                "电子信息产业对接配套\u201c光芯屏端网\u201d产业集群", DemoCity.GXJ, List.of(), true, 120, 240,
                ReportCycle.MONTHLY, Priority.NORMAL, List.of("都市圈", "产业集群"), null);
        assign(electronics, 118);
        accept(electronics, 116);
        report(electronics, 25, 36, "与\u201c光芯屏端网\u201d龙头企业签订配套协议 6 份。", null);
        long airside = task(m.metro(), "三、（四）一是", "在距离花湖机场最近的还地桥镇布局建设临空产业区，加快推进20.3平方公里的起步区建设。",
                "临空产业区起步区（20.3平方公里）建设", DemoCity.GAOXIN, List.of(DemoCity.ZRZYJ), true, 120, 60,
                ReportCycle.HALF_MONTHLY, Priority.HIGH, List.of("都市圈", "临空经济"), null);
        assign(airside, 118);
        accept(airside, 110);
        report(airside, 70, 10, "起步区控制性详细规划编制中。", null);
        long costs = task(m.metro(), "三、（五）三是", "突出助企降本增效、优化政务服务、强化要素保障等重点工作。",
                "助企降本增效，优化政务服务", DemoCity.YSJ, List.of(DemoCity.SWJ), true, 120, 240,
                ReportCycle.MONTHLY, Priority.NORMAL, List.of("都市圈", "营商环境"), null);
        assign(costs, 118);
        accept(costs, 118);
        report(costs, 20, 60, "\u201c一件事一次办\u201d事项扩展至 48 项，为企业减负 X 亿元。", null);
        long shipping = task(m.metro(), "三、（五）二是", "以综合保税区建成运营为契机，争取开通更多近洋直航航线。",
                "争取开通更多近洋直航航线", DemoCity.SWJ, List.of(DemoCity.JTYSJ), false, 10, 200,
                ReportCycle.MONTHLY, Priority.NORMAL, List.of("都市圈", "开放"), null);
        assign(shipping, 9);
        long community = task(m.metro(), "三、（六）一是", "统筹推进老城区功能疏解、新区功能完善、老旧小区改造、商圈扩容提质，加快构建\u201c15分钟便民生活服务圈\u201d。",
                "老旧小区改造与完整社区建设", DemoCity.ZJJ, List.of(DemoCity.CHENGGUAN), true, 120, 240,
                ReportCycle.MONTHLY, Priority.NORMAL, List.of("都市圈", "城市更新"), null);
        assign(community, 118);
        accept(community, 117);
        report(community, 50, 30, "完成老旧小区改造 26 个。", null);
        report(community, 14, 50, "完成 41 个，城关区东门片区完整社区试点完工。", null);
        long elevators = task(m.metro(), "三、（六）三是", "着力在危旧房改造和老旧小区加装电梯立法两项重点工作上探索推进。",
                "危旧房改造和老旧小区加装电梯", DemoCity.ZJJ, List.of(), true, 120, 4, ReportCycle.HALF_MONTHLY,
                Priority.HIGH, List.of("都市圈", "民生"), null);
        assign(elevators, 118);
        accept(elevators, 118);
        report(elevators, 60, 50, "危旧房改造完成 60%，加装电梯条例草案已起草。", null);
        report(elevators, 9, 88, "危旧房改造基本完成，条例草案待市人大常委会审议。", null);
        extension(elevators, 3, 30, "加装电梯条例须经市人大常委会两次审议，申请延期 30 天。");
        long tourism = task(m.metro(), "三、（六）二是", "发挥X旅游特色，因地制宜、突出亮点、串点成线、打造品牌。",
                "文旅融合，打造旅游目的地城市", DemoCity.WLJ, List.of(), true, 120, -5, ReportCycle.MONTHLY,
                Priority.NORMAL, List.of("都市圈", "文旅"), null);
        assign(tourism, 118);
        accept(tourism, 117);
        report(tourism, 60, 60, "推出 5 条精品旅游线路。", null);
        report(tourism, 12, 100, "旅游目的地城市品牌发布，精品线路接待游客 XX 万人次。",
                evidence("文旅品牌发布情况.txt", "文旅融合工作总结\n一、精品线路\n二、品牌发布\n"));
        requestCompletion(tourism, 11, "目标任务全部完成。");
        returnTask(tourism, 10, "请补充游客接待数据的统计口径说明。");
        report(tourism, 7, 100, "已补充统计口径说明（按文旅部门统计口径）。",
                evidence("游客接待统计口径说明.txt", "统计口径：按文化和旅游部门旅游统计调查制度。\n"));
        requestCompletion(tourism, 7, "已按要求补充材料。");
        approve(tourism, 6, "材料齐全，同意办结。");

        // ---- 上半年重点工作总结暨下半年工作部署会议 (seed 003) ------------------------------------------------
        long digital = task(m.halfYear(), "一、（一）", "首批*家中小企业数字化转型改造全面完成，数字化转型典型案例数量居全国首位。",
                "完成首批中小企业数字化转型改造", DemoCity.GXJ, List.of(), false, 60, -2, ReportCycle.MONTHLY,
                Priority.NORMAL, List.of("数字化转型"), null);
        assign(digital, 59);
        accept(digital, 59);
        report(digital, 30, 70, "已完成改造 84 家。", null);
        report(digital, 6, 100, "首批 120 家全部完成改造并通过评估。",
                evidence("数字化转型改造验收清单.csv", "序号,企业,改造内容,验收结论\n1,示例重工机械有限公司,设备联网,通过\n"));
        requestCompletion(digital, 5, "首批改造全部完成，请审核。");
        approve(digital, 3, "同意办结。");
        long reform = task(m.halfYear(), "一、（四）", "稳步推进\u201c3+17+23\u201d首批重点标志性改革事项，确保有序落地。",
                "推进\u201c3+17+23\u201d首批重点标志性改革事项落地", DemoCity.FGW, List.of(), true, 20, 160,
                ReportCycle.MONTHLY, Priority.HIGH, List.of("改革"), null);
        setHeadApproval(reform);
        assign(reform, 19);
        accept(reform, 18);
        report(reform, 10, 12, "3 项重大改革已印发实施方案。", null, "fgwfzr");
        report(reform, 1, 20, "17 项重点改革中 9 项已完成阶段性任务，请审核。", null, "fgw");
        long seats = task(m.halfYear(), "一、（五）", "深入实施基础教育优质发展与提升工程，预计今年将新增学位*万个以上。",
                "新增基础教育学位建设", DemoCity.JYJ, List.of(DemoCity.ZRZYJ), false, 20, 160,
                ReportCycle.MONTHLY, Priority.NORMAL, List.of("民生"), null);
        assign(seats, 19);
        accept(seats, 17);
        long jobs = task(m.halfYear(), "一、（五）", "全力以赴推动就业工作，上半年城镇新增就业人数达到*万人。",
                "完成城镇新增就业目标任务", DemoCity.RSJ, List.of(), false, 20, 160, ReportCycle.MONTHLY,
                Priority.NORMAL, List.of("民生", "就业"), null);
        assign(jobs, 19);
        accept(jobs, 19);
        report(jobs, 3, 20, "7 月城镇新增就业 XX 人。", null);
        long traffic = task(m.halfYear(), "一、（六）", "交通拥堵治理取得积极成效。",
                "城关区主城区交通拥堵治理", DemoCity.CHENGGUAN, List.of(), false, 20, 40, ReportCycle.WEEKLY,
                Priority.NORMAL, List.of("城市治理"), null);
        assign(traffic, 19);
        accept(traffic, 18);
        report(traffic, 4, 32, "完成 6 个拥堵节点渠化改造。", null);
        long air = task(m.halfYear(), "一、（六）", "深入推进污染防治攻坚战，空气质量优良天数比例不断提高。",
                "空气质量优良天数比例提升专项行动", DemoCity.STHJJ, List.of(), false, 20, 160,
                ReportCycle.MONTHLY, Priority.NORMAL, List.of("生态环境"), null);
        assign(air, 19);
        cancel(air, 15, "已并入市大气污染防治攻坚行动统一督办。");

        // ---- 两市情况交流会 (seed 000) --------------------------------------------------------------------------
        task(m.exchange(), "四", "城市管理与体制创新荣获\u201c中国城市管理进步奖\u201d。",
                "学习借鉴友邻市城市管理经验，完善城市管理长效机制", DemoCity.ZJJ, List.of(), false, 0, 90,
                ReportCycle.MONTHLY, Priority.LOW, List.of("学习借鉴"), null);

        // ---- 手工登记 ------------------------------------------------------------------------------------------
        long lake = task(null, null, null, "磁湖流域水环境综合治理", DemoCity.SLJ, List.of(DemoCity.STHJJ), true, 150,
                -3, ReportCycle.MONTHLY, Priority.HIGH, List.of("流域治理"), null);
        assign(lake, 149);
        accept(lake, 148);
        report(lake, 100, 30, "截污管网完成 30%。", null);
        report(lake, 40, 65, "截污管网完成 70%，清淤工程开工。", null);
        long permits = task(null, null, null, "城关区重点项目前期手续办理", DemoCity.CHENGGUAN_FGJ, List.of(), false,
                30, 60, ReportCycle.HALF_MONTHLY, Priority.NORMAL, List.of("项目前期"), null);
        assign(permits, 29);
        accept(permits, 28);
        report(permits, 14, 20, "8 个项目完成立项，4 个项目用地预审在办。", null);

        // ---- 江南区经济工作会议 (seed 004), within 江南区 only --------------------------------------------------
        long works = task(m.jiangnan(), "四、3、三要", "突出抓好田心高科园基础配套设施、铜塘湾港区……等十大重点基础工程建设。",
                "江南区十大重点基础工程建设", DemoCity.JIANGNAN_FGJ, List.of(), false, 90, 270,
                ReportCycle.MONTHLY, Priority.HIGH, List.of("重点工程"), null);
        assign(works, 89);
        accept(works, 88);
        report(works, 30, 12, "十大工程已开工 4 个。", null);
        long livelihood = task(m.jiangnan(), "五", "突出办好十件民生实事，让改革发展的成果更多更好地惠及广大人民群众。",
                "江南区十件民生实事", DemoCity.JIANGNAN, List.of(), false, 90, 270, ReportCycle.MONTHLY,
                Priority.NORMAL, List.of("民生实事"), null);
        assign(livelihood, 89);
        accept(livelihood, 89);
        report(livelihood, 20, 35, "十件民生实事已完成 3 件。", null);
        long oldIndustry = task(m.jiangnan(), "三", "抓好清水塘工业区的提质改造，让老企业焕发新活力，让传统工业变为现代工业。",
                "江南区清水塘工业区提质改造", DemoCity.JIANGNAN, List.of(DemoCity.JIANGNAN_FGJ), false, 150, 30,
                ReportCycle.MONTHLY, Priority.HIGH, List.of("工业主导"), null);
        assign(oldIndustry, 149);
        accept(oldIndustry, 140);
        report(oldIndustry, 60, 25, "完成 5 家企业搬迁评估。", null);

        // Blue, yellow and red tasks are taken up today: 提醒, 催办 and 督办 with their records.
        reminders.escalateOnly(today, at(0));
        // The reward scheme is overdue and under supervision: the office calls in the finance bureau's head.
        long interview = ladder.raise(subsidy, EscalationRung.INTERVIEW,
                "逾期未出台技改奖补办法，经批示督办仍未落实，约谈财政局主要负责人。", user("duchashi"));
        ladder.respond(subsidy, interview, "办法已提请市政府常务会议审议，审议通过后一周内兑现首批奖补资金。",
                handlerOf(subsidy));
    }

    /** The meetings of the seed speeches. */
    private record MeetingIds(long renovation, long metro, long halfYear, long exchange, long jiangnan) {
    }

    private MeetingIds registerMeetings() {
        LuoshiUser office = user("duchashi");
        long renovation = meetings.create(new NewMeeting("全市\u201c122\u201d重点技改项目暨乡镇工业集中区工作推进会",
                today.minusDays(76), "现场工作推进会", unit(DemoCity.GOVERNMENT_OFFICE), "市长", null), office).id();
        long metro = meetings.create(new NewMeeting("都市圈建设重点工作推进会", today.minusDays(121), "推进会",
                unit(DemoCity.GOVERNMENT_OFFICE), "市委书记", null), office).id();
        long halfYear = meetings.create(new NewMeeting("全市上半年重点工作总结暨下半年工作部署会议",
                today.minusDays(21), "工作部署会议", unit(DemoCity.GOVERNMENT_OFFICE), "市长", null), office).id();
        long exchange = meetings.create(new NewMeeting("两市情况交流会", today.minusDays(30), "交流会",
                unit(DemoCity.GOVERNMENT_OFFICE), "市委书记", null), office).id();
        long jiangnan = meetings.create(new NewMeeting("江南区经济工作会议", today.minusDays(91), "经济工作会议",
                unit(DemoCity.JIANGNAN), "区委书记", null), office).id();
        return new MeetingIds(renovation, metro, halfYear, exchange, jiangnan);
    }

    // ---- the script's vocabulary -------------------------------------------------------------------------------

    private long task(Long meetingId, String outline, String sourceText, String title, String leadCode,
                      List<String> coCodes, boolean withLeader, int startedDaysAgo, int dueInDays, ReportCycle cycle,
                      Priority priority, List<String> tags, String description) {
        TaskSource source = meetingId == null ? TaskSource.manual()
                : TaskSource.meeting(meetingId, outline, sourceText, null);
        NewTask cmd = new NewTask(title, description, unit(leadCode), coCodes.stream().map(this::unit).toList(),
                withLeader ? user("leader").id() : null, today.minusDays(startedDaysAgo), today.plusDays(dueInDays),
                cycle, priority, tags, null, source, false, false);
        return registration.register(cmd, user("duchashi"), at(startedDaysAgo)).id();
    }

    private long subtask(long parentId, String title, String leadCode, int startedDaysAgo, int dueInDays) {
        TaskRow parent = jdbcTask(parentId);
        TaskSource source = parent.meetingId() == null ? TaskSource.manual()
                : TaskSource.meeting(parent.meetingId(), parent.outlinePath(), null, null);
        NewTask cmd = new NewTask(title, null, unit(leadCode), List.of(), parent.leaderId(),
                today.minusDays(startedDaysAgo), today.plusDays(dueInDays), parent.reportCycle(), parent.priority(),
                parent.tags(), parentId, source, false, true);
        return registration.register(cmd, user("duchashi"), at(startedDaysAgo)).id();
    }

    /** A sub-task the lead unit's handler adds to its own task, issued at once. */
    private long unitSubtask(long parentId, String handler, String title, String leadCode, int startedDaysAgo,
                             int dueInDays) {
        TaskRow parent = jdbcTask(parentId);
        TaskSource source = parent.meetingId() == null ? TaskSource.manual()
                : TaskSource.meeting(parent.meetingId(), parent.outlinePath(), null, null);
        NewTask cmd = new NewTask(title, null, unit(leadCode), List.of(), parent.leaderId(),
                today.minusDays(startedDaysAgo), today.plusDays(dueInDays), parent.reportCycle(), parent.priority(),
                parent.tags(), parentId, source, false, false);
        return registration.register(cmd, user(handler), at(startedDaysAgo)).id();
    }

    private void assign(long id, int daysAgo) {
        workflow.transition(id, TaskAction.ASSIGN, null, null, user("duchashi"), at(daysAgo));
    }

    private void accept(long id, int daysAgo) {
        workflow.transition(id, TaskAction.ACCEPT, null, null, handlerOf(id), at(daysAgo));
    }

    private void report(long id, int daysAgo, int percent, String text, Long fileId) {
        report(id, daysAgo, percent, text, fileId, null);
    }

    private void report(long id, int daysAgo, int percent, String text, Long fileId, String username) {
        LuoshiUser by = username == null ? handlerOf(id) : user(username);
        workflow.report(id, BigDecimal.valueOf(percent), text, List.of(), fileId == null ? List.of() : List.of(fileId),
                by, at(daysAgo));
    }

    private void requestCompletion(long id, int daysAgo, String comment) {
        workflow.transition(id, TaskAction.REQUEST_COMPLETION, comment, null, handlerOf(id), at(daysAgo));
    }

    private void approve(long id, int daysAgo, String comment) {
        workflow.transition(id, TaskAction.APPROVE_COMPLETION, comment, null, user("duchashi"), at(daysAgo));
    }

    private void returnTask(long id, int daysAgo, String reason) {
        workflow.transition(id, TaskAction.RETURN, reason, null, user("duchashi"), at(daysAgo));
    }

    private void cancel(long id, int daysAgo, String reason) {
        workflow.transition(id, TaskAction.CANCEL, reason, null, user("duchashi"), at(daysAgo));
    }

    private void remind(long id, int daysAgo, String text) {
        workflow.remind(id, text, user("duchashi"), at(daysAgo));
    }

    private void instruct(long id, int daysAgo, String text) {
        workflow.instruct(id, text, user("leader"), at(daysAgo));
    }

    private void extension(long id, int daysAgo, int moreDays, String reason) {
        TaskRow task = jdbcTask(id);
        workflow.requestExtension(id, task.dueDate().plusDays(moreDays), reason, handlerOf(id), at(daysAgo));
    }

    private void setHeadApproval(long id) {
        jdbc.sql("update task set requires_head_approval = true where id = ?").param(id).update();
    }

    private Long evidence(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            return files.store(new ByteArrayInputStream(bytes), name, bytes.length, FileStore.DOCUMENTS_AND_IMAGES,
                    TaskWorkflow.EVIDENCE_MAX_BYTES, "system").id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A moment {@code daysAgo} days back in office hours; steps of one day keep their order. */
    private OffsetDateTime at(int daysAgo) {
        tick++;
        return today.minusDays(daysAgo).atTime(LocalTime.of(9, 0).plusMinutes(tick % 480L))
                .atZone(clock.getZone()).toOffsetDateTime();
    }

    private TaskRow jdbcTask(long id) {
        return tasks.find(id).orElseThrow();
    }

    private long unit(String code) {
        return units.findByCode(code).orElseThrow(() -> new IllegalStateException("demo unit " + code)).id();
    }

    private LuoshiUser handlerOf(long taskId) {
        TaskRow task = jdbcTask(taskId);
        OrgUnit lead = units.get(task.leadUnitId());
        String username = HANDLER_OF.get(lead.code());
        if (username == null) {
            throw new IllegalStateException("no demo handler for " + lead.name());
        }
        return user(username);
    }

    /** The demo user as it would be signed in. */
    private LuoshiUser user(String username) {
        return users.computeIfAbsent(username, name -> {
            UserAccount account = accounts.findByUsername(name).orElseThrow();
            Long scopeUnit = account.scopeUnitId() != null ? account.scopeUnitId() : account.unitId();
            DataScope scope = scopeUnit == null ? DataScope.none() : DataScope.subtree(units.get(scopeUnit));
            return new LuoshiUser(account.id(), account.username(), account.displayName(), account.unitId(),
                    account.unitName(), account.roles(), scope, true, null);
        });
    }

    private void createUnitStaff() {
        for (String[] staff : UNIT_STAFF) {
            if (accounts.findByUsername(staff[1]).isEmpty()) {
                accounts.createDemo(new NewUser(staff[1], staff[2], null, unit(staff[0]), null,
                        Set.of(Role.UNIT_HANDLER), null, null));
            }
        }
    }

}
