package cn.luoshi.org.internal;

import java.time.Duration;
import java.util.Set;

import cn.luoshi.org.Role;

/**
 * How long a signed-in browser may sit idle before its session ends. Administrators (who change accounts and roles)
 * and the supervision office (who assigns, reviews and assesses every unit's work) get two hours, as a session left
 * open on an office desk is worth most to someone else; everyone else a working day.
 */
public final class SessionLengths {

    public static final Duration PRIVILEGED = Duration.ofHours(2);
    public static final Duration ORDINARY = Duration.ofHours(8);

    private SessionLengths() {
    }

    public static Duration idleLimit(Set<Role> roles) {
        return roles.contains(Role.ADMIN) || roles.contains(Role.SUPERVISOR) ? PRIVILEGED : ORDINARY;
    }
}
