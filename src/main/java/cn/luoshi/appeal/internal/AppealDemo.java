package cn.luoshi.appeal.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import cn.luoshi.appeal.AppealCategory;
import cn.luoshi.appeal.AppealChannel;
import cn.luoshi.appeal.AppealStatus;
import cn.luoshi.appeal.CloseReason;
import cn.luoshi.appeal.Rating;
import cn.luoshi.appeal.SlaTier;
import cn.luoshi.common.CreditCode;
import cn.luoshi.common.LuoshiProperties;
import cn.luoshi.common.demo.DemoContributor;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appeals of the demo city: the on-site meeting of the "122" technical-transformation projects with a dozen
 * appeals in every state, and some three hundred appeals of the past year for the statistics. 江南区's appeals stay
 * with 江南区's units. Dates are relative to the clock's today.
 */
@Component
class AppealDemo implements DemoContributor {

    /** Category → [title, content, answer] samples. */
    private static final Map<String, String[][]> SAMPLES = Map.of(
            "LAND", new String[][] {
                    {"技改扩建项目新增用地指标未落实", "“122”技改项目二期需新增用地约30亩，指标至今未落实，影响开工。", "已将项目纳入年度供地计划，第三季度完成挂牌。"},
                    {"工业集中区厂房用地报批进度慢", "乡镇工业集中区整合后，厂房用地报批材料已递交两个月仍无结果。", "报批材料已补正完毕，已报省厅审查。"},
                    {"不动产权证办理遇到历史遗留问题", "老厂区土地为上世纪划拨，办证需补缴出让金，希望明确标准。", "已明确按评估价补缴，可分期缴纳。"}},
            "FUNDING", new String[][] {
                    {"技改设备贷款审批周期长", "新生产线设备贷款在银行审批已四十多天，设备款支付压力大。", "已组织银企对接，银行承诺两周内放款。"},
                    {"续贷需要过桥资金", "一笔流动资金贷款下月到期，续贷需先还后贷，资金周转困难。", "已协调应急转贷资金，办理无还本续贷。"},
                    {"担保费率偏高", "政府性融资担保费率仍在1.5%以上，希望享受降费政策。", "已落实担保费率降至1%以下。"}},
            "POWER", new String[][] {
                    {"新上生产线需要用电增容", "技改后新增设备负荷约2000千伏安，现有变压器容量不足。", "供电公司已完成现场勘察，增容工程本月实施。"},
                    {"园区频繁停电影响生产", "近两个月园区线路跳闸五次，每次造成整批产品报废。", "已完成线路检修并增设一路备用电源。"},
                    {"天然气供应不稳定", "冬季用气高峰压力不足，窑炉无法正常升温。", "已协调燃气公司调整供气计划，保障生产用气。"}},
            "PERMIT", new String[][] {
                    {"技改项目环评批复时间长", "技改项目环评报告书已受理一个半月，尚未出具批复。", "已开辟绿色通道，环评批复已出具。"},
                    {"施工许可证办理材料反复补正", "施工许可申请材料被要求多次补正，每次只告知一项问题。", "已推行一次性告知，施工许可证已核发。"},
                    {"节能审查排队时间长", "项目节能审查排队等待评审，影响后续审批。", "已安排专家提前评审，节能审查意见已出具。"}},
            "RECRUITMENT", new String[][] {
                    {"熟练技工招聘困难", "数控、焊接等熟练技工缺口约60人，本地招聘难。", "已组织专场招聘会并对接职业院校定向培养。"},
                    {"职工子女入学问题", "外地骨干职工子女就近入学名额不足。", "已协调教育部门按政策安排就近入学。"},
                    {"高层次人才落户政策咨询", "引进的博士希望了解安家补贴和落户政策。", "已送达人才政策清单并安排专人对接。"}},
            "POLICY", new String[][] {
                    {"“122”技改项目奖补资金未拨付", "去年技改项目已验收，奖补资金至今未到账。", "奖补资金已完成审核，本月内拨付到位。"},
                    {"高新技术企业认定奖励兑现", "去年认定为高新技术企业，市级奖励尚未兑现。", "奖励资金已纳入本批次兑现名单。"},
                    {"研发费用加计扣除政策咨询", "希望税务部门上门辅导研发费用归集。", "税务部门已上门辅导并提供政策解读。"}},
            "LOGISTICS", new String[][] {
                    {"园区道路破损重车通行难", "园区主干道路面破损严重，原料运输车辆通行困难。", "道路维修已列入计划，已完成坑槽修补。"},
                    {"货车限行影响原料运输", "城区货车限行时段与原料进厂时间冲突。", "已为企业办理货车通行证。"},
                    {"公交线路未通到园区", "职工上下班不便，希望开通公交线路。", "已新开通一条园区公交线路。"}},
            "OTHER", new String[][] {
                    {"企业门前排水不畅", "雨季厂门前道路积水严重，影响车辆进出。", "已疏通排水管网并加装雨水篦子。"},
                    {"周边施工噪声影响研发", "相邻工地夜间施工，影响精密检测。", "已责令施工单位调整作业时间。"}});

