package cn.luoshi.org;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each password sign-in on the form, and each refused one by Basic, is in the audit log with the source address; an
 * API client's Basic success once an hour per user and address.
 */
@LuoshiTest
class SignInAuditTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrgUnits units;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    UserAccount user(String name) {
        return accounts.findByUsername(name).orElseGet(() -> accounts.createSystem(new NewUser(name, "登录审计",
                Api.PASSWORD, units.findByCode(DemoCity.GXJ).orElseThrow().id(), null, Set.of(Role.UNIT_HANDLER),
                null, null)));
    }

    /** Signs in on the form; returns where the form sends the browser. */
    String formSignIn(String username, String password, String address) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port;
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("X-Forwarded-For", address).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password
                        + "&_csrf=" + csrf)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElse("");
    }

    List<String> summaries(String action, String like) {
        return jdbc.sql("select summary from audit_event where action = ? and summary like ? order by id")
                .params(action, like).query(String.class).list();
    }

    @Test
    void formAndBasicSignInsAreAuditedWithTheSourceAddress() throws Exception {
        UserAccount user = user("audit-signin");
        // The client at 192.0.2.41 behind the local reverse proxy; the test's own calls come from 127.0.0.1.
        String at = "192.0.2.41";
        assertThat(formSignIn(user.username(), Api.PASSWORD, at)).doesNotContain("error");
        assertThat(formSignIn(user.username(), "Wrong2026x", at)).endsWith("/login?error");
        assertThat(Api.as(port, user.username()).get("/api/v1/me").status()).isEqualTo(200);
        // An API client's next calls within the hour are not sign-ins of their own.
        assertThat(Api.as(port, user.username()).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(Api.as(port, user.username()).get("/api/v1/tasks").status()).isEqualTo(200);
        assertThat(Api.as(port, user.username(), "Wrong2026y").from(at).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.as(port, "no-such-user-audit", "Wrong2026z").from(at).get("/api/v1/me").status())
                .isEqualTo(401);

        assertThat(summaries("org.signIn.succeeded", "%「audit-signin」%")).containsExactly(
                "用户「audit-signin」登录成功（登录页），来源地址 192.0.2.41",
                "用户「audit-signin」登录成功（HTTP Basic），来源地址 127.0.0.1");
        assertThat(summaries("org.signIn.failed", "%「audit-signin」%")).containsExactly(
                "用户名「audit-signin」登录失败（登录页，用户名或密码错误），来源地址 192.0.2.41",
                "用户名「audit-signin」登录失败（HTTP Basic，用户名或密码错误），来源地址 192.0.2.41");
        assertThat(summaries("org.signIn.failed", "%「no-such-user-audit」%")).containsExactly(
                "用户名「no-such-user-audit」登录失败（HTTP Basic，用户名或密码错误），来源地址 192.0.2.41");
        // The successful sign-ins name the user as actor and belong to the user's unit.
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where action = 'org.signIn.succeeded' and actor = ?
                          and entity_id = ? and unit_id = ?""")
                .params(user.username(), String.valueOf(user.id()), user.unitId()).query(Long.class).single())
                .isEqualTo(2);

        // An hour later the client's first call is recorded again.
        ZonedDateTime before = ZonedDateTime.now(clock);
        try {
            clock.advance(Duration.ofMinutes(61));
            assertThat(Api.as(port, user.username()).get("/api/v1/me").status()).isEqualTo(200);
            assertThat(Api.as(port, user.username()).get("/api/v1/me").status()).isEqualTo(200);
        } finally {
            clock.set(before);
        }
        assertThat(summaries("org.signIn.succeeded", "%「audit-signin」%HTTP Basic%")).hasSize(2);
    }

    @Test
    void aSignInThatMustWaitSeesThePlainMessageOnTheForm() throws Exception {
        UserAccount user = user("audit-locked");
        String at = "192.0.2.42";
        for (int i = 0; i < 5; i++) {
            assertThat(Api.as(port, user.username(), "Wrong2026" + i).from(at).get("/api/v1/me").status())
                    .isEqualTo(401);
        }
        assertThat(formSignIn(user.username(), Api.PASSWORD, at)).endsWith("/login?locked");
        assertThat(summaries("org.signIn.failed", "%「audit-locked」%登录页%")).containsExactly(
                "用户名「audit-locked」登录失败（登录页，登录失败过多，需等待后再试），来源地址 192.0.2.42");
        // From another address the account signs in: a stranger's guesses do not lock its owner out.
        assertThat(formSignIn(user.username(), Api.PASSWORD, "192.0.2.43")).doesNotContain("error")
                .doesNotContain("locked");
    }
}
