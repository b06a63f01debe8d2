package cn.luoshi.org.internal;

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
     * Loads the user for a password check. A throttled account comes back marked locked, so that the sign-in check
     * refuses it as locked (a plain message, no internal error) before its password is even tried.
     */
    @Override
    public LuoshiUser loadUserByUsername(String username) {
        LuoshiUser user = loadForToken(username);
        return throttle.isLocked(username) ? user.withSignInLocked() : user;
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
