package cn.luoshi.org;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only a request that really signs in by its own credentials skips the CSRF check: a signed-in browser session with
 * some other Authorization header (or Basic for the session's own user, whose password Basic does not check again)
 * still needs the CSRF token; a valid bearer token, or Basic without a session, does not.
 */
@LuoshiTest
class CsrfExemptionTest {

    static final String USER = "csrf-probe";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrgUnits units;

    @Autowired
    JdbcClient jdbc;

    HttpClient browser;
    String base;

    @BeforeEach
    void signIn() throws Exception {
        if (accounts.findByUsername(USER).isEmpty()) {
            accounts.createSystem(new NewUser(USER, "CSRF 探针", Api.PASSWORD,
                    units.findByCode(DemoCity.GXJ).orElseThrow().id(), null, Set.of(Role.UNIT_HANDLER), null, null));
        }
        base = "http://localhost:" + port;
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + USER + "&password=" + Api.PASSWORD
                        + "&_csrf=" + csrf)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    /** Issues a token through the signed-in session, without a CSRF token, with the given Authorization header. */
    HttpResponse<String> issueToken(String name, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/me/tokens"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    long tokens(String name) {
        return jdbc.sql("select count(*) from api_token where name = ?").param(name).query(Long.class).single();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anArbitraryAuthorizationHeaderBesideTheSessionStillNeedsTheCsrfToken() throws Exception {
        assertThat(issueToken("csrf-none", null).statusCode()).isEqualTo(403);
        assertThat(issueToken("csrf-foo", "Foo bar").statusCode()).isEqualTo(403);
        assertThat(issueToken("csrf-bearer-empty", "Bearer ").statusCode()).isEqualTo(403);
        // Basic for the session's own user with a wrong password would otherwise ride on the session.
        assertThat(issueToken("csrf-basic-wrong", basic(USER, "not-the-password")).statusCode()).isEqualTo(403);
        assertThat(tokens("csrf-none") + tokens("csrf-foo") + tokens("csrf-bearer-empty")
                + tokens("csrf-basic-wrong")).isZero();
    }

    @Test
    void realCredentialsAreStillExempt() throws Exception {
        Api.Response issued = Api.as(port, USER).post("/api/v1/me/tokens", java.util.Map.of("name", "csrf-basic"));
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().path("token").asString();
        HttpResponse<String> viaBearer = issueToken("csrf-bearer", "Bearer " + token);
        assertThat(viaBearer.statusCode()).as(viaBearer.body()).isEqualTo(201);
        assertThat(tokens("csrf-bearer")).isEqualTo(1);
        // A made-up bearer token beside the session is refused as a bad credential.
        assertThat(issueToken("csrf-bearer-bad", "Bearer lsh_made-up").statusCode()).isEqualTo(401);
        assertThat(tokens("csrf-bearer-bad")).isZero();
    }
}
