package cn.luoshi.org;

import java.util.Set;

/** What an administrator fills in to open an account. */
public record NewUser(String username, String displayName, String password, Long unitId, Long scopeUnitId,
                      Set<Role> roles, String creditCode, String phone) {
}
