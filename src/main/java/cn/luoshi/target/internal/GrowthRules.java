package cn.luoshi.target.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.web.Messages;
import cn.luoshi.indicator.UnitRef;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The growth-target light thresholds of each region ({@link GrowthThresholds}): the nearest ancestor-or-self with a
 * rule wins, else the default. Set by the supervision office or an administrator within their scope, like the task
 * light thresholds; every change is audited.
 */
@Service
public class GrowthRules {

    /**
     * The growth-target rule of one unit as the settings show it.
     *
     * @param own           the rule set on this very unit, if any
     * @param effective     the rule in force (own, inherited or the default)
     * @param inheritedFrom the unit the effective rule comes from, when not this one and not the default
     */
    public record UnitGrowthRule(UnitRef unit, GrowthThresholds own, GrowthThresholds effective,
                                 UnitRef inheritedFrom) {
    }

    private record Found(OrgUnit unit, GrowthThresholds thresholds) {
    }

    private final JdbcClient jdbc;
    private final OrgUnits units;
    private final Messages messages;
    private final ApplicationEventPublisher events;

    GrowthRules(JdbcClient jdbc, OrgUnits units, Messages messages, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.units = units;
        this.messages = messages;
        this.events = events;
    }

    /** The thresholds in force for a unit: its own rule or its nearest ancestor's, else the default. */
    public GrowthThresholds forUnit(long unitId) {
        return nearest(unitId).map(Found::thresholds).orElse(GrowthThresholds.DEFAULT);
    }

    /** One indexed lookup: the unit's path lists its ancestors, the deepest rule among them wins. */
    private Optional<Found> nearest(long unitId) {
        return jdbc.sql("""
                        select a.id, r.yellow_points, r.red_points
                        from target_growth_rule r
                        join org_unit a on a.id = r.unit_id
                        join org_unit u on u.id = :unit and u.path like a.path || '%'
                        order by a.depth desc limit 1""")
                .param("unit", unitId)
                .query((rs, n) -> new Found(units.get(rs.getLong(1)),
                        new GrowthThresholds(rs.getBigDecimal(2), rs.getBigDecimal(3))))
                .optional();
    }

    private Optional<GrowthThresholds> own(long unitId) {
        return jdbc.sql("select yellow_points, red_points from target_growth_rule where unit_id = ?")
                .param(unitId)
                .query((rs, n) -> new GrowthThresholds(rs.getBigDecimal(1), rs.getBigDecimal(2))).optional();
    }

    /** The rule of a unit in the reader's scope (404 outside it). */
    public UnitGrowthRule get(long unitId, LuoshiUser me) {
        OrgUnit unit = units.getVisible(unitId, me.scope());
        Optional<Found> found = nearest(unitId);
        UnitRef inherited = found.filter(f -> f.unit().id() != unitId).map(f -> UnitRef.of(f.unit())).orElse(null);
        return new UnitGrowthRule(UnitRef.of(unit), own(unitId).orElse(null),
                found.map(Found::thresholds).orElse(GrowthThresholds.DEFAULT), inherited);
    }

    /** The units in the reader's scope that have a rule of their own. */
    public List<UnitGrowthRule> list(LuoshiUser me) {
        List<Long> ids = jdbc.sql("""
                        select r.unit_id from target_growth_rule r join org_unit u on u.id = r.unit_id
                        where u.path like :scopePath order by u.depth, u.sort_order, u.name""")
                .param("scopePath", me.scope().pathPattern()).query(Long.class).list();
        return ids.stream().map(id -> get(id, me)).toList();
    }

    @Transactional
    public UnitGrowthRule set(long unitId, BigDecimal yellowPoints, BigDecimal redPoints, LuoshiUser me) {
        requireManager(me);
        OrgUnit unit = units.getVisible(unitId, me.scope());
        GrowthThresholds thresholds;
        try {
            thresholds = new GrowthThresholds(yellowPoints, redPoints);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidFields(List.of(new FieldProblem("redPoints",
                    "target.error.growthThresholds")));
        }
        GrowthThresholds before = own(unitId).orElse(null);
        jdbc.sql("""
                        insert into target_growth_rule (unit_id, yellow_points, red_points) values (?, ?, ?)
                        on conflict (unit_id) do update set yellow_points = excluded.yellow_points,
                            red_points = excluded.red_points""")
                .params(unitId, thresholds.yellowPoints(), thresholds.redPoints()).update();
        events.publishEvent(new AuditRecord("target.growthRule.set", "GrowthLightRule", String.valueOf(unitId),
                unitId, messages.chinese("target.audit.growthRuleSet", unit.name(),
                        thresholds.yellowPoints().toPlainString(), thresholds.redPoints().toPlainString()),
                before, thresholds));
        return get(unitId, me);
    }

    @Transactional
    public UnitGrowthRule clear(long unitId, LuoshiUser me) {
        requireManager(me);
        OrgUnit unit = units.getVisible(unitId, me.scope());
        Optional<GrowthThresholds> before = own(unitId);
        if (before.isPresent()) {
            jdbc.sql("delete from target_growth_rule where unit_id = ?").param(unitId).update();
            events.publishEvent(new AuditRecord("target.growthRule.cleared", "GrowthLightRule",
                    String.valueOf(unitId), unitId, messages.chinese("target.audit.growthRuleCleared", unit.name()),
                    before.get(), null));
        }
        return get(unitId, me);
    }

    /** Who sets lights: the same offices that set the task light thresholds. */
    public static boolean mayManage(LuoshiUser me) {
        return me.hasAny(Role.SUPERVISOR, Role.ADMIN);
    }

    private static void requireManager(LuoshiUser me) {
        if (!mayManage(me)) {
            throw DomainException.forbidden("target.error.onlySupervisorSetsLights");
        }
    }
}
