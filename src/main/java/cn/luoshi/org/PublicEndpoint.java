package cn.luoshi.org;

import org.springframework.http.HttpMethod;

/**
 * A request anyone may make without signing in. Modules declare their few such endpoints as beans (e.g. the public
 * appeal intake); everything not declared requires authentication.
 *
 * @param method  the HTTP method, or null for any
 * @param pattern a path pattern such as {@code /api/v1/appeals}
 */
public record PublicEndpoint(HttpMethod method, String pattern) {

    public static PublicEndpoint any(String pattern) {
        return new PublicEndpoint(null, pattern);
    }

    public static PublicEndpoint of(HttpMethod method, String pattern) {
        return new PublicEndpoint(method, pattern);
    }
}
