package cn.luoshi.org.internal;

import java.util.Set;

import cn.luoshi.org.DataScope;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.UserAccount;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class LuoshiUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final ScopeResolver scopes;
    private final SignInThrottle throttle;

    LuoshiUserDetailsService(UserRepository users, ScopeResolver scopes, SignInThrottle throttle) {
        this.users = users;
        this.scopes = scopes;
        this.throttle = throttle;
    }

    /**
     * Loads the user for a password check. A sign-in that has to wait comes back marked locked, so that the check
     * refuses it as locked (a plain message, no internal error) before its password is even tried; a name that does
     * not exist comes back the same way then, so waiting does not tell which names exist.
     */
    @Override
    public LuoshiUser loadUserByUsername(String username) {
        boolean throttled = throttle.isThrottled(username);
        var stored = users.findByUsername(username);
        if (stored.isEmpty()) {
            if (throttled) {
                return new LuoshiUser(-1, username, username, null, null, Set.of(), DataScope.none(), true,
                        null).withSignInLocked();
            }
            throw new UsernameNotFoundException(username);
        }
        LuoshiUser user = toPrincipal(stored.get().account(), stored.get().passwordHash(),
                stored.get().credentialsVersion());
        return throttled ? user.withSignInLocked() : user;
    }

    /** Loads the owner of a valid API token (the password throttle does not apply to tokens). */
    LuoshiUser loadForToken(String username) {
        var stored = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return toPrincipal(stored.account(), stored.passwordHash(), stored.credentialsVersion());
    }

    LuoshiUser toPrincipal(UserAccount account, String passwordHash, int credentialsVersion) {
        return new LuoshiUser(account.id(), account.username(), account.displayName(), account.unitId(),
                account.unitName(), account.roles(), scopes.scopeOf(account), account.enabled(), passwordHash,
                credentialsVersion);
    }
}
