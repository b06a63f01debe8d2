package cn.luoshi.appeal.internal;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.org.DataScope;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import org.springframework.stereotype.Component;

/**
 * Who may change what every region shares: the working-day calendar (national data, from the State Council's
 * notices), the SLA tiers and the appeal categories. One installation serves a whole city or province, so only a
 * global administrator, or an administrator or supervision office whose data scope is a top unit of the org tree,
 * changes them; a district's supervisor, whose scope is its district, must not change what the city and the other
 * districts count with. Pages offer the change forms and services accept the change by this one rule.
 */
@Component
public class SharedSettings {

    private final OrgUnits units;

    SharedSettings(OrgUnits units) {
        this.units = units;
    }

    public boolean mayChange(LuoshiUser me) {
        if (me == null || !me.hasAny(Role.ADMIN, Role.SUPERVISOR)) {
            return false;
        }
        DataScope scope = me.scope();
        if (scope.global()) {
            return true;
        }
        return scope.rootUnitId() != null
                && units.find(scope.rootUnitId()).map(u -> u.parentId() == null).orElse(false);
    }

    public void requireMayChange(LuoshiUser me) {
        if (!mayChange(me)) {
            throw DomainException.forbidden("appeal.error.sharedSettings");
        }
    }
}