    private static final String[][] ENTERPRISES = {
            {"示例重工机械有限公司", DemoCity.QIYE1_CREDIT_CODE, "王经理", "0714-6201001"},
            {"示例新材料科技有限公司", DemoCity.QIYE2_CREDIT_CODE, "陈总", "0714-6201002"},
            {"示例特钢股份有限公司", CreditCode.complete("91990100MA0000013").value(), "刘部长", "0714-6201003"},
            {"示例智能装备有限公司", CreditCode.complete("91990100MA0000014").value(), "张主任", "0714-6201004"},
            {"示例纺织服装有限公司", CreditCode.complete("91990100MA0000015").value(), "李厂长", "0714-6201005"},
            {"示例生物医药有限公司", CreditCode.complete("91990100MA0000016").value(), "赵经理", "0714-6201006"},
            {"示例电子信息有限公司", CreditCode.complete("91990100MA0000017").value(), "周总监", "0714-6201007"},
            {"示例建材集团有限公司", CreditCode.complete("91990100MA0000018").value(), "吴经理", "0714-6201008"}};

    /** Enterprises of 江南区, whose appeals stay within 江南区. */
    private static final String[][] JIANGNAN_ENTERPRISES = {
            {"江南精密铸造有限公司", CreditCode.complete("91990104MA0000021").value(), "郑经理", "0714-6202001"},
            {"江南食品加工有限公司", CreditCode.complete("91990104MA0000022").value(), "孙厂长", "0714-6202002"}};

    private static final Map<String, String> DEFAULT_UNITS = Map.of("LAND", DemoCity.ZRZYJ, "FUNDING", DemoCity.CZJ,
            "POWER", DemoCity.FGW, "PERMIT", DemoCity.ZJJ, "RECRUITMENT", DemoCity.RSJ, "POLICY", DemoCity.GXJ,
            "LOGISTICS", DemoCity.JTYSJ);

