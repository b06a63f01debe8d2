package cn.luoshi.org;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser session ends as soon as the account it signed in as changes: disabled, roles or unit changed, password
 * reset. Disabling and resetting also revoke the account's API tokens. The check is against the database, so it
 * holds on every node.
 */
@LuoshiTest
class SessionRevocationTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrgUnits units;

    @Autowired
    JdbcClient jdbc;

    /** A browser (own cookie jar) signed in on the form. */
    final class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        final String base = "http://localhost:" + port;
        String csrf;

        Browser signIn(String username, String password) throws Exception {
            csrf = csrfOf(get("/login").body());
            HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password
                            + "&_csrf=" + csrf)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
            // The session's CSRF token, as a page would carry it.
            csrf = csrfOf(get("/profile").body());
            return this;
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> getJson(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> issueToken(String name) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/tokens"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("X-CSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static String csrfOf(String page) {
            return page.replaceAll("(?s).*?name=\"_csrf\" (?:value|content)=\"([^\"]+)\".*", "$1");
        }
    }

    UserAccount newUser(String prefix, String unitCode, Set<Role> roles) {
        String name = prefix;
        for (int i = 2; accounts.findByUsername(name).isPresent(); i++) {
            name = prefix + i;
        }
        return accounts.createSystem(new NewUser(name, "会话测试", Api.PASSWORD,
                units.findByCode(unitCode).orElseThrow().id(), null, roles, null, null));
    }

    Map<String, Object> changes(UserAccount user, Set<Role> roles, boolean enabled) {
        UserAccount current = accounts.findByUsername(user.username()).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", current.displayName());
        body.put("unitId", current.unitId());
        body.put("roles", roles);
        body.put("enabled", enabled);
        body.put("version", current.version());
        return body;
    }

    long revokedTokens(UserAccount user) {
        return jdbc.sql("select count(*) from api_token where user_id = ? and revoked_at is not null")
                .param(user.id()).query(Long.class).single();
    }

    @Test
    void disablingEndsTheOpenSessionAndRevokesTheTokens() throws Exception {
        UserAccount user = newUser("sess-disabled", DemoCity.GXJ, Set.of(Role.UNIT_HANDLER));
        Browser browser = new Browser().signIn(user.username(), Api.PASSWORD);
        HttpResponse<String> issued = browser.issueToken("会话令牌");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String token = issued.body().replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(Api.withToken(port, token).get("/api/v1/me").status()).isEqualTo(200);

        Api.Response disabled = Api.as(port, "admin").put("/api/v1/users/" + user.id(),
                changes(user, Set.of(Role.UNIT_HANDLER), false));
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);

        // The first request of the old session, with its valid CSRF token, is refused as signed out.
        HttpResponse<String> another = browser.issueToken("禁用后的令牌");
        assertThat(another.statusCode()).isEqualTo(401);
        assertThat(another.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(browser.getJson("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from api_token where user_id = ? and name = '禁用后的令牌'")
                .param(user.id()).query(Long.class).single()).isZero();
        assertThat(revokedTokens(user)).isEqualTo(1);
        assertThat(Api.withToken(port, token).get("/api/v1/me").status()).isEqualTo(401);
        // The change itself stays audited.
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'org.user.updated' and entity_id = ?")
                .param(String.valueOf(user.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDemotedSupervisorLosesTheSupervisorPagesAtOnce() throws Exception {
        UserAccount user = newUser("sess-demoted", DemoCity.SUPERVISION_OFFICE, Set.of(Role.SUPERVISOR));
        Browser browser = new Browser().signIn(user.username(), Api.PASSWORD);
        assertThat(browser.get("/tasks/new").statusCode()).isEqualTo(200);

        Api.Response demoted = Api.as(port, "admin").put("/api/v1/users/" + user.id(),
                changes(user, Set.of(Role.UNIT_HANDLER), true));
        assertThat(demoted.status()).as(demoted.body()).isEqualTo(200);

        HttpResponse<String> page = browser.get("/tasks/new");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
        // Signing in again gives the new roles only.
        Browser again = new Browser().signIn(user.username(), Api.PASSWORD);
        assertThat(again.getJson("/api/v1/me").body()).contains("UNIT_HANDLER").doesNotContain("SUPERVISOR");
    }

    @Test
    void aProfileEditThatChangesNothingOfTheSignInKeepsTheSession() throws Exception {
        UserAccount user = newUser("sess-renamed", DemoCity.GXJ, Set.of(Role.UNIT_HANDLER));
        Browser browser = new Browser().signIn(user.username(), Api.PASSWORD);
        Map<String, Object> rename = changes(user, Set.of(Role.UNIT_HANDLER), true);
        rename.put("displayName", "改名之后");
        assertThat(Api.as(port, "admin").put("/api/v1/users/" + user.id(), rename).status()).isEqualTo(200);
        assertThat(browser.getJson("/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordResetEndsSessionsAndTokens() throws Exception {
        UserAccount user = newUser("sess-reset", DemoCity.GXJ, Set.of(Role.UNIT_HANDLER));
        Browser browser = new Browser().signIn(user.username(), Api.PASSWORD);
        String token = Api.as(port, user.username()).post("/api/v1/me/tokens", Map.of("name", "重置前"))
                .json().path("token").asString();

        assertThat(Api.as(port, "admin").post("/api/v1/users/" + user.id() + "/password",
                Map.of("password", "Reset2026abc")).status()).isEqualTo(204);

        assertThat(browser.getJson("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(Api.withToken(port, token).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(revokedTokens(user)).isEqualTo(1);
        assertThat(new Browser().signIn(user.username(), "Reset2026abc").getJson("/api/v1/me").statusCode())
                .isEqualTo(200);
    }

    @Test
    void changingOnesOwnPasswordKeepsThisSessionAndEndsTheOthers() throws Exception {
        UserAccount user = newUser("sess-own", DemoCity.GXJ, Set.of(Role.UNIT_HANDLER));
        Browser here = new Browser().signIn(user.username(), Api.PASSWORD);
        Browser elsewhere = new Browser().signIn(user.username(), Api.PASSWORD);
        HttpResponse<String> changed = here.client.send(HttpRequest.newBuilder(URI.create(here.base
                        + "/api/v1/me/password")).header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", here.csrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"currentPassword\":\"" + Api.PASSWORD
                        + "\",\"newPassword\":\"Own2026change\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        assertThat(here.getJson("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(elsewhere.getJson("/api/v1/me").statusCode()).isEqualTo(401);
    }
}
