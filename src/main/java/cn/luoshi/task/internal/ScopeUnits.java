package cn.luoshi.task.internal;

import java.util.List;
import java.util.stream.Collectors;

import cn.luoshi.org.DataScope;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;

/**
 * The units of a data scope (or of a filter's subtree), resolved once per request, and the SQL condition "the
 * task's lead unit or one of its co-units is one of them". The ids come from the database as numbers and are
 * written into the SQL, so the planner sees real values: for a department it combines the two indexes (lead unit,
 * co-units), for a city it checks each row from the covering index while it walks the list's order.
 */
record ScopeUnits(boolean everything, List<Long> ids) {

    static ScopeUnits of(DataScope scope, OrgUnits units) {
        if (scope.global()) {
            return new ScopeUnits(true, List.of());
        }
        if (scope.isEnterprise() || scope.rootPath() == null) {
            return new ScopeUnits(false, List.of());
        }
        return new ScopeUnits(false, units.visible(scope, true).stream().map(OrgUnit::id).toList());
    }

    static ScopeUnits subtree(OrgUnit root, OrgUnits units) {
        return root == null ? new ScopeUnits(false, List.of())
                : new ScopeUnits(false, units.subtree(root.id()).stream().map(OrgUnit::id).toList());
    }

    /** Many units (a city or more): most tasks are in view, so walking the list's order finds a page fast. */
    boolean wide() {
        return everything || ids.size() > 20;
    }

    String condition(String alias) {
        if (everything) {
            return "true";
        }
        if (ids.isEmpty()) {
            return "false";
        }
        String list = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        return "(" + alias + ".lead_unit_id in (" + list + ") or " + alias + ".co_unit_ids && '{" + list
                + "}'::bigint[])";
    }
}
