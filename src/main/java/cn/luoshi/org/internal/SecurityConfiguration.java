package cn.luoshi.org.internal;

import java.io.IOException;
import java.util.List;

import cn.luoshi.common.web.Messages;
import cn.luoshi.org.ApiTokens;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.PublicEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.luoshi.org.UserAccounts;

/**
 * Browser users sign in on a form (session cookie, CSRF-protected forms); API clients send HTTP Basic or a personal
 * token. Everything needs a signed-in user except health, the login page, static assets and the public endpoints
 * modules declare.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    private static final RequestMatcher API = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/open311/") || path.startsWith("/v3/api-docs");
    };
    // A request that signs in by its own credentials cannot be forged by another site, so it needs no CSRF token.
    // Browsers never cache Basic credentials for Luoshi because no response ever asks for them (no
    // "WWW-Authenticate: Basic"). Only the two schemes that really authenticate the request are exempt: a bearer
    // token (ApiTokenAuthenticationFilter signs in as its owner or refuses the request), and Basic when no session is
    // signed in (Basic does not check the password again for the session's own user name). Any other header, or
    // Basic beside a signed-in session cookie, leaves the request to the session and so to the CSRF check.
    private static final RequestMatcher OWN_CREDENTIALS = request -> {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return false;
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).strip().length() > 0;
        }
        return header.regionMatches(true, 0, "Basic ", 0, 6) && !signedInSession(request);
    };

    private static boolean signedInSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                && context.getAuthentication() != null;
    }

    @Bean(destroyMethod = "close")
    HashingThreads passwordEncoder() {
        return new HashingThreads(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * The firewall refuses requests it cannot read safely (a parameter name with unassigned characters, an encoded
     * slash, a path with "..") before any filter; without this it would end in a 500 and a stack trace.
     */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler rejectedRequests(Messages messages) {
        return (request, response, rejected) -> cn.luoshi.common.web.EarlyRefusal.send(request, response,
                HttpStatus.BAD_REQUEST, "error.rejectedRequest", messages);
    }

    @Bean
    EvenTimedSignIn passwordSignIn(LuoshiUserDetailsService users, PasswordEncoder encoder) {
        return new EvenTimedSignIn(users, encoder);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<PublicEndpoint> declaredPublic,
                                            ApiTokens tokens, LuoshiUserDetailsService users,
                                            UserRepository accounts, Messages messages) throws Exception {
        List<PublicEndpoint> publicEndpoints = declaredPublic.orderedStream().toList();
        AuthenticationEntryPoint apiEntryPoint = problemEntryPoint(messages);
        AuthenticationEntryPoint pageEntryPoint = htmxAwareLoginEntryPoint();
        http.authorizeHttpRequests(auth -> {
            auth.requestMatchers("/login", "/error", "/favicon.ico", "/webjars/**", "/css/**", "/js/**", "/img/**",
                    "/actuator/health", "/actuator/health/**").permitAll();
            for (PublicEndpoint endpoint : publicEndpoints) {
                var matcher = PathPatternRequestMatcher.withDefaults().matcher(endpoint.method(), endpoint.pattern());
                auth.requestMatchers(matcher).permitAll();
            }
            auth.anyRequest().authenticated();
        });
        http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                .failureHandler((request, response, exception) -> response.sendRedirect(request.getContextPath()
                        + (exception instanceof LockedException ? "/login?locked"
                        // the account could not be read (no database connection): not the user's mistake
                        : exception instanceof InternalAuthenticationServiceException ? "/login?busy"
                        : "/login?error")))
                .permitAll());
        http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        http.httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint));
        http.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, users, apiEntryPoint),
                BasicAuthenticationFilter.class);
        http.addFilterBefore(new SessionCredentialsFilter(accounts, (request, response, e) -> {
            if (API.matches(request)) {
                apiEntryPoint.commence(request, response, e);
            } else {
                pageEntryPoint.commence(request, response, e);
            }
        }), CsrfFilter.class);
        http.csrf(csrf -> csrf.ignoringRequestMatchers(OWN_CREDENTIALS));
        // Only pages are worth returning to after sign-in; API calls must not open sessions.
        var pageCache = new HttpSessionRequestCache();
        pageCache.setRequestMatcher(request -> !API.matches(request) && request.getHeader("HX-Request") == null
                && "GET".equals(request.getMethod()));
        http.requestCache(cache -> cache.requestCache(pageCache));
        for (PublicEndpoint endpoint : publicEndpoints) {
            if (endpoint.pattern().startsWith("/api/") || endpoint.pattern().startsWith("/open311/")) {
                // Public API endpoints are called by scripts and other systems, not by signed-in browsers.
                http.csrf(csrf -> csrf.ignoringRequestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher(endpoint.method(), endpoint.pattern())));
            }
        }
        http.exceptionHandling(ex -> ex
                .defaultAuthenticationEntryPointFor(apiEntryPoint, API)
                .defaultAuthenticationEntryPointFor(pageEntryPoint, request -> true)
                .defaultAccessDeniedHandlerFor(problemAccessDenied(messages), API));
        http.headers(headers -> headers
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy
                                .SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(
                        "camera=(), microphone=(), payment=(), usb=(), geolocation=(self)"))
                .contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                        + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; frame-ancestors 'none'; "
                        + "form-action 'self'; base-uri 'self'")));
        return http.build();
    }

    private static AuthenticationEntryPoint problemEntryPoint(Messages messages) {
        return (request, response, exception) -> writeProblem(response, HttpStatus.UNAUTHORIZED,
                "error.unauthorized", messages, request);
    }

    private static AccessDeniedHandler problemAccessDenied(Messages messages) {
        return (request, response, exception) -> writeProblem(response, HttpStatus.FORBIDDEN, "error.forbidden",
                messages, request);
    }

    /** htmx swaps fragments: an expired session must send the whole page to the login form, not a fragment. */
    private static AuthenticationEntryPoint htmxAwareLoginEntryPoint() {
        var login = new LoginUrlAuthenticationEntryPoint("/login");
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", request.getContextPath() + "/login");
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
                return;
            }
            login.commence(request, response, e);
        };
    }

    private static void writeProblem(HttpServletResponse response, HttpStatus status, String code, Messages messages,
                                     HttpServletRequest request) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json;charset=UTF-8");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"luoshi\"");
        }
        response.getWriter().write(cn.luoshi.common.web.EarlyRefusal.problemJson(request, status, code, messages));
    }

    @Configuration(proxyBeanMethods = false)
    static class LoginTracking {

        private final UserAccounts accounts;

        LoginTracking(UserAccounts accounts) {
            this.accounts = accounts;
        }

        @EventListener
        void onLogin(InteractiveAuthenticationSuccessEvent event) {
            accounts.recordLogin(event.getAuthentication().getName());
            if (event.getAuthentication().getPrincipal() instanceof LuoshiUser user
                    && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                HttpSession session = attributes.getRequest().getSession(false);
                if (session != null) {
                    session.setMaxInactiveInterval((int) SessionLengths.idleLimit(user.roles()).toSeconds());
                }
            }
        }
    }
}
