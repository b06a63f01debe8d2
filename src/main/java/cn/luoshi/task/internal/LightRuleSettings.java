package cn.luoshi.task.internal;

import java.util.List;
import java.util.Optional;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.progress.LightRules;
import cn.luoshi.common.progress.LightThresholds;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The light thresholds of a region (blue within N days, yellow and red gaps), set by the supervision office or an
 * administrator for units in their scope. The nearest ancestor with a rule wins; a change re-lights every open task
 * below the unit at once.
 */
@Service
class LightRuleSettings {

    /**
     * The rule of one unit as the settings page shows it.
     *
     * @param own           the rule set on this very unit, if any
     * @param effective     the rule in force (own, inherited or the default)
     * @param inheritedFrom the unit the effective rule comes from, when not this one and not the default
     */
    record UnitRule(Ref unit, LightThresholds own, LightThresholds effective, Ref inheritedFrom) {
    }

    private final LightRules rules;
    private final OrgUnits units;
    private final TaskLights lights;
    private final TaskRepository tasks;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    LightRuleSettings(LightRules rules, OrgUnits units, TaskLights lights, TaskRepository tasks, JdbcClient jdbc,
                      ApplicationEventPublisher events) {
        this.rules = rules;
        this.units = units;
        this.lights = lights;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.events = events;
    }

    UnitRule get(long unitId, LuoshiUser me) {
        OrgUnit unit = units.getVisible(unitId, me.scope());
        Optional<LightThresholds> own = rules.ownRule(unitId);
        Optional<Ref> source = jdbc.sql("""
                        select a.id, a.name from light_rule r join org_unit a on a.id = r.unit_id
                        join org_unit u on u.id = ? and u.path like a.path || '%'
                        order by a.depth desc limit 1""")
                .param(unitId).query((rs, n) -> new Ref(rs.getLong(1), rs.getString(2))).optional();
        Ref inherited = source.filter(s -> s.id() != unitId).orElse(null);
        return new UnitRule(new Ref(unit.id(), unit.name()), own.orElse(null), rules.forUnit(unitId), inherited);
    }

    /** The units in the reader's scope that have a rule of their own. */
    List<UnitRule> list(LuoshiUser me) {
        List<Long> ids = jdbc.sql("""
                        select r.unit_id from light_rule r join org_unit u on u.id = r.unit_id
                        where u.path like :scopePath order by u.depth, u.sort_order, u.name""")
                .param("scopePath", me.scope().pathPattern()).query(Long.class).list();
        return ids.stream().map(id -> get(id, me)).toList();
    }

    @Transactional
    UnitRule set(long unitId, int blueWithinDays, double yellowGap, double redGap, LuoshiUser me) {
        requireManager(me);
        OrgUnit unit = units.getVisible(unitId, me.scope());
        LightThresholds thresholds;
        try {
            thresholds = new LightThresholds(blueWithinDays, yellowGap, redGap);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidFields(List.of(new FieldProblem("redGap", "task.error.thresholds")));
        }
        Optional<LightThresholds> before = rules.ownRule(unitId);
        rules.set(unitId, thresholds);
        int relit = lights.recomputeUnder(unit.path(), tasks);
        events.publishEvent(new AuditRecord("task.lightRule.set", "LightRule", String.valueOf(unitId), unitId,
                "设置「" + unit.name() + "」亮灯规则：" + thresholds.blueWithinDays() + " 天内蓝灯，滞后 "
                        + Math.round(thresholds.yellowGap() * 100) + "% 黄灯，滞后 "
                        + Math.round(thresholds.redGap() * 100) + "% 红灯（重算 " + relit + " 项任务）",
                before.orElse(null), thresholds));
        return get(unitId, me);
    }

    @Transactional
    UnitRule clear(long unitId, LuoshiUser me) {
        requireManager(me);
        OrgUnit unit = units.getVisible(unitId, me.scope());
        Optional<LightThresholds> before = rules.ownRule(unitId);
        if (before.isPresent()) {
            rules.clear(unitId);
            int relit = lights.recomputeUnder(unit.path(), tasks);
            events.publishEvent(new AuditRecord("task.lightRule.cleared", "LightRule", String.valueOf(unitId),
                    unitId, "取消「" + unit.name() + "」的亮灯规则，改用上级规则（重算 " + relit + " 项任务）",
                    before.get(), null));
        }
        return get(unitId, me);
    }

    private static void requireManager(LuoshiUser me) {
        if (!me.hasAny(Role.SUPERVISOR, Role.ADMIN)) {
            throw DomainException.forbidden("task.error.onlySupervisorSetsLights");
        }
    }
}
