package cn.luoshi.target.internal;

import java.math.BigDecimal;
import java.util.List;

import cn.luoshi.common.demo.DemoContributor;
import cn.luoshi.indicator.RankBy;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.target.Decomposition;
import cn.luoshi.target.NewTarget;
import cn.luoshi.target.ProgressProfile;
import cn.luoshi.target.Target;
import cn.luoshi.target.TargetComparator;
import cn.luoshi.target.Targets;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The demo city's targets to 2026, registered by its statistics bureau (tjj): GDP above 2300 亿元 split among the
 * districts and counties, growth targets for industry, investment, retail and incomes, fiscal revenue with a
 * knowingly accepted decomposition gap, "进入全省前四" and "增速高于全省平均水平", and seed 001's "力争到2026年，GDP
 * 突破X亿元" still waiting for its figure.
 */
@Component
class TargetDemo implements DemoContributor {

    private final Targets targets;
    private final OrgUnits units;
    private final UserDetailsService users;

    TargetDemo(Targets targets, OrgUnits units, UserDetailsService users) {
        this.targets = targets;
        this.units = units;
        this.users = users;
    }

    @Override
    public String key() {
        return "target";
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public void load() {
        LuoshiUser tjj = (LuoshiUser) users.loadUserByUsername("tjj");
        long city = id(DemoCity.CITY);
        String[] districts = {DemoCity.CHENGGUAN, DemoCity.GAOXIN, DemoCity.JIANGNAN, DemoCity.LINJIANG,
                DemoCity.QINGHE, DemoCity.DONGSHAN};

        Target gdp = targets.register(target("GDP", city, 2026, null, TargetComparator.EXCEED, null, "2300",
                ProgressProfile.SEASONAL, "全市地区生产总值突破2300亿元"), tjj);
        targets.decompose(gdp.id(), shares(districts, "598", "506", "414", "299", "253", "230"), tjj);

        Target fiscal = targets.register(target("FISCAL_TOTAL", city, 2026, null, TargetComparator.REACH, null,
                "285", ProgressProfile.SEASONAL, "财政总收入达到285亿元"), tjj);
        // The districts and counties carry 280; the city keeps 5 for its own departments, a gap accepted knowingly.
        Decomposition fiscalShares = shares(districts, "74", "62", "50", "36", "30", "28");
        targets.decompose(fiscal.id(), new Decomposition(fiscalShares.shares(), true), tjj);

        Target industry = targets.register(target("INDUSTRY_VA", city, 2026, null, TargetComparator.GROWTH, null,
                "8", ProgressProfile.LINEAR, "规模以上工业增加值增长8%"), tjj);
        targets.decompose(industry.id(), shares(districts, "8", "10", "7.5", "7", "8", "5.8"), tjj);
        targets.register(target("FAI", city, 2026, null, TargetComparator.GROWTH, null, "6",
                ProgressProfile.LINEAR, "固定资产投资增长6%"), tjj);
        targets.register(target("RETAIL", city, 2026, null, TargetComparator.GROWTH, null, "6.5",
                ProgressProfile.SEASONAL, "社会消费品零售总额增长6.5%"), tjj);
        targets.register(target("URBAN_INCOME", city, 2026, null, TargetComparator.GROWTH, null, "6",
                ProgressProfile.LINEAR, "城镇居民人均可支配收入增长6%"), tjj);
        targets.register(target("GDP", city, 2026, null, TargetComparator.ABOVE_AVERAGE, RankBy.GROWTH, null,
                ProgressProfile.LINEAR, "主要经济指标增速高于全省平均水平"), tjj);
        targets.register(target("GDP", city, 2026, 2024, TargetComparator.TOP_N, RankBy.VALUE, "4",
                ProgressProfile.LINEAR, "经济总量争先进位，进入全省前四"), tjj);
        targets.register(target("规模工业总产值", city, 2026, 2024, TargetComparator.EXCEED, null, "3300",
                ProgressProfile.LINEAR, "力争到2026年，全市工业总产值突破3300亿元"), tjj);
        for (Target t : targets.list(city, 2026, null, tjj, new cn.luoshi.common.web.Paging(0, 50)).content()) {
            targets.publish(t.id(), t.version(), tjj);
        }
        // A county's own ambitious target: its investment grows about 5%, some 20 points short of 25%, a red light.
        targets.register(new NewTarget("FAI", id(DemoCity.LINJIANG), 2026, null, TargetComparator.GROWTH, null,
                new BigDecimal("25"), null, ProgressProfile.LINEAR, "重大项目集中开工年，固定资产投资增长25%", null, null,
                true), tjj);
        // Last year's target, missed: red when 2025 is looked back on.
        targets.register(new NewTarget("GDP", city, 2025, null, TargetComparator.EXCEED, null, new BigDecimal("2200"),
                null, ProgressProfile.LINEAR, "2025年地区生产总值突破2200亿元", null, null, true), tjj);
        // Seed 001 as spoken: the figure is still "X", so the target stays a draft until someone fills it in.
        targets.register(new NewTarget("GDP", city, 2026, 2024, TargetComparator.EXCEED, null, null, null,
                ProgressProfile.LINEAR, "力争到2026年，GDP突破X亿元", "市委书记在都市圈建设重点工作推进会上的讲话", null,
                false), tjj);
    }

    private static NewTarget target(String indicator, long unit, int year, Integer baseYear,
                                    TargetComparator comparator, RankBy measure, String value,
                                    ProgressProfile profile, String title) {
        return new NewTarget(indicator, unit, year, baseYear, comparator, measure,
                value == null ? null : new BigDecimal(value), null, profile, title, null, null, false);
    }

    private Decomposition shares(String[] codes, String... values) {
        List<Decomposition.Share> shares = new java.util.ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            shares.add(new Decomposition.Share(id(codes[i]), new BigDecimal(values[i])));
        }
        return new Decomposition(shares, false);
    }

    private long id(String code) {
        return units.findByCode(code).orElseThrow().id();
    }
}
