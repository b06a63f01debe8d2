package cn.luoshi.org;

import java.time.OffsetDateTime;
import java.util.Set;

/** A user as administrators see it (never with the password hash). */
public record UserAccount(long id, String username, String displayName, Long unitId, String unitName,
                          Long scopeUnitId, String scopeUnitName, Set<Role> roles, String creditCode, String phone,
                          boolean enabled, int version, OffsetDateTime lastLoginAt) {
}
