package cn.luoshi.org;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every page tells the browser: no framing, no sniffing, no referrer to other sites, only its own scripts; a
 * session cookie scripts cannot read and other sites cannot send, Secure over HTTPS; and privileged sessions that end
 * sooner when left idle.
 */
@LuoshiTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(HttpClient client, String path, String proto) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (proto != null) {
            request.header("X-Forwarded-Proto", proto);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyPageForbidsFramingSniffingForeignScriptsAndReferrers() throws Exception {
        HttpResponse<String> page = get(HttpClient.newHttpClient(), "/login", null);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("form-action 'self'")
                .contains("base-uri 'self'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.headers().firstValue("Permissions-Policy").orElseThrow()).contains("camera=()")
                .contains("microphone=()");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("plain HTTP").isEmpty();
        String cookie = sessionCookie(page.headers().allValues("Set-Cookie"));
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void behindHttpsTheCookieIsSecureAndTheBrowserIsToldToStayOnHttps() throws Exception {
        HttpResponse<String> page = get(HttpClient.newHttpClient(), "/login", "https");
        assertThat(page.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=");
        assertThat(sessionCookie(page.headers().allValues("Set-Cookie"))).contains("Secure").contains("HttpOnly")
                .contains("SameSite=Lax");
    }

    @Test
    void anAdministratorsAndTheOfficesSessionsEndAfterTwoIdleHoursOthersAfterEight() throws Exception {
        assertThat(idleMinutesAfterSignIn("admin")).isEqualTo(120);
        assertThat(idleMinutesAfterSignIn("duchashi")).isEqualTo(120);
        assertThat(idleMinutesAfterSignIn("gxj")).isEqualTo(480);
        assertThat(idleMinutesAfterSignIn("leader")).isEqualTo(480);
        assertThat(Api.as(port, "admin").get("/api/v1/me").json().path("sessionIdleMinutes").isNull())
                .as("Basic has no session").isTrue();
    }

    private int idleMinutesAfterSignIn(String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = get(client, "/login", null).body();
        String csrf = login.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + Api.passwordOf(username) + "&_csrf=" + csrf)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String me = get(client, "/api/v1/me", null).body();
        return JsonMapper.builder().build().readTree(me).path("sessionIdleMinutes").asInt();
    }

    private static String sessionCookie(List<String> cookies) {
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    }
}
