package cn.luoshi.org;

import java.util.Set;

/** An administrator's edit of an existing account; {@code version} is the one the editor read. */
public record UserChanges(String displayName, Long unitId, Long scopeUnitId, Set<Role> roles, String creditCode,
                          String phone, boolean enabled, int version) {
}
