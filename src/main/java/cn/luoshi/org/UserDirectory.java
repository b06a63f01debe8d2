package cn.luoshi.org;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.luoshi.org.internal.UserRepository;
import org.springframework.stereotype.Service;

/** Read-only lookups other modules need: who works in a unit, who oversees it, what people are called. */
@Service
public class UserDirectory {

    private final UserRepository users;
    private final OrgUnits units;

    UserDirectory(UserRepository users, OrgUnits units) {
        this.users = users;
        this.units = units;
    }

    /** Enabled users of exactly this unit holding any of the roles (e.g. the handlers of 工信局). */
    public List<Long> usersOf(long unitId, Set<Role> roles) {
        return users.idsByUnitAndRoles(unitId, roles);
    }

    /** Enabled users holding any of the roles whose data scope covers the unit (e.g. the city's supervisors). */
    public List<Long> overseersOf(long unitId, Set<Role> roles) {
        return units.find(unitId).map(u -> users.idsByRoleCovering(u.path(), roles)).orElse(List.of());
    }

    /** Enabled enterprise accounts of one enterprise (by unified social credit code). */
    public List<Long> enterpriseAccounts(String creditCode) {
        return creditCode == null ? List.of() : users.idsByCreditCode(creditCode);
    }

    public Map<Long, String> displayNames(Collection<Long> userIds) {
        return users.displayNames(userIds);
    }
}
