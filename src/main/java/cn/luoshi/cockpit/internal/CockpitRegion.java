package cn.luoshi.cockpit.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.luoshi.org.DataScope;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnitKind;
import cn.luoshi.org.OrgUnits;

/**
 * Whose picture the cockpit shows: the root of the reader's scope (the top of the tree for a global scope), the
 * region whose statistics stand for it (itself, or the nearest region above a department), and the units that race
 * on completion (its direct units, grids aside).
 */
record CockpitRegion(OrgUnit root, OrgUnit statistics, List<Long> raceUnits) {

    static CockpitRegion of(LuoshiUser me, OrgUnits units) {
        DataScope scope = me.scope();
        OrgUnit root = null;
        if (scope.global()) {
            root = units.visible(scope, false).stream().filter(u -> u.parentId() == null)
                    .min(Comparator.comparingInt(OrgUnit::sortOrder).thenComparing(OrgUnit::id)).orElse(null);
        } else if (scope.rootUnitId() != null) {
            root = units.find(scope.rootUnitId()).orElse(null);
        }
        if (root == null) {
            return new CockpitRegion(null, null, List.of());
        }
        OrgUnit statistics = root.isRegion() ? root : null;
        if (statistics == null) {
            List<Long> above = new ArrayList<>();
            for (String part : root.path().split("/")) {
                if (!part.isEmpty()) {
                    above.add(Long.parseLong(part));
                }
            }
            statistics = units.findAll(above).stream().filter(OrgUnit::isRegion)
                    .max(Comparator.comparingInt(OrgUnit::depth)).orElse(null);
        }
        List<Long> race = units.children(root.id()).stream()
                .filter(u -> u.active() && u.kind() != OrgUnitKind.GRID)
                .sorted(Comparator.comparingInt(OrgUnit::sortOrder).thenComparing(OrgUnit::name))
                .map(OrgUnit::id).toList();
        return new CockpitRegion(root, statistics, race);
    }
}
