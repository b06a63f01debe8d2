package cn.luoshi.enterprise.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;

import cn.luoshi.common.CreditCode;
import cn.luoshi.common.demo.DemoContributor;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.enterprise.EnterpriseDraft;
import cn.luoshi.enterprise.EnterpriseFigures;
import cn.luoshi.enterprise.PerMuEvaluations;
import cn.luoshi.enterprise.PerMuGrading;
import cn.luoshi.enterprise.PerMuIndicator;
import cn.luoshi.enterprise.PerMuRule;
import cn.luoshi.enterprise.PerMuRuleDraft;
import cn.luoshi.enterprise.PerMuRun;
import cn.luoshi.org.DataScope;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The demo city's enterprises: about two hundred in 示例市工业集中区 (among them the two demo enterprise accounts),
 * a few in 临江县's township park and in 江南区, each with two years of figures; the city's per-mu rule for last
 * year and the park's published evaluation under it. Figures come from a fixed seed, so every demo looks the same.
 */
@Component
class EnterpriseDemo implements DemoContributor {

    static final String LINJIANG_PARK = "990121-GYJZQ";

    private static final String[] NAME_WORDS = {"华瑞", "恒通", "宏达", "金桥", "新源", "泰和", "中联", "博远",
            "德盛", "永固", "天成", "鑫隆", "瑞丰", "盛世", "东方", "明辉", "嘉禾", "远航", "正通", "汇丰"};
    private static final String[][] INDUSTRIES = {{"精密机械", "C3421"}, {"新材料", "C3099"},
            {"电子科技", "C3982"}, {"汽车零部件", "C3670"}, {"轨道装备", "C3712"}, {"化工", "C2614"},
            {"食品", "C1492"}, {"纺织", "C1713"}, {"医药", "C2720"}, {"电气", "C3819"}};

