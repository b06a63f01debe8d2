package cn.luoshi.common.progress;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Light thresholds per region: a unit uses the rule set on itself or its nearest ancestor, else the default.
 * Tasks, targets and projects all read their thresholds here, so one region's lights mean the same everywhere.
 */
@Service
public class LightRules {

    private final JdbcClient jdbc;

    LightRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The thresholds in force for a unit (nearest ancestor-or-self with a rule, else the default). */
    public LightThresholds forUnit(Long unitId) {
        if (unitId == null) {
            return LightThresholds.DEFAULT;
        }
        return jdbc.sql("""
                        select r.blue_within_days, r.yellow_gap, r.red_gap
                        from light_rule r
                        join org_unit a on a.id = r.unit_id
                        join org_unit u on u.id = :unit and u.path like a.path || '%'
                        order by a.depth desc limit 1""")
                .param("unit", unitId)
                .query((rs, n) -> new LightThresholds(rs.getInt(1), rs.getDouble(2), rs.getDouble(3)))
                .optional().orElse(LightThresholds.DEFAULT);
    }

    /** The rule set on exactly this unit, if any. */
    public Optional<LightThresholds> ownRule(long unitId) {
        return jdbc.sql("select blue_within_days, yellow_gap, red_gap from light_rule where unit_id = ?")
                .param(unitId)
                .query((rs, n) -> new LightThresholds(rs.getInt(1), rs.getDouble(2), rs.getDouble(3))).optional();
    }

    /** Sets (or replaces) the rule of a unit; callers check permission and publish the audit record. */
    @Transactional
    public void set(long unitId, LightThresholds thresholds) {
        jdbc.sql("""
                        insert into light_rule (unit_id, blue_within_days, yellow_gap, red_gap) values (?, ?, ?, ?)
                        on conflict (unit_id) do update set blue_within_days = excluded.blue_within_days,
                            yellow_gap = excluded.yellow_gap, red_gap = excluded.red_gap""")
                .params(unitId, thresholds.blueWithinDays(), thresholds.yellowGap(), thresholds.redGap()).update();
    }

    @Transactional
    public void clear(long unitId) {
        jdbc.sql("delete from light_rule where unit_id = ?").param(unitId).update();
    }
}
