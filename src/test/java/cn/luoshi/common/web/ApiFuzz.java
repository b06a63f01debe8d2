package cn.luoshi.common.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import cn.luoshi.LuoshiApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random calls to every operation of the OpenAPI document: path variables, query parameters and JSON bodies of every
 * kind (the operation's own fields with right and wrong types, random trees, deep nesting, huge strings, NaN and
 * broken JSON), as the administrator, the supervision office, a unit handler, an enterprise and anonymously. A call
 * that answers 5xx is a failure. The application runs on a database of its own, so what the calls change touches no
 * other test.
 *
 * <p>As a command, for many inputs:
 * <pre>
 * ./mvnw -q test-compile && java -cp target/test-classes:target/classes:$(./mvnw -q dependency:build-classpath \
 *     -Dmdep.outputFile=/dev/stdout) cn.luoshi.common.web.ApiFuzz [inputs=1000000] [threads=4] [seed=1]
 * </pre>
 */
public final class ApiFuzz {

    static final String ADMIN_PASSWORD = "FuzzAdmin2026";
    static final String DEMO_PASSWORD = "FuzzDemo2026";
    private static final List<String> USERS = List.of("admin", "duchashi", "gxj", "qiye1", "");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One operation of the document: method, path template, its query parameters and its body's fields. */
    record Operation(String method, String path, List<String> query, boolean jsonBody, List<String> fields) {
    }

    /** One call and how it was answered. */
    record Outcome(String method, String uri, String user, String body, int status) {
        String describe() {
            return status + " " + method + " " + uri + " as " + (user.isEmpty() ? "anonymous" : user) + " body "
                    + (body == null ? "-" : body.length() > 300 ? body.substring(0, 300) + "…(" + body.length()
                    + " chars)" : body);
        }
    }

    private final String base;
    private final List<Operation> operations;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ApiFuzz(String base) throws Exception {
        this.base = base;
        this.operations = read(get("/v3/api-docs", "admin"));
    }

    List<Operation> operations() {
        return operations;
    }

