package cn.luoshi.org.internal;

import java.util.Set;

import cn.luoshi.org.DataScope;
import cn.luoshi.org.Role;
import cn.luoshi.org.UserAccount;
import org.springframework.stereotype.Component;

/** The one place where a user's data scope is decided (DESIGN.md: own unit and below; enterprises their own). */
@Component
class ScopeResolver {

    private final OrgUnitRepository units;

    ScopeResolver(OrgUnitRepository units) {
        this.units = units;
    }

    DataScope scopeOf(UserAccount user) {
        Set<Role> roles = user.roles();
        if (roles.contains(Role.ENTERPRISE)) {
            return DataScope.enterprise(user.creditCode());
        }
        Long root = user.scopeUnitId() != null ? user.scopeUnitId() : user.unitId();
        if (root == null) {
            return roles.contains(Role.ADMIN) ? DataScope.everything() : DataScope.none();
        }
        return units.find(root).map(DataScope::subtree).orElse(DataScope.none());
    }
}
