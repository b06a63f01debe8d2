package cn.luoshi.cockpit.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.web.Messages;
import cn.luoshi.indicator.Indicator;
import cn.luoshi.indicator.Indicators;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The main economic indicators (主要经济指标) each region's cockpit shows. A region shows its own set, else the set
 * of the nearest region above it with one, else {@link #DEFAULT}. Statisticians and admins whose scope covers a
 * region choose its set; every change is audited.
 */
@Service
public class IndicatorSets {

    /** 地区生产总值, 规上工业增加值, 固定资产投资, 社会消费品零售总额, 一般公共预算收入, 外贸进出口总额. */
    static final List<String> DEFAULT = List.of("GDP", "INDUSTRY_VA", "FAI", "RETAIL", "FISCAL_GENERAL",
            "FOREIGN_TRADE");
    static final int MAX = 12;

    /** A region's set and where it comes from: its own, a region above it (named), or the default. */
    public record IndicatorSet(long regionId, List<Indicator> indicators, Source source, OrgUnit inheritedFrom) {
        public enum Source { OWN, INHERITED, DEFAULT }

        public List<String> codes() {
            return indicators.stream().map(Indicator::code).toList();
        }
    }

    private final IndicatorSetRepository repository;
    private final Indicators indicators;
    private final OrgUnits units;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IndicatorSets(IndicatorSetRepository repository, Indicators indicators, OrgUnits units, Messages messages,
                  ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.indicators = indicators;
        this.units = units;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** The region whose set the user's cockpit shows, if any. */
    public java.util.Optional<OrgUnit> cockpitRegion(LuoshiUser me) {
        return java.util.Optional.ofNullable(CockpitRegion.of(me, units).statistics());
    }

    /** "本地区设定", "沿用示例市的设定", "默认指标" in the reader's language. */
    public String sourceText(IndicatorSet set) {
        return switch (set.source()) {
            case OWN -> messages.get("cockpit.indicators.own");
            case INHERITED -> messages.get("cockpit.indicators.inherited", set.inheritedFrom().name());
            case DEFAULT -> messages.get("cockpit.indicators.default");
        };
    }

    public static boolean mayChoose(LuoshiUser user) {
        return user.hasAny(Role.STATISTICIAN, Role.ADMIN);
    }

    public IndicatorSet of(OrgUnit region) {
        List<Long> path = pathIds(region);
        Map<Long, List<String>> sets = repository.setsOf(path);
        for (int i = path.size() - 1; i >= 0; i--) {
            List<String> codes = sets.get(path.get(i));
            if (codes != null) {
                boolean own = path.get(i) == region.id();
                return new IndicatorSet(region.id(), resolve(codes), own ? IndicatorSet.Source.OWN
                        : IndicatorSet.Source.INHERITED, own ? null : units.get(path.get(i)));
            }
        }
        return new IndicatorSet(region.id(), resolve(DEFAULT), IndicatorSet.Source.DEFAULT, null);
    }

    /** The region if the user may choose its set: a region in the user's scope, else not found. */
    public OrgUnit choosable(long regionId, LuoshiUser me) {
        if (!mayChoose(me)) {
            throw DomainException.forbidden("cockpit.error.onlyStatisticians");
        }
        OrgUnit region = units.getVisible(regionId, me.scope());
        if (!region.isRegion()) {
            throw DomainException.invalid("cockpit.error.notARegion", region.name());
        }
        return region;
    }

    @Transactional
    public IndicatorSet choose(long regionId, List<String> codes, LuoshiUser me) {
        OrgUnit region = choosable(regionId, me);
        List<String> chosen = checked(codes);
        IndicatorSet before = of(region);
        repository.replace(region.id(), chosen, me.getUsername(), OffsetDateTime.now(clock));
        IndicatorSet after = of(region);
        events.publishEvent(new AuditRecord("cockpit.indicators.chosen", "CockpitIndicatorSet",
                String.valueOf(region.id()), region.id(), messages.chinese("cockpit.audit.chosen", region.name(),
                String.join("、", after.indicators().stream().map(Indicator::nameZh).toList())),
                before.codes(), after.codes()));
        events.publishEvent(new IndicatorSetChanged(region.id()));
        return after;
    }

    /** Drops the region's own set: it shows the set above it again. */
    @Transactional
    public IndicatorSet reset(long regionId, LuoshiUser me) {
        OrgUnit region = choosable(regionId, me);
        IndicatorSet before = of(region);
        if (repository.clear(region.id()) > 0) {
            events.publishEvent(new AuditRecord("cockpit.indicators.reset", "CockpitIndicatorSet",
                    String.valueOf(region.id()), region.id(), messages.chinese("cockpit.audit.reset", region.name()),
                    before.codes(), of(region).codes()));
            events.publishEvent(new IndicatorSetChanged(region.id()));
        }
        return of(region);
    }

    private List<String> checked(List<String> codes) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> chosen = new LinkedHashSet<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            if (code == null || code.isBlank()) {
                continue;
            }
            Indicator indicator = indicators.findByCode(code.strip()).orElse(null);
            if (indicator == null || !indicator.active()) {
                problems.add(new FieldProblem("indicators", "cockpit.error.unknownIndicator", code.strip()));
            } else {
                chosen.add(indicator.code());
            }
        }
        if (problems.isEmpty() && (chosen.isEmpty() || chosen.size() > MAX)) {
            problems.add(new FieldProblem("indicators", "cockpit.error.setSize", MAX));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        return List.copyOf(chosen);
    }

    private List<Indicator> resolve(List<String> codes) {
        return codes.stream().map(indicators::findByCode).flatMap(java.util.Optional::stream)
                .filter(Indicator::active).toList();
    }

    private static List<Long> pathIds(OrgUnit unit) {
        List<Long> ids = new ArrayList<>();
        for (String part : unit.path().split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.parseLong(part));
            }
        }
        return ids;
    }
}