    private final JdbcClient jdbc;
    private final AppealRepository repository;
    private final AppealCatalog catalog;
    private final WorkingCalendar calendar;
    private final OrgUnits units;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    AppealDemo(JdbcClient jdbc, AppealRepository repository, AppealCatalog catalog, WorkingCalendar calendar,
               OrgUnits units, ApplicationEventPublisher events, Clock clock, LuoshiProperties properties) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.catalog = catalog;
        this.calendar = calendar;
        this.units = units;
        this.events = events;
        this.clock = clock;
        this.zone = properties.zone();
    }

    @Override
    public String key() {
        return "appeal";
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public void load() {
        DEFAULT_UNITS.forEach((category, unit) -> catalog.setDefaultUnit(category, unit(unit)));
        Map<String, AppealCategory> categories = new HashMap<>();
        catalog.categories(true).forEach(c -> categories.put(c.code(), c));
        Random random = new Random(122);
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        long ysj = unit(DemoCity.YSJ);

        // The on-site meeting of the "122" projects, ten days ago, with appeals in every state.
        LocalDate meetingDay = workingDayBefore(now.toLocalDate().minusDays(10));
        long meeting = jdbc.sql("""
                        insert into appeal_on_site_meeting (title, held_on, location, host_unit_id, created_by,
                                                            created_at)
                        values (?, ?, ?, ?, 'demo', ?) returning id""")
                .params("全市“122”重点技改项目暨乡镇工业集中区现场办公会", meetingDay, "示例市工业集中区",
                        ysj, now.toOffsetDateTime())
                .query(Long.class).single();
        ZonedDateTime held = ZonedDateTime.of(meetingDay, LocalTime.of(10, 0), zone);
        String[] categoryOrder = {"LAND", "FUNDING", "POWER", "PERMIT", "RECRUITMENT", "POLICY", "LOGISTICS",
                "POWER", "LAND", "POLICY", "FUNDING", "PERMIT", "RECRUITMENT", "OTHER"};
        Stage[] stages = {Stage.DISPATCHED, Stage.DISPATCHED_LATE, Stage.ACCEPTED, Stage.ACCEPTED_LATE,
                Stage.ANSWERED, Stage.ANSWERED, Stage.REOPENED, Stage.SATISFIED, Stage.SATISFIED,
                Stage.BASICALLY, Stage.UNSATISFIED_AGAIN, Stage.NO_RATING, Stage.ACCEPTED, Stage.SATISFIED};
        for (int i = 0; i < categoryOrder.length; i++) {
            String[] e = ENTERPRISES[i % ENTERPRISES.length];
            String category = categoryOrder[i];
            Long responsible = DEFAULT_UNITS.containsKey(category) ? unit(DEFAULT_UNITS.get(category))
                    : unit(DemoCity.PARK);
            insert(categories.get(category), e, sample(category, i), AppealChannel.ON_SITE_MEETING, ysj, responsible, meeting, held.plusMinutes(i * 5L), stages[i],
                    now, random);
        }
        // Two waiting for dispatch at the business-environment office, from the public form.
        insert(categories.get("POLICY"), ENTERPRISES[0], sample("POLICY", 1), AppealChannel.PUBLIC_FORM, ysj, null,
                null, now.minusHours(3), Stage.SUBMITTED, now, random);
        insert(categories.get("POWER"), ENTERPRISES[1], sample("POWER", 2), AppealChannel.PUBLIC_FORM, ysj, null,
                null, now.minusDays(1), Stage.SUBMITTED, now, random);

        // A year of history across the city's departments and districts.
        String[] cityUnits = {DemoCity.GXJ, DemoCity.FGW, DemoCity.ZJJ, DemoCity.SWJ, DemoCity.ZRZYJ, DemoCity.RSJ,
                DemoCity.CZJ, DemoCity.JTYSJ, DemoCity.PARK, DemoCity.CHENGGUAN, DemoCity.CHENGGUAN_FGJ,
                DemoCity.GAOXIN, DemoCity.LINJIANG};
        String[] codes = categories.keySet().stream().sorted().toArray(String[]::new);
        AppealChannel[] channels = {AppealChannel.PUBLIC_FORM, AppealChannel.PUBLIC_FORM, AppealChannel.STAFF_PHONE,
                AppealChannel.STAFF_VISIT, AppealChannel.SYMPOSIUM, AppealChannel.OPEN311};
        for (int i = 0; i < 300; i++) {
            String category = codes[random.nextInt(codes.length)];
            String unitCode = cityUnits[random.nextInt(cityUnits.length)];
            boolean district = unitCode.equals(DemoCity.CHENGGUAN) || unitCode.equals(DemoCity.CHENGGUAN_FGJ)
                    || unitCode.equals(DemoCity.GAOXIN) || unitCode.equals(DemoCity.LINJIANG);
            long dispatch = district ? regionOf(unitCode) : ysj;
            ZonedDateTime submitted = officeTime(now.minusDays(15 + random.nextInt(350)), random);
            insert(categories.get(category), ENTERPRISES[random.nextInt(ENTERPRISES.length)],
                    sample(category, random.nextInt(3)), channels[random.nextInt(channels.length)], dispatch,
                    unit(unitCode), null, submitted, historicalStage(random), now, random);
        }
        // 江南区: received and handled by 江南区 itself.
        long jiangnan = unit(DemoCity.JIANGNAN);
        for (int i = 0; i < 30; i++) {
            String category = codes[random.nextInt(codes.length)];
            ZonedDateTime submitted = officeTime(now.minusDays(3 + random.nextInt(350)), random);
            insert(categories.get(category), JIANGNAN_ENTERPRISES[i % 2], sample(category, i),
                    AppealChannel.STAFF_VISIT, jiangnan, i % 3 == 0 ? jiangnan : unit(DemoCity.JIANGNAN_FGJ), null,
                    submitted, i < 3 ? Stage.ACCEPTED : historicalStage(random), now, random);
        }
        events.publishEvent(new AuditRecord("appeal.demo.loaded", "Appeal", null, null,
                "载入示例企业诉求（现场办公会 1 次，诉求 " + (categoryOrder.length + 332) + " 件）", null, null));
    }

    /** How far a demo appeal got. */
    enum Stage {
        SUBMITTED, DISPATCHED, DISPATCHED_LATE, ACCEPTED, ACCEPTED_LATE, ANSWERED, REOPENED, SATISFIED, BASICALLY,
        UNSATISFIED_AGAIN, NO_RATING, WITHDRAWN
    }

    private static Stage historicalStage(Random random) {
        int r = random.nextInt(100);
        if (r < 62) {
            return Stage.SATISFIED;
        }
        if (r < 77) {
            return Stage.BASICALLY;
        }
        if (r < 82) {
            return Stage.UNSATISFIED_AGAIN;
        }
        if (r < 92) {
            return Stage.NO_RATING;
        }
        if (r < 95) {
            return Stage.WITHDRAWN;
        }
        return Stage.ACCEPTED_LATE;
    }

    private void insert(AppealCategory category, String[] enterprise, String[] sample, AppealChannel channel,
                        long dispatchUnit, Long responsible, Long meeting, ZonedDateTime submitted, Stage stage,
                        ZonedDateTime now, Random random) {
        SlaTier tier = catalog.tier(category.slaTier()).orElseThrow();
        OffsetDateTime filedAt = submitted.toOffsetDateTime();
        OffsetDateTime answerDue = calendar.plusWorkingDays(submitted, tier.answerDays()).toOffsetDateTime();
        boolean dispatched = stage != Stage.SUBMITTED && responsible != null;
        OffsetDateTime dispatchedAt = dispatched ? filedAt.plusMinutes(meeting != null ? 0 : 30 + random.nextInt(240))
                : null;
        OffsetDateTime acceptDue = dispatched
                ? calendar.plusWorkingHours(dispatchedAt.atZoneSameInstant(zone), tier.acceptHours()).toOffsetDateTime()
                : null;
        String code = repository.nextCode(filedAt);
        long id = repository.insert(new AppealRepository.InsertRow(code, enterprise[1], enterprise[0], enterprise[2],
                enterprise[3], null, category.id(), sample[0], sample[1], channel,
                dispatched ? AppealStatus.DISPATCHED : AppealStatus.SUBMITTED, dispatchUnit,
                dispatched ? responsible : null, null, null, meeting, null, null, null, null, null, null, filedAt,
                dispatchedAt, acceptDue, answerDue, Secrets.hash(Secrets.newToken(24)), "demo"));
        repository.addEvent(id, filedAt, enterprise[0], "FILE", null, AppealStatus.SUBMITTED, null, null, null);
        if (!dispatched) {
            return;
        }
        repository.addEvent(id, dispatchedAt, "营商局 何经办", "DISPATCH", AppealStatus.SUBMITTED,
                AppealStatus.DISPATCHED, null, responsible, null);
        AppealState state = new AppealState(AppealStatus.DISPATCHED, responsible, dispatchedAt, acceptDue, null,
                answerDue, null, null, null, null, null, null, null, 0, false, 0);
        OffsetDateTime nowOffset = now.toOffsetDateTime();
        if (stage == Stage.DISPATCHED_LATE) {
            state = state.escalated(1, false);
        }
        if (stage != Stage.DISPATCHED && stage != Stage.DISPATCHED_LATE) {
            boolean late = random.nextInt(10) == 0;
            OffsetDateTime acceptedAt = late ? acceptDue.plusHours(3) : dispatchedAt.plusMinutes(20
                    + random.nextInt(90));
            state = state.accepted(min(acceptedAt, nowOffset));
            repository.addEvent(id, state.acceptedAt(), "经办人", "ACCEPT", AppealStatus.DISPATCHED,
                    AppealStatus.ACCEPTED, responsible, responsible, null);
            if (stage == Stage.ACCEPTED_LATE) {
                // Still open: past its deadline when the history is old enough.
                if (answerDue.isBefore(nowOffset)) {
                    state = state.escalated(2, true);
                }
            } else if (stage != Stage.ACCEPTED) {
                boolean answeredLate = random.nextInt(8) == 0;
                long span = java.time.Duration.between(state.acceptedAt(), answerDue).toMinutes();
                OffsetDateTime answeredAt = answeredLate ? answerDue.plusDays(1 + random.nextInt(4))
                        : state.acceptedAt().plusMinutes(Math.max(30, (long) (span * (0.2 + random.nextDouble() * 0.7))));
                answeredAt = min(answeredAt, nowOffset.minusHours(1));
                if (stage == Stage.WITHDRAWN) {
                    // Withdrawn by the enterprise before the answer (an answer is rated, not withdrawn), recorded
                    // by the dispatching office.
                    state = state.closed(CloseReason.WITHDRAWN, answeredAt);
                    repository.addEvent(id, answeredAt, "营商局 何经办", "CLOSE", AppealStatus.ACCEPTED,
                            AppealStatus.CLOSED, null, null, "企业撤回");
                    repository.update(id, 0, state, answeredAt);
                    return;
                }
                state = state.answered(sample[2], answeredAt);
                repository.addEvent(id, answeredAt, "经办人", "ANSWER", AppealStatus.ACCEPTED, AppealStatus.ANSWERED,
                        responsible, responsible, sample[2]);
                OffsetDateTime ratedAt = min(answeredAt.plusDays(1), nowOffset);
                switch (stage) {
                    case SATISFIED, BASICALLY -> {
                        Rating rating = stage == Stage.SATISFIED ? Rating.SATISFIED : Rating.BASICALLY_SATISFIED;
                        state = state.rated(rating, null, ratedAt).closed(CloseReason.RATED, ratedAt);
                        repository.addEvent(id, ratedAt, enterprise[0], "RATE", AppealStatus.ANSWERED,
                                AppealStatus.CLOSED, responsible, responsible, rating == Rating.SATISFIED ? "满意"
                                        : "基本满意");
                    }
                    case REOPENED -> {
                        state = state.rated(Rating.UNSATISFIED, "问题没有实质解决", ratedAt)
                                .reopened(calendar.plusWorkingDays(ratedAt.atZoneSameInstant(zone),
                                        tier.answerDays()).toOffsetDateTime(), true);
                        repository.addEvent(id, ratedAt, enterprise[0], "RATE", AppealStatus.ANSWERED,
                                AppealStatus.REOPENED, responsible, responsible, "不满意：问题没有实质解决");
                    }
                    case UNSATISFIED_AGAIN -> {
                        state = state.rated(Rating.UNSATISFIED, "仍未解决", ratedAt)
                                .closed(CloseReason.UNSATISFIED_AGAIN, ratedAt);
                        repository.addEvent(id, ratedAt, enterprise[0], "RATE", AppealStatus.ANSWERED,
                                AppealStatus.CLOSED, responsible, responsible, "不满意：仍未解决");
                    }
                    case NO_RATING -> {
                        OffsetDateTime closedAt = calendar.plusWorkingDays(answeredAt.atZoneSameInstant(zone),
                                tier.ratingDays()).toOffsetDateTime();
                        if (closedAt.isBefore(nowOffset)) {
                            state = state.closed(CloseReason.NO_RATING, closedAt);
                            repository.addEvent(id, closedAt, "系统", "AUTO_CLOSE", AppealStatus.ANSWERED,
                                    AppealStatus.CLOSED, null, null, "逾期未评价");
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        repository.update(id, 0, state, state.closedAt() != null ? state.closedAt() : nowOffset);
    }

    private static OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static String[] sample(String category, int n) {
        String[][] list = SAMPLES.get(category);
        return list[Math.floorMod(n, list.length)];
    }

    private ZonedDateTime officeTime(ZonedDateTime day, Random random) {
        LocalDate d = day.toLocalDate();
        while (!calendar.isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return ZonedDateTime.of(d, LocalTime.of(8 + random.nextInt(9), random.nextInt(60)), zone);
    }

    private LocalDate workingDayBefore(LocalDate day) {
        LocalDate d = day;
        while (!calendar.isWorkingDay(d) || d.getDayOfWeek() == DayOfWeek.SATURDAY) {
            d = d.minusDays(1);
        }
        return d;
    }

    private long unit(String code) {
        return units.findByCode(code).map(OrgUnit::id).orElseThrow();
    }

    private long regionOf(String code) {
        return units.regionOf(units.findByCode(code).orElseThrow().id()).id();
    }
}
