package cn.luoshi.org.internal;

import cn.luoshi.org.LuoshiUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Lets templates (including error pages) read the signed-in user as {@code @currentUser.get()}. */
@Component("currentUser")
public class CurrentUser {

    public LuoshiUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof LuoshiUser user ? user : null;
    }
}
