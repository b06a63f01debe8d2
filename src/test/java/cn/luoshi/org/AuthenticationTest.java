package cn.luoshi.org;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@LuoshiTest
class AuthenticationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void healthIsPublicAndEverythingElseNeedsAUser() {
        assertThat(Api.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
        Api.Response denied = Api.anonymous(port).get("/api/v1/org-units");
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.contentType()).startsWith("application/problem+json");
        assertThat(denied.json().path("detail").asString()).contains("登录");
        assertThat(Api.anonymous(port).get("/v3/api-docs").status()).isEqualTo(401);
    }

    @Test
    void wrongPasswordIsRefusedWithoutAskingTheBrowserForBasicCredentials() {
        Api.Response response = Api.as(port, "admin", "wrong-password").from("192.0.2.51").get("/api/v1/me");
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void theAdminSignsInWithTheConfiguredPasswordWhichIsStoredHashed() {
        Api.Response me = Api.as(port, "admin").get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("roles").toString()).contains("ADMIN");
        String hash = jdbc.sql("select password_hash from app_user where username = 'admin'").query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(Api.ADMIN_PASSWORD);
    }

    @Test
    void demoUsersDoNotShareTheAdministratorsPassword() {
        String at = "192.0.2.52";
        assertThat(Api.as(port, "duchashi", Api.ADMIN_PASSWORD).from(at).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.as(port, "jtysj.jb", Api.ADMIN_PASSWORD).from(at).get("/api/v1/me").status())
                .as("unit staff of the demo").isEqualTo(401);
        assertThat(Api.as(port, "jtysj.jb", Api.PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(Api.as(port, "admin", Api.PASSWORD).from(at).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.as(port, "duchashi", Api.PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void demoUsersExistForEveryRole() {
        for (String user : new String[] {"leader", "duchashi", "gxj", "gxjfzr", "fgw", "tjj", "qiye1"}) {
            assertThat(Api.as(port, user).get("/api/v1/me").status()).as(user).isEqualTo(200);
        }
        var roles = jdbc.sql("select distinct role from user_role").query(String.class).list();
        assertThat(roles).containsExactlyInAnyOrder("LEADER", "SUPERVISOR", "UNIT_HANDLER", "UNIT_HEAD",
                "STATISTICIAN", "ENTERPRISE", "ADMIN");
    }

    @Test
    void aPersonalTokenWorksUntilRevoked() {
        Api gxj = Api.as(port, "gxj");
        Api.Response issued = gxj.post("/api/v1/me/tokens", Map.of("name", "报表脚本"));
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().path("token").asString();
        assertThat(token).startsWith("lsh_");

        Api viaToken = Api.withToken(port, token);
        assertThat(viaToken.get("/api/v1/me").json().path("username").asString()).isEqualTo("gxj");
        String stored = jdbc.sql("select token_hash from api_token where id = ?")
                .param(issued.json().path("id").asLong()).query(String.class).single();
        assertThat(stored).doesNotContain(token.substring(4));

        assertThat(gxj.delete("/api/v1/me/tokens/" + issued.json().path("id").asLong()).status()).isEqualTo(204);
        assertThat(viaToken.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.withToken(port, "lsh_made-up").get("/api/v1/me").status()).isEqualTo(401);
    }

    /** A streamed download writes its body in an async dispatch, which must still know the token's owner. */
    @Test
    void aPersonalTokenDownloadsAStreamedExportWhole() {
        Api gxj = Api.as(port, "gxj");
        Api.Response issued = gxj.post("/api/v1/me/tokens", Map.of("name", "导出脚本"));
        Api viaToken = Api.withToken(port, issued.json().path("token").asString());
        Api.Response export = viaToken.get("/api/v1/tasks/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml");
        // An xlsx is a zip: it starts with the local file header and ends with the end of central directory record.
        assertThat(export.body()).startsWith("PK\u0003\u0004");
        assertThat(export.body()).contains("PK\u0005\u0006");
        gxj.delete("/api/v1/me/tokens/" + issued.json().path("id").asLong());
    }

    @Test
    void browserFormsNeedTheCsrfTokenAndTheLoginPageSetsOne() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String base = "http://localhost:" + port;
        HttpResponse<String> withoutToken = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + Api.ADMIN_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String token = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + Api.ADMIN_PASSWORD + "&_csrf="
                        + token)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/");
        HttpResponse<String> home = client.send(HttpRequest.newBuilder(URI.create(base + "/org")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("示例市");
    }
}
