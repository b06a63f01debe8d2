package cn.luoshi.cockpit;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.luoshi.LuoshiApplication;
import cn.luoshi.common.CreditCode;
import cn.luoshi.org.NewUser;
import cn.luoshi.org.Role;
import cn.luoshi.org.UserAccounts;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The load soak: concurrent users of every kind working at once for a set time — officials who sign in by the form,
 * open the home page, the supervision board, their tasks, the cockpit and the task export, and file progress
 * reports; citizens and enterprises who open the public form and file appeals — against the demo city or the
 * province of DESIGN.md's scale. It counts every answer that is not the one a user expects (a 5xx, a refusal, a
 * timeout, a broken connection) as an error, states each action's p50/p95/p99, and the heap kept after a full
 * collection once warm and at the end.
 *
 * <p>Each user reads a page for three to twelve seconds before the next click, and comes from an address of its
 * own (behind the trusted local proxy), as real users do, so the sign-in and filing limits per address apply to
 * each as they would in production.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx3g -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.luoshi.cockpit.LoadSoak \
 *     [users=200] [minutes=30] [data=province|demo] [reuse]
 * </pre>
 *
 * <p>With {@code reuse}, a province built by an earlier run (its data folder marked {@value #BUILT}) is used again
 * instead of being generated anew, which takes minutes; the soak's own accounts are then kept too.
 */
public final class LoadSoak {

    static final String ADMIN_PASSWORD = "SoakAdmin2026";
    static final String PASSWORD = "SoakUser2026go";
    static final String BUILT = "province.built";
    /** A person reads each page for three to twelve seconds before the next click. */
    static final int THINK_MIN_MS = 3000;
    static final int THINK_MAX_MS = 12000;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    /** How many users, for how long, on which data, in which data folder. */
    public record Options(int users, Duration duration, boolean province, Path data) {
    }

    /** What one action took and how often it went wrong. */
    public record Action(String name, long count, long errors, double p50, double p95, double p99) {
    }

    /** The figures of one run. */
    public record Figures(int users, double seconds, long requests, long errors, List<String> firstErrors,
                          List<Action> actions, long heapWarmBytes, long heapEndBytes, String data) {

        public double requestsPerSecond() {
            return requests / seconds;
        }

        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "Load soak on %s: %d users for %.0f s, %,d requests (%.1f/s), %d errors",
                    data, users, seconds, requests, requestsPerSecond(), errors));
            for (Action a : actions) {
                out.add(String.format(Locale.ROOT, "  %-12s %,8d calls  %d errors  p50 %6.0f ms  p95 %6.0f ms  p99 %6.0f ms",
                        a.name(), a.count(), a.errors(), a.p50(), a.p95(), a.p99()));
            }
            out.add(String.format(Locale.ROOT, "  heap kept after a full collection: %.0f MB warm, %.0f MB at the end",
                    heapWarmBytes / 1048576.0, heapEndBytes / 1048576.0));
            firstErrors.forEach(e -> out.add("  error: " + e));
            return out;
        }
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        boolean province = args.length <= 2 || !"demo".equals(args[2]);
        Path data = Path.of("target", "soak-data");
        boolean reuse = province && args.length > 3 && "reuse".equals(args[3]) && Files.exists(data.resolve(BUILT));
        int status = 0;
        try (ConfigurableApplicationContext app = reuse ? open(data) : start(data)) {
            if (province && !reuse) {
                CockpitBenchmark.buildProvinceInto(app);
                Files.writeString(data.resolve(BUILT), "the province of DESIGN.md's scale\n");
            }
            Figures figures = run(app, new Options(users, Duration.ofMinutes(minutes), province, data));
            figures.lines().forEach(System.out::println);
            Files.write(data.resolve("soak-results.txt"), figures.lines());
            status = figures.errors() == 0 ? 0 : 1;
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    /** The application on a fresh data folder of its own, with the demo city. */
    public static ConfigurableApplicationContext start(Path data) throws IOException {
        if (Files.exists(data)) {
            try (var paths = Files.walk(data)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return SpringApplication.run(LuoshiApplication.class, "--luoshi.data-dir=" + data.toAbsolutePath(),
                "--luoshi.demo=true", "--luoshi.admin-password=" + ADMIN_PASSWORD, "--luoshi.demo-password=" + PASSWORD,
                "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--logging.level.cn.luoshi=WARN");
    }

    /** The application on a data folder kept from an earlier run. */
    static ConfigurableApplicationContext open(Path data) {
        return SpringApplication.run(LuoshiApplication.class, "--luoshi.data-dir=" + data.toAbsolutePath(),
                "--luoshi.demo=true", "--luoshi.admin-password=" + ADMIN_PASSWORD, "--luoshi.demo-password=" + PASSWORD,
                "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--logging.level.cn.luoshi=WARN");
    }

    // ---- the run

    public static Figures run(ConfigurableApplicationContext app, Options options) throws Exception {
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        String root = options.province() ? "980000" : "990100";
        List<User> users = accounts(app, jdbc, root, options.users());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Stats stats = new Stats();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long startedAt = System.nanoTime();
        long warmAt = startedAt + options.duration().toNanos() / 5;
        long endAt = startedAt + options.duration().toNanos();
        CountDownLatch done = new CountDownLatch(users.size());
        List<Thread> threads = new ArrayList<>();
        for (User user : users) {
            Thread t = Thread.ofPlatform().name("soak-" + user.name).daemon().start(() -> {
                try {
                    new Session(http, base, user, stats).work(endAt);
                } finally {
                    done.countDown();
                }
            });
            threads.add(t);
        }
        long now;
        while ((now = System.nanoTime()) < warmAt) {
            Thread.sleep(Math.min(1000, Math.max(1, (warmAt - now) / 1_000_000)));
        }
        long heapWarm = heapAfterCollection(memory);
        done.await();
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        long heapEnd = heapAfterCollection(memory);
        return new Figures(users.size(), seconds, stats.requests.get(), stats.errors.get(),
                List.copyOf(stats.firstErrors), stats.actions(), heapWarm, heapEnd,
                options.province() ? "the province (" + root + ")" : "the demo city (" + root + ")");
    }

    private static long heapAfterCollection(MemoryMXBean memory) {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    // ---- who works

    enum Kind { LEADER, SUPERVISOR, HANDLER, FILER }

    /**
     * One virtual user: its account (none for a citizen), its address, the tasks it opens, and whether it works at
     * the top of the data set (the province itself), whose pages count everything and are timed apart ({@code @top}).
     */
    record User(String name, Kind kind, int number, long[] tasks, boolean top) {
    }

    /**
     * Accounts for the officials, created for the run: one in four a leader, one in four the supervision office,
     * the rest handlers of the departments leading the most working tasks; every fifth user a citizen filing
     * appeals without an account. Leaders and supervisors work where a province has them: one in ten at the top,
     * three in ten in a city, six in ten in a county (a province has one government, 16 cities and 150 counties,
     * each with its leaders and its supervision office).
     */
    static List<User> accounts(ConfigurableApplicationContext app, JdbcTemplate jdbc, String rootCode, int count) {
        UserAccounts accounts = app.getBean(UserAccounts.class);
        long root = jdbc.queryForObject("select id from org_unit where code = ?", Long.class, rootCode);
        String subtree = "(select id from org_unit where path like (select path from org_unit where id = " + root
                + ") || '%')";
        String working = "('ASSIGNED','ACCEPTED','IN_PROGRESS')";
        long[] scopeTasks = jdbc.queryForList("select id from task where status in " + working
                + " and lead_unit_id in " + subtree + " order by id limit 500", Long.class)
                .stream().mapToLong(Long::longValue).toArray();
        List<Map<String, Object>> leading = jdbc.queryForList("select lead_unit_id as unit, count(*) as n from task"
                + " where status in ('ACCEPTED','IN_PROGRESS') and lead_unit_id in " + subtree
                + " group by lead_unit_id order by count(*) desc, lead_unit_id limit 60");
        if (scopeTasks.length == 0 || leading.isEmpty()) {
            throw new IllegalStateException("no working tasks under " + rootCode);
        }
        List<Long> cities = jdbc.queryForList("select id from org_unit where parent_id = ? and kind = 'REGION'"
                + " order by path", Long.class, root);
        List<Long> counties = jdbc.queryForList("select c.id from org_unit c join org_unit p on p.id = c.parent_id"
                + " where p.parent_id = ? and p.kind = 'REGION' and c.kind = 'REGION' order by c.path", Long.class, root);
        Map<Long, long[]> tasksUnder = new java.util.HashMap<>();
        List<User> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Kind kind = i % 5 == 4 ? Kind.FILER : i % 5 == 0 ? Kind.LEADER : i % 5 == 1 ? Kind.SUPERVISOR : Kind.HANDLER;
            String name = "soak" + i;
            long[] tasks = scopeTasks;
            long at = root;
            if (kind == Kind.LEADER || kind == Kind.SUPERVISOR) {
                int k = i / 5;
                at = k % 10 == 0 || cities.isEmpty() ? root
                        : k % 10 <= 3 || counties.isEmpty() ? cities.get(k % cities.size())
                        : counties.get(k % counties.size());
                if (at != root) {
                    name = "soak" + i + "at" + at;
                    tasks = tasksUnder.computeIfAbsent(at, u -> jdbc.queryForList("select id from task where status in "
                            + working + " and lead_unit_id in (select id from org_unit where path like (select path"
                            + " from org_unit where id = ?) || '%') order by id limit 500", Long.class, u)
                            .stream().mapToLong(Long::longValue).toArray());
                    if (tasks.length == 0) {
                        at = root;
                        name = "soak" + i;
                        tasks = scopeTasks;
                    }
                }
            }
            boolean exists = jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class,
                    name) > 0;
            switch (exists && kind != Kind.HANDLER ? Kind.FILER : kind) {
                case LEADER -> accounts.createSystem(new NewUser(name, "压测领导" + i, PASSWORD, at, null,
                        Set.of(Role.LEADER), null, null));
                case SUPERVISOR -> accounts.createSystem(new NewUser(name, "压测督查" + i, PASSWORD, at, null,
                        Set.of(Role.SUPERVISOR), null, null));
                case HANDLER -> {
                    long unit = exists
                            ? jdbc.queryForObject("select unit_id from app_user where username = ?", Long.class, name)
                            : ((Number) leading.get(i % leading.size()).get("unit")).longValue();
                    if (!exists) {
                        accounts.createSystem(new NewUser(name, "压测经办" + i, PASSWORD, unit, null,
                                Set.of(Role.UNIT_HANDLER), null, null));
                    }
                    // progress is reported on tasks the unit has accepted; a task still to be signed for refuses it
                    tasks = jdbc.queryForList("select id from task where status in ('ACCEPTED','IN_PROGRESS')"
                            + " and lead_unit_id = ? order by id limit 50", Long.class, unit)
                            .stream().mapToLong(Long::longValue).toArray();
                }
                case FILER -> {
                }
            }
            users.add(new User(name, kind, i, tasks,
                    (kind == Kind.LEADER || kind == Kind.SUPERVISOR) && at == root));
        }
        return users;
    }

    // ---- one user's session

    private static final class Session {
        private final HttpClient http;
        private final String base;
        private final User user;
        private final Stats stats;
        private final Random random;
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private String csrf;
        private int citizen;

        Session(HttpClient http, String base, User user, Stats stats) {
            this.http = http;
            this.base = base;
            this.user = user;
            this.stats = stats;
            this.random = new Random(user.number());
        }

        private String address() {
            // a citizen is a new person (and address) for each filing; an official keeps one address
            int n = user.kind() == Kind.FILER ? user.number() * 10_000 + citizen : user.number();
            return "10." + (64 + n / 65_536 % 64) + "." + (n / 256 % 256) + "." + (n % 256);
        }

        void work(long endAt) {
            int step = 0;
            // users start over the first thirty seconds, as a morning's sign-ins spread, not all in one instant
            think(endAt, random.nextInt(30_000));
            while (System.nanoTime() < endAt) {
                if (user.kind() == Kind.FILER) {
                    fileAppeal();
                    citizen++;
                    think(endAt, THINK_MIN_MS + random.nextInt(THINK_MAX_MS - THINK_MIN_MS));
                    continue;
                }
                // a person sent back to the sign-in page signs in again before the next click
                if (step % 25 == 0 || csrf == null) {
                    signIn();
                }
                long task = user.tasks()[random.nextInt(user.tasks().length)];
                String top = user.top() ? "@top" : "";
                switch (user.kind()) {
                    case LEADER -> pick(step, () -> page("cockpit" + top, "/cockpit"),
                            () -> page("board" + top, "/tasks"), () -> page("task" + top, "/tasks/" + task),
                            () -> page("home" + top, "/"), () -> page("report" + top, "/api/v1/cockpit"));
                    case SUPERVISOR -> pick(step, () -> page("board" + top, "/tasks"),
                            () -> page("task" + top, "/tasks/" + task),
                            () -> page("board" + top, "/tasks?status=IN_PROGRESS"), () -> page("home" + top, "/"),
                            () -> page("appeals" + top, "/appeals"));
                    case HANDLER -> pick(step, () -> page("home", "/"), () -> page("board", "/tasks"),
                            () -> page("task", "/tasks/" + task), () -> progress(task), () -> page("inbox", "/inbox"));
                    default -> throw new IllegalStateException();
                }
                step++;
                think(endAt, THINK_MIN_MS + random.nextInt(THINK_MAX_MS - THINK_MIN_MS));
            }
        }

        // the pause a person takes to read a page before the next click; not a measurement
        private static void think(long endAt, long millis) {
            long left = (endAt - System.nanoTime()) / 1_000_000;
            try {
                Thread.sleep(Math.max(0, Math.min(millis, left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void pick(int step, Runnable... actions) {
            actions[step % actions.length].run();
        }

        // sign in by the form, as a browser does: the form's token, then the post, then the landing page
        private void signIn() {
            cookies.clear();
            csrf = null;
            long t = System.nanoTime();
            HttpResponse<String> form = send("signIn", get("/login"));
            if (form == null) {
                return;
            }
            Matcher m = CSRF.matcher(form.body());
            if (!m.find()) {
                stats.error("signIn", "no CSRF token on the sign-in page");
                return;
            }
            String body = "username=" + enc(user.name()) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(m.group(1));
            HttpResponse<String> posted = send("signIn", request("/login")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (posted == null) {
                return;
            }
            String location = posted.headers().firstValue("Location").orElse("");
            // the form sends a refused sign-in back with ?error, and one the database was too busy for with ?busy
            if (posted.statusCode() != 302 || location.contains("error") || location.contains("busy")) {
                stats.error("signIn", posted.statusCode() + " to " + location);
                return;
            }
            HttpResponse<String> home = follow("signIn", "/");
            if (home != null && expect("signIn", home, 200)) {
                csrf = csrfOf(home.body());
                stats.time("signIn", System.nanoTime() - t);
            }
        }

        private void page(String action, String path) {
            long t = System.nanoTime();
            HttpResponse<String> response = follow(action, path);
            if (response != null && expect(action, response, 200)) {
                stats.time(action, System.nanoTime() - t);
            }
        }

        // a page may send its user on (the home page sends a leader to the cockpit); never to the sign-in page
        private HttpResponse<String> follow(String action, String path) {
            HttpResponse<String> response = send(action, get(path));
            for (int hops = 0; response != null && response.statusCode() == 302 && hops < 3; hops++) {
                String location = response.headers().firstValue("Location").orElse("");
                URI next = response.uri().resolve(location);
                if (next.getPath().startsWith("/login")) {
                    csrf = null;
                    return response;
                }
                response = send(action, get(next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery())));
            }
            return response;
        }

        // the handler restates the task's progress with a new note, as a weekly report does
        private void progress(long task) {
            long t = System.nanoTime();
            HttpResponse<String> detail = send("progress", get("/api/v1/tasks/" + task));
            if (detail == null || !expect("progress", detail, 200)) {
                return;
            }
            Matcher percent = Pattern.compile("\"progress\"\\s*:\\s*([0-9.]+)").matcher(detail.body());
            String value = percent.find() ? percent.group(1) : "10";
            if (new java.math.BigDecimal(value).compareTo(java.math.BigDecimal.valueOf(100)) >= 0) {
                value = "99";
            }
            String body = "{\"percent\":" + value + ",\"text\":\"本周按计划推进，完成现场核查（压测" + user.number() + "）\"}";
            HttpResponse<String> posted = send("progress", request("/api/v1/tasks/" + task + "/progress")
                    .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf == null ? "" : csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (posted != null && expect("progress", posted, 200, 201)) {
                stats.time("progress", System.nanoTime() - t);
            }
        }

        // a citizen opens the public form, files, and looks the appeal up by its code
        private void fileAppeal() {
            cookies.clear();
            long t = System.nanoTime();
            HttpResponse<String> form = send("appeal", get("/public/appeals/new"));
            if (form == null || !expect("appeal", form, 200)) {
                return;
            }
            int n = user.number() * 10_000 + citizen;
            String creditCode = CreditCode.complete("91990100" + String.format(Locale.ROOT, "%09d", n)).value();
            String body = """
                    {"creditCode":"%s","enterpriseName":"压测企业%d有限公司","contactName":"张经理",
                     "contactPhone":"0714-%07d","categoryCode":"POWER","title":"用电报装进度咨询 %d",
                     "content":"企业新建厂房用电报装已提交%d天，请协助了解办理进度。"}"""
                    .formatted(creditCode, n, n % 10_000_000, n, 3 + n % 20);
            HttpResponse<String> filed = send("appeal", request("/api/v1/appeals")
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (filed == null || !expect("appeal", filed, 200, 201)) {
                return;
            }
            stats.time("appeal", System.nanoTime() - t);
        }

        private HttpRequest.Builder get(String path) {
            return request(path).GET();
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("X-Forwarded-For", address());
            if (!cookies.isEmpty()) {
                StringBuilder header = new StringBuilder();
                cookies.forEach((k, v) -> header.append(header.isEmpty() ? "" : "; ").append(k).append('=').append(v));
                b.header("Cookie", header.toString());
            }
            return b;
        }

        private HttpResponse<String> send(String action, HttpRequest.Builder builder) {
            stats.requests.incrementAndGet();
            try {
                HttpResponse<String> response = http.send(builder.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                for (String c : response.headers().allValues("Set-Cookie")) {
                    String pair = c.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                    }
                }
                return response;
            } catch (IOException e) {
                stats.error(action, e.getClass().getSimpleName() + ": " + e.getMessage());
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stats.error(action, "interrupted");
                return null;
            }
        }

        private boolean expect(String action, HttpResponse<String> response, int... statuses) {
            for (int s : statuses) {
                if (response.statusCode() == s) {
                    return true;
                }
            }
            String body = response.body() == null ? "" : response.body();
            stats.error(action, response.statusCode() + " " + response.request().method() + " "
                    + response.uri().getPath() + " as " + user.name() + ": "
                    + body.substring(0, Math.min(200, body.length())).replaceAll("\\s+", " "));
            return false;
        }

        private static String csrfOf(String page) {
            Matcher m = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
            return m.find() ? m.group(1) : null;
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    // ---- what was measured

    private static final class Stats {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
        private final AtomicInteger kept = new AtomicInteger();
        private final Map<String, ConcurrentLinkedQueue<Long>> times = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> errorsBy = new ConcurrentHashMap<>();

        void time(String action, long nanos) {
            times.computeIfAbsent(action, k -> new ConcurrentLinkedQueue<>()).add(nanos);
        }

        void error(String action, String what) {
            errors.incrementAndGet();
            errorsBy.computeIfAbsent(action, k -> new AtomicLong()).incrementAndGet();
            if (kept.incrementAndGet() <= 10) {
                firstErrors.add(action + ": " + what);
            }
        }

        List<Action> actions() {
            List<Action> out = new ArrayList<>();
            Set<String> names = new java.util.TreeSet<>(times.keySet());
            names.addAll(errorsBy.keySet());
            for (String name : names) {
                long[] nanos = times.getOrDefault(name, new ConcurrentLinkedQueue<>()).stream()
                        .mapToLong(Long::longValue).sorted().toArray();
                long failed = errorsBy.getOrDefault(name, new AtomicLong()).get();
                out.add(new Action(name, nanos.length + failed, failed, ms(nanos, 0.50), ms(nanos, 0.95),
                        ms(nanos, 0.99)));
            }
            return out;
        }

        private static double ms(long[] sorted, double q) {
            if (sorted.length == 0) {
                return 0;
            }
            int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
            return sorted[Math.max(0, i)] / 1e6;
        }
    }

    private LoadSoak() {
    }
}