    /** Starts the application on a fresh data folder of its own, with the demo city. */
    static ConfigurableApplicationContext start(Path dataDir) throws Exception {
        if (Files.exists(dataDir)) {
            try (var paths = Files.walk(dataDir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return SpringApplication.run(LuoshiApplication.class, "--luoshi.data-dir=" + dataDir.toAbsolutePath(),
                "--luoshi.demo=true", "--luoshi.admin-password=" + ADMIN_PASSWORD,
                "--luoshi.demo-password=" + DEMO_PASSWORD, "--server.port=0", "--spring.main.banner-mode=off",
                "--logging.level.root=ERROR", "--logging.level.cn.luoshi=ERROR",
                "--luoshi.appeals.public-limit=1000000000");
    }

    static String baseOf(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    private String get(String path, String user) throws Exception {
        return client.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpRequest.Builder request(String pathAndQuery, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                .header("X-Forwarded-For", "198.18.0." + (Math.abs(pathAndQuery.hashCode()) % 250 + 1));
        if (!user.isEmpty()) {
            String password = user.equals("admin") ? ADMIN_PASSWORD : DEMO_PASSWORD;
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    static List<Operation> read(String apiDocs) {
        JsonNode doc = JSON.readTree(apiDocs);
        JsonNode schemas = doc.path("components").path("schemas");
        List<Operation> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                if (path.getKey().equals("/logout")) {
                    continue;
                }
                List<String> query = new ArrayList<>();
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    if ("query".equals(parameter.path("in").asString())) {
                        query.add(parameter.path("name").asString());
                    }
                }
                JsonNode content = op.getValue().path("requestBody").path("content");
                boolean json = content.has("application/json");
                List<String> fields = new ArrayList<>();
                if (json) {
                    String ref = content.path("application/json").path("schema").path("$ref").asString("");
                    JsonNode schema = ref.isEmpty() ? content.path("application/json").path("schema")
                            : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
                    schema.path("properties").propertyNames().forEach(fields::add);
                }
                found.add(new Operation(method, path.getKey(), query, json, fields));
            }
        }
        return found;
    }

    /** One random call, decided wholly by the seed. */
    Outcome call(long seed) throws Exception {
        Random random = new Random(seed);
        Operation op = operations.get(random.nextInt(operations.size()));
        String user = USERS.get(random.nextInt(USERS.size()));
        StringBuilder uri = new StringBuilder();
        for (String part : op.path().split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            uri.append('/');
            // A variable is a whole segment ({id}) or part of one (requests.{format}).
            java.util.regex.Matcher variable = java.util.regex.Pattern.compile("\\{[^}]+}").matcher(part);
            StringBuilder segment = new StringBuilder();
            while (variable.find()) {
                String value = part.equals(variable.group()) ? pathValue(random)
                        : random.nextInt(4) > 0 ? (random.nextBoolean() ? "json" : "xml") : pathValue(random);
                variable.appendReplacement(segment, java.util.regex.Matcher.quoteReplacement(encode(value)));
            }
            variable.appendTail(segment);
            uri.append(segment);
        }
        List<String> params = new ArrayList<>();
        for (String name : op.query()) {
            if (random.nextInt(3) > 0) {
                params.add(encode(name) + "=" + encode(scalarText(random)));
            }
        }
        if (random.nextInt(10) == 0) {
            params.add(encode(randomString(random, 8)) + "=" + encode(scalarText(random)));
        }
        String target = uri + (params.isEmpty() ? "" : "?" + String.join("&", params));
        String body = null;
        HttpRequest.Builder builder = request(target, user);
        if (op.jsonBody() || (!op.method().equals("GET") && random.nextInt(4) == 0)) {
            body = body(random, op.fields());
            builder.header("Content-Type", "application/json")
                    .method(op.method(), HttpRequest.BodyPublishers.ofString(body));
        } else {
            builder.method(op.method(), HttpRequest.BodyPublishers.noBody());
        }
        int status = client.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        return new Outcome(op.method(), target, user, body, status);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String pathValue(Random random) {
        return switch (random.nextInt(8)) {
            case 0, 1, 2 -> Integer.toString(1 + random.nextInt(60));
            case 3 -> "0";
            case 4 -> "-" + random.nextInt(1000);
            case 5 -> "99999999999999999999";
            case 6 -> "NORMAL";
            default -> scalarText(random);
        };
    }

    static String scalarText(Random random) {
        return switch (random.nextInt(16)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> Integer.toString(random.nextInt());
            case 3 -> "1e309";
            case 4 -> "-1";
            case 5 -> "2026-02-30";
            case 6 -> "9999-99";
            case 7 -> "2026-07";
            case 8 -> "true";
            case 9 -> "' or 1=1 --";
            case 10 -> "<script>x</script>";
            case 11 -> "NaN";
            case 12 -> "GREEN";
            case 13 -> "9223372036854775808";
            case 14 -> randomString(random, 1 + random.nextInt(random.nextInt(10) == 0 ? 5000 : 20));
            default -> "城关区 江南区 工信局";
        };
    }

    private static final String ODD = "%&=?#/\\\"'{}[]<>";

    static String randomString(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            int c = switch (random.nextInt(5)) {
                case 0 -> 0x4E00 + random.nextInt(0x9FFF - 0x4E00);
                case 1 -> 0x20 + random.nextInt(0x5F);
                case 2 -> random.nextInt(0x110000);
                case 3 -> ODD.charAt(random.nextInt(ODD.length()));
                default -> 'a' + random.nextInt(26);
            };
            if (Character.isValidCodePoint(c) && !(c >= 0xD800 && c <= 0xDFFF)) {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    static String body(Random random, List<String> fields) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> {
                StringBuilder object = new StringBuilder("{");
                List<String> names = new ArrayList<>(fields);
                if (names.isEmpty() || random.nextInt(5) == 0) {
                    names.add(randomString(random, 6));
                }
                for (Iterator<String> it = names.iterator(); it.hasNext(); ) {
                    String name = it.next();
                    if (random.nextInt(4) == 0) {
                        continue;
                    }
                    if (object.length() > 1) {
                        object.append(',');
                    }
                    object.append(quote(name)).append(':').append(value(random, 3));
                }
                yield object.append('}').toString();
            }
            case 4, 5 -> value(random, 6);
            case 6 -> {
                int depth = 50 + random.nextInt(3000);
                boolean arrays = random.nextBoolean();
                yield (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
            }
            case 7 -> "{" + quote(fields.isEmpty() ? "title" : fields.get(random.nextInt(fields.size()))) + ":"
                    + quote("长".repeat(1000 + random.nextInt(random.nextInt(4) == 0 ? 2_000_000 : 100_000))) + "}";
            default -> List.of("NaN", "{\"a\":NaN}", "[1,2", "{\"a\":}", "1e999999", "{\"a\":-Infinity}", "",
                    "null", "{\"a\":\"\\ud800\"}", "{\"a\":1}{\"b\":2}", "\"just a string\"", "{'a':1}",
                    "{\"version\":\"x\"}").get(random.nextInt(13));
        };
    }

    static String value(Random random, int depth) {
        int kind = random.nextInt(depth <= 0 ? 7 : 9);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> Long.toString(random.nextLong() >> random.nextInt(64));
            case 3 -> List.of("1e308", "-1e308", "1.5", "-0", "0.000000000000001", "123456789012345678901234567890",
                    "1E+400").get(random.nextInt(7));
            case 4, 5 -> quote(scalarText(random));
            case 6 -> quote(randomString(random, random.nextInt(40)));
            case 7 -> {
                StringBuilder array = new StringBuilder("[");
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    array.append(i > 0 ? "," : "").append(value(random, depth - 1));
                }
                yield array.append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    object.append(i > 0 ? "," : "").append(quote(randomString(random, 5))).append(':')
                            .append(value(random, depth - 1));
                }
                yield object.append('}').toString();
            }
        };
    }

    static String quote(String s) {
        return "\"" + EarlyRefusal.jsonText(s) + "\"";
    }

    public static void main(String[] args) throws Exception {
        long inputs = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        try (ConfigurableApplicationContext app = start(Path.of("target", "fuzz-command-data"))) {
            ApiFuzz fuzz = new ApiFuzz(baseOf(app));
            System.out.println("Operations: " + fuzz.operations().size());
            AtomicLong done = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                int lane = t;
                pool.submit(() -> {
                    for (long i = lane; i < inputs; i += threads) {
                        try {
                            Outcome outcome = fuzz.call(seed * 1_000_003L + i);
                            if (outcome.status() >= 500) {
                                errors.incrementAndGet();
                                if (failures.size() < 50) {
                                    failures.add("seed " + (seed * 1_000_003L + i) + ": " + outcome.describe());
                                }
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            if (failures.size() < 50) {
                                failures.add("seed " + (seed * 1_000_003L + i) + ": " + e);
                            }
                        }
                        long n = done.incrementAndGet();
                        if (n % 10_000 == 0) {
                            System.out.printf("%,d calls, %,d failures, %.0f calls/s%n", n, errors.get(),
                                    n / ((System.nanoTime() - started) / 1e9));
                        }
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(7, TimeUnit.DAYS);
            System.out.printf("Done: %,d calls, %,d answered 5xx or failed, %.0f s%n", done.get(), errors.get(),
                    (System.nanoTime() - started) / 1e9);
            failures.forEach(System.out::println);
        }
    }
}
