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

    LuoshiUserDetailsService(UserRepository users, ScopeResolver scopes) {
        this.users = users;
        this.scopes = scopes;
    }

    @Override
    public LuoshiUser loadUserByUsername(String username) {
        var stored = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return toPrincipal(stored.account(), stored.passwordHash());
    }

    LuoshiUser toPrincipal(UserAccount account, String passwordHash) {
        return new LuoshiUser(account.id(), account.username(), account.displayName(), account.unitId(),
                account.unitName(), account.roles(), scopes.scopeOf(account), account.enabled(), passwordHash);
    }
}
