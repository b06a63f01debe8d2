package cn.luoshi.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client against the running test server, signed in as one user (HTTP Basic or a bearer token), so
 * tests exercise the full stack: security filters, scope, serialisation, problem details.
 */
public final class Api {

    /** The demo users' password in tests (luoshi.demo-password), also given to the accounts tests create. */
    public static final String PASSWORD = "TestDemo2026";
    /** The first administrator's password in tests (luoshi.admin-password); the demo users do not share it. */
    public static final String ADMIN_PASSWORD = "TestAdmin2026";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String authorization;
    private final String forwardedFor;

    private Api(int port, String authorization) {
        this("http://localhost:" + port, authorization, null);
    }

    private Api(String base, String authorization, String forwardedFor) {
        this.base = base;
        this.authorization = authorization;
        this.forwardedFor = forwardedFor;
    }

    /**
     * The same calls as a client at this address, behind the local reverse proxy the test server trusts (sign-in
     * throttling counts per address, so tests that fail sign-ins on purpose do it from addresses of their own).
     */
    public Api from(String address) {
        return new Api(base, authorization, address);
    }

    public static Api as(int port, String username) {
        return as(port, username, passwordOf(username));
    }

    /** The password a test signs in with: the administrator's for {@code admin}, the shared one for the others. */
    public static String passwordOf(String username) {
        return "admin".equals(username) ? ADMIN_PASSWORD : PASSWORD;
    }

    public static Api as(int port, String username, String password) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return new Api(port, "Basic " + basic);
    }

    public static Api withToken(int port, String token) {
        return new Api(port, "Bearer " + token);
    }

    public static Api anonymous(int port) {
        return new Api(port, null);
    }

    /** A response with its status, headers and body (parsed as JSON when it is JSON). */
    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response post(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    public Response put(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    public Response patch(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    public Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        return builder;
    }

    public String baseUrl() {
        return base;
    }
}
