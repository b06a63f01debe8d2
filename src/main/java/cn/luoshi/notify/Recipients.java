package cn.luoshi.notify;

import java.util.List;
import java.util.Set;

import cn.luoshi.org.Role;

/**
 * Who should get a message: named users, the users of units holding given roles, and/or the users whose data
 * scope covers a unit holding given roles (e.g. the supervisors watching over it).
 */
public record Recipients(List<Long> userIds, List<Long> unitIds, Set<Role> unitRoles, Long overseenUnitId,
                         Set<Role> overseerRoles) {

    public static Recipients users(List<Long> userIds) {
        return new Recipients(List.copyOf(userIds), List.of(), Set.of(), null, Set.of());
    }

    public static Recipients unit(long unitId, Set<Role> roles) {
        return new Recipients(List.of(), List.of(unitId), Set.copyOf(roles), null, Set.of());
    }

    public static Recipients units(List<Long> unitIds, Set<Role> roles) {
        return new Recipients(List.of(), List.copyOf(unitIds), Set.copyOf(roles), null, Set.of());
    }

    public static Recipients overseersOf(long unitId, Set<Role> roles) {
        return new Recipients(List.of(), List.of(), Set.of(), unitId, Set.copyOf(roles));
    }
}
