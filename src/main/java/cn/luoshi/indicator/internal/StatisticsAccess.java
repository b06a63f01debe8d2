package cn.luoshi.indicator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.org.DataScope;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import org.springframework.stereotype.Component;

/**
 * Who may read which statistics. Data of units inside the user's scope are readable as everywhere in Luoshi. In
 * addition, the published statistics of regions on the way up from the user's scope are readable by every
 * signed-in official: the regions above it (示例省 for 示例市) and the regions beside it or beside any of those
 * (the other cities of the province), because "居全省第五" and a benchmark against the peer city cannot be shown
 * otherwise and bulletins publish those figures anyway. Units inside another region's subtree (友邻市's districts,
 * 江南区's departments) stay closed. Enterprise accounts read no statistics. Writing always follows the plain scope.
 */
@Component
public class StatisticsAccess {

    private final OrgUnits units;

    StatisticsAccess(OrgUnits units) {
        this.units = units;
    }

    public boolean canRead(LuoshiUser user, OrgUnit unit) {
        DataScope scope = user.scope();
        if (unit == null || scope.isEnterprise() || user.has(Role.ENTERPRISE)) {
            return false;
        }
        if (scope.covers(unit)) {
            return true;
        }
        if (!unit.isRegion() || scope.rootPath() == null) {
            return false;
        }
        List<Long> above = ancestorIds(scope.rootPath());
        return above.contains(unit.id()) || (unit.parentId() != null && above.contains(unit.parentId()));
    }

    /** The unit if its statistics are readable, else "not found" (its existence does not leak). */
    public OrgUnit readable(LuoshiUser user, long unitId) {
        OrgUnit unit = units.find(unitId).orElse(null);
        if (!canRead(user, unit)) {
            throw DomainException.notFound("org.unit", unitId);
        }
        return unit;
    }

    /** Whether every child of this unit is readable: the unit is in scope or lies above the scope. */
    public boolean canReadChildrenOf(LuoshiUser user, OrgUnit parent) {
        DataScope scope = user.scope();
        if (scope.isEnterprise() || user.has(Role.ENTERPRISE)) {
            return false;
        }
        if (scope.covers(parent)) {
            return true;
        }
        return scope.rootPath() != null && ancestorIds(scope.rootPath()).contains(parent.id());
    }

    /** Units the user may write figures for: the plain data scope. */
    public boolean canWrite(LuoshiUser user, OrgUnit unit) {
        return user.hasAny(Role.STATISTICIAN, Role.ADMIN) && user.scope().covers(unit);
    }

    /** Ids above the scope root, from its materialised path ("/1/5/23/" → 1, 5). */
    static List<Long> ancestorIds(String rootPath) {
        String[] parts = rootPath.split("/");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < parts.length - 1; i++) {
            if (!parts[i].isEmpty()) {
                ids.add(Long.parseLong(parts[i]));
            }
        }
        return ids;
    }

    /**
     * The regions whose statistics the user may read, for pickers: the regions above the scope and beside them, and
     * the regions within the scope, top down.
     */
    public List<OrgUnit> readableRegions(LuoshiUser user) {
        DataScope scope = user.scope();
        if (scope.isEnterprise() || user.has(Role.ENTERPRISE)) {
            return List.of();
        }
        java.util.Map<Long, OrgUnit> found = new java.util.LinkedHashMap<>();
        if (scope.rootPath() != null && !scope.global()) {
            for (Long ancestor : ancestorIds(scope.rootPath())) {
                units.find(ancestor).ifPresent(a -> found.put(a.id(), a));
                units.children(ancestor).stream().filter(OrgUnit::isRegion).forEach(c -> found.put(c.id(), c));
            }
        }
        units.visible(scope, false).stream().filter(OrgUnit::isRegion).forEach(u -> found.put(u.id(), u));
        return found.values().stream()
                .sorted(java.util.Comparator.comparingInt(OrgUnit::depth).thenComparingInt(OrgUnit::sortOrder)
                        .thenComparing(OrgUnit::name))
                .toList();
    }

    /** Ids of readable units among candidates, keeping their order. */
    public List<OrgUnit> filterReadable(LuoshiUser user, List<OrgUnit> candidates) {
        return candidates.stream().filter(u -> canRead(user, u)).toList();
    }

    static final Set<Role> READERS = Set.of(Role.LEADER, Role.SUPERVISOR, Role.UNIT_HANDLER, Role.UNIT_HEAD,
            Role.STATISTICIAN, Role.ADMIN);
}
