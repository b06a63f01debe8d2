package cn.luoshi.org.internal;

import java.io.IOException;

import cn.luoshi.org.LuoshiUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser session lives only as long as what it signed in as: each request compares the session's stamp with the
 * account's {@code credentials_version} in the database (so it holds on every node), and a disabled account or a
 * changed stamp (roles, unit, scope, status or password changed) ends the session there and then.
 */
class SessionCredentialsFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionCredentialsFilter.class);

    private final UserRepository users;
    private final AuthenticationEntryPoint entryPoint;

    SessionCredentialsFilter(UserRepository users, AuthenticationEntryPoint entryPoint) {
        this.users = users;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = session == null ? null : SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof LuoshiUser user) {
            var current = users.activeCredentialsVersion(user.id());
            if (current.isEmpty() || current.get() != user.credentialsVersion()) {
                log.info("Session of {} ended: the account was changed or disabled since it signed in", user);
                session.invalidate();
                SecurityContextHolder.clearContext();
                entryPoint.commence(request, response, new CredentialsExpiredException("account changed"));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