    private final EnterpriseRepository repository;
    private final PerMuEvaluations evaluations;
    private final OrgUnits units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EnterpriseDemo(EnterpriseRepository repository, PerMuEvaluations evaluations, OrgUnits units,
                   ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.evaluations = evaluations;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "enterprise";
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public void load() {
        int lastYear = LocalDate.now(clock).getYear() - 1;
        OrgUnit city = unit(DemoCity.CITY);
        OrgUnit park = unit(DemoCity.PARK);
        long gxj = unit(DemoCity.GXJ).id();
        long[] parkRegions = {unit(DemoCity.CHENGGUAN).id(), unit(DemoCity.GAOXIN).id()};
        Random random = new Random(20_250_101L);
        int serial = 10;

        // Revenue tiers as seed 000 cites them: 2 over 200亿, 2 over 100亿, 5 over 50亿, 13 over 10亿, then the rest.
        int[][] tiers = {{2, 2_100_000, 2_700_000}, {2, 1_050_000, 1_600_000}, {5, 520_000, 900_000},
                {13, 110_000, 450_000}, {110, 10_500, 95_000}, {66, 2_000, 9_800}};
        int index = 0;
        int count = 0;
        for (int[] tier : tiers) {
            for (int i = 0; i < tier[0]; i++) {
                String name;
                String code;
                String[] industry = INDUSTRIES[(index / NAME_WORDS.length) % INDUSTRIES.length];
                if (count == 2) {
                    name = "示例重工机械有限公司";
                    code = DemoCity.QIYE1_CREDIT_CODE;
                    industry = INDUSTRIES[4];
                } else if (count == 40) {
                    name = "示例新材料科技有限公司";
                    code = DemoCity.QIYE2_CREDIT_CODE;
                    industry = INDUSTRIES[1];
                } else {
                    name = "示例" + NAME_WORDS[index % NAME_WORDS.length] + industry[0] + "有限公司";
                    code = CreditCode.complete(String.format("91990100MA%07d", serial++)).value();
                    index++;
                }
                double revenue = tier[1] + random.nextDouble() * (tier[2] - tier[1]);
                boolean specialised = count == 40 || (revenue < 200_000 && random.nextDouble() < 0.1);
                add(random, code, name, industry[1], parkRegions[count % 2], park.id(), gxj, revenue, specialised,
                        count < 6, lastYear, count > 30 && count % 47 == 13, count % 97 == 50);
                count++;
            }
        }
        // 临江县乡镇工业集中区: small firms, the township park the 002 speech wants consolidated.
        OrgUnit linjiang = unit(DemoCity.LINJIANG);
        OrgUnit linjiangPark = unit(LINJIANG_PARK);
        for (int i = 0; i < 15; i++) {
            String[] industry = INDUSTRIES[(i * 3) % INDUSTRIES.length];
            String code = CreditCode.complete(String.format("91990121MA%07d", i + 1)).value();
            add(random, code, "临江" + NAME_WORDS[(i * 7) % NAME_WORDS.length] + industry[0] + "有限公司", industry[1],
                    linjiang.id(), linjiangPark.id(), null, 1_500 + random.nextDouble() * 30_000, false, false,
                    lastYear, false, false);
        }
        // 江南区: outside the city park; its records stay with 江南区's own units.
        OrgUnit jiangnan = unit(DemoCity.JIANGNAN);
        long jiangnanFgj = unit(DemoCity.JIANGNAN_FGJ).id();
        for (int i = 0; i < 12; i++) {
            String[] industry = INDUSTRIES[(i * 7 + 2) % INDUSTRIES.length];
            String code = CreditCode.complete(String.format("91990104MA%07d", i + 1)).value();
            add(random, code, "江南" + NAME_WORDS[(i * 3 + 1) % NAME_WORDS.length] + industry[0] + "有限公司",
                    industry[1], jiangnan.id(), null, jiangnanFgj, 3_000 + random.nextDouble() * 80_000, false,
                    false, lastYear, false, false);
        }
        events.publishEvent(new AuditRecord("enterprise.demo.loaded", "Enterprise", null, city.id(),
                "载入示例企业 " + (count + 27) + " 家及其 " + (lastYear - 1) + "–" + lastYear + " 年度数据", null, null));

        LuoshiUser system = new LuoshiUser(0, "system", "系统", city.id(), city.name(),
                Set.of(Role.SUPERVISOR, Role.UNIT_HEAD), DataScope.everything(), true, null);
        PerMuRule rule = evaluations.writeRule(new PerMuRuleDraft(city.id(), lastYear,
                "示例市" + lastYear + "年度工业企业亩均效益综合评价办法", PerMuGrading.PERCENTILE, new BigDecimal("0.20"),
                new BigDecimal("0.70"), new BigDecimal("0.90"), List.of(
                weighting(PerMuIndicator.TAX_PER_MU, 30, "15", "1.5"),
                weighting(PerMuIndicator.VALUE_ADDED_PER_MU, 20, "60", "1.5"),
                weighting(PerMuIndicator.OUTPUT_PER_ENERGY, 20, "2.5", "1.5"),
                weighting(PerMuIndicator.RD_RATIO, 10, "2.5", "1.5"),
                weighting(PerMuIndicator.LABOUR_PRODUCTIVITY, 10, "30", "1.5"),
                weighting(PerMuIndicator.EMISSIONS_PER_VALUE_ADDED, 10, "0.008", "1.5"))), system);
        PerMuRun run = evaluations.start(park.id(), lastYear, rule.id(), system);
        evaluations.publish(run.id(), run.version(), system);
    }

    private static PerMuRule.Weighting weighting(PerMuIndicator indicator, int weight, String benchmark,
                                                 String cap) {
        return new PerMuRule.Weighting(indicator, BigDecimal.valueOf(weight), new BigDecimal(benchmark),
                new BigDecimal(cap));
    }

    /** One enterprise with figures for the last two years derived from its revenue (万元). */
    private void add(Random random, String code, String name, String industry, long regionId, Long parkId,
                     Long competentId, double revenue, boolean specialised, boolean listed, int lastYear,
                     boolean noFigures, boolean noLand) {
        double valueAdded = revenue * (0.18 + random.nextDouble() * 0.14);
        // value added per mu spreads widely, which is what the evaluation is there to show
        double perMu = Math.exp(Math.log(55) + random.nextGaussian() * 0.6);
        double land = Math.max(5, Math.min(revenue > 500_000 ? 6_000 : 900, valueAdded / perMu));
        long id = repository.insert(code, new EnterpriseDraft(code, name, industry, regionId, parkId, competentId,
                revenue >= 2_000, specialised, listed, noLand ? null : money(land)));
        if (noFigures) {
            return;
        }
        for (int year = lastYear - 1; year <= lastYear; year++) {
            double scale = year == lastYear ? 1 : 0.85 + random.nextDouble() * 0.2;
            double r = revenue * scale;
            double va = valueAdded * scale;
            repository.saveFigures(id, new EnterpriseFigures(year, money(r),
                    money(va * (0.10 + random.nextDouble() * 0.30)), money(va),
                    money(va / (0.8 + random.nextDouble() * 3.7)), money(r * (0.002 + random.nextDouble() * 0.05)),
                    (int) Math.max(8, va / (12 + random.nextDouble() * 45)),
                    BigDecimal.valueOf(va * (0.001 + random.nextDouble() * 0.02)).setScale(3, RoundingMode.HALF_UP)));
        }
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private OrgUnit unit(String code) {
        return units.findByCode(code).orElseThrow(() -> new IllegalStateException("demo unit missing: " + code));
    }
}
