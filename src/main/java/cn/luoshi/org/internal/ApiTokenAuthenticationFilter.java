package cn.luoshi.org.internal;

import java.io.IOException;

import cn.luoshi.org.ApiTokens;
import cn.luoshi.org.LuoshiUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer lsh_…} signs the request in as the token's owner, for this request only. */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final LuoshiUserDetailsService users;
    private final AuthenticationEntryPoint entryPoint;
    private final RequestAttributeSecurityContextRepository requestContext =
            new RequestAttributeSecurityContextRepository();

    ApiTokenAuthenticationFilter(ApiTokens tokens, LuoshiUserDetailsService users,
                                 AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.users = users;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var username = tokens.authenticate(header.substring(7).strip());
        if (username.isEmpty()) {
            entryPoint.commence(request, response, new BadCredentialsException("invalid token"));
            return;
        }
        LuoshiUser user = users.loadForToken(username.get());
        user.eraseCredentials();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        // Kept for this request's own later dispatches too: a streamed download (an Excel export) writes its body in
        // an async dispatch, which the authorisation filter checks again and would otherwise find signed out.
        requestContext.saveContext(context, request, response);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
