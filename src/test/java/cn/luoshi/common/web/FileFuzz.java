package cn.luoshi.common.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.luoshi.common.web.FileSamples.Kind;
import cn.luoshi.common.web.FileSamples.Table;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random uploads to every endpoint that takes a file, API and page alike: observation imports (CSV, XLSX; at once,
 * as a dry run, in the background, and the page's preview), project and progress imports (API and the page's
 * preview), speech files (docx, pdf, txt; the API's extraction and the page that registers them), the working
 * calendar's notice file, appeal attachments (the public API and page, the enterprise's and the staff's forms) and
 * task evidence and project photos (API and page). Each input is wholly decided by its seed: a valid file of a
 * fitting kind made in code, then broken by {@link FileSamples#mutate}, posted under a right or wrong name and part,
 * alone, with others, or not at all, as a role that may upload (now and then one that may not).
 *
 * <p>An input fails when the answer is 5xx; when a refusal (4xx) of the API is not problem+json, or of a page is
 * not an HTML page; when a refused upload changed a row of the tables the endpoint writes (counted before and
 * after, for each endpoint's own tables); when an upload stored a file without the record it belongs to; and when a
 * background import ends FAILED. The application runs on a database of its own.
 *
 * <p>As a command, for many inputs:
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt && java -cp \
 *     target/test-classes:target/classes:$(cat target/cp.txt) cn.luoshi.common.web.FileFuzz [inputs=100000] \
 *     [threads=2] [seed=1] [seconds=unbounded]
 * </pre>
 */
public final class FileFuzz {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern IMPORT_ID = Pattern.compile("/indicators/import/(\\d+)");

    /** How an endpoint shows that an upload was refused, so that its tables must be as they were. */
    enum Writes {
        /** Writes nothing to these tables, whatever it answers (previews, extraction). */
        NEVER,
        /** The API: 2xx may have written, 4xx must not have. */
        UNLESS_REFUSED,
        /** A page that redirects when it wrote and shows the form again (200 or 4xx) when it refused. */
        ONLY_ON_REDIRECT,
        /** A page that redirects either way: all its tables change together or none does. */
        TOGETHER,
        /** An observation import in the background: only one that ends DONE may have written. */
        BACKGROUND_IMPORT
    }

    /**
     * One endpoint taking files. {@code tables}: what it writes (the first is its own record); {@code fileTables}: the
     * tables whose rows name a stored file, whose count must grow as stored_file's does.
     */
    record Target(String name, String path, boolean api, List<String> users, List<String> strangers, String part,
                  boolean multiple, List<Kind> kinds, Writes writes, List<String> tables, List<String> fileTables,
                  String family) {
    }

    /** One upload and how it was answered; {@code failure} is null when nothing was wrong. */
    record Outcome(long seed, String target, String user, String upload, int status, String failure, long millis) {
        String describe() {
            return "seed " + seed + ": " + target + " as " + (user.isEmpty() ? "anonymous" : user) + " -> " + status
                    + " in " + millis + " ms"
                    + (failure == null ? "" : " FAILED: " + failure) + " | " + upload;
        }
    }

    private record Part(String name, String filename, String contentType, byte[] bytes) {
    }

    private final String base;
    private final JdbcClient jdbc;
    private final Path filesDir;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Target> targets = new ArrayList<>();
    private final Map<String, ReentrantLock> families = new LinkedHashMap<>();
    /** A user and a task that user may report progress on, and one for project photos; found at start. */
    private String taskUser = "gxj";
    private long taskId = 1;
    private String projectUser = "fgw";
    private long projectId = 1;
    private String projectCode = "P-1";
    private final long baselineOrphans;

    FileFuzz(ConfigurableApplicationContext app) throws Exception {
        this.base = ApiFuzz.baseOf(app);
        this.jdbc = app.getBean(JdbcClient.class);
        this.filesDir = app.getBean(cn.luoshi.common.LuoshiProperties.class).filesDir();
        discover();
        define();
        for (Target t : targets) {
            families.putIfAbsent(t.family(), new ReentrantLock());
        }
        this.baselineOrphans = orphans();
    }

    List<Target> targets() {
        return targets;
    }

    private void define() {
        List<String> obs = List.of("observation", "observation_history");
        List<Kind> tables = List.of(Kind.CSV, Kind.XLSX);
        List<String> editors = List.of("tjj", "admin");
        targets.add(new Target("API observation import", "/api/v1/observations/import", true, editors,
                List.of("gxj"), "file", false, tables, Writes.UNLESS_REFUSED, obs, List.of(), "indicator"));
        targets.add(new Target("API observation dry run", "/api/v1/observations/import?dryRun=true", true, editors,
                List.of(), "file", false, tables, Writes.NEVER, obs, List.of(), "indicator"));
        targets.add(new Target("API observation import in background", "/api/v1/observations/import?async=true",
                true, editors, List.of(), "file", false, tables, Writes.BACKGROUND_IMPORT, obs, List.of(),
                "indicator"));
        targets.add(new Target("page observation import", "/indicators/import", false, editors, List.of("leader"),
                "file", false, tables, Writes.BACKGROUND_IMPORT, obs, List.of(), "indicator"));

        List<String> projectTables = List.of("project", "project_year", "project_milestone");
        List<String> office = List.of("duchashi", "fgw", "gxj");
        targets.add(new Target("API project import", "/api/v1/projects/import", true, office, List.of("qiye1"),
                "file", false, tables, Writes.UNLESS_REFUSED, projectTables, List.of(), "records"));
        targets.add(new Target("API project import dry run", "/api/v1/projects/import?dryRun=true", true, office,
                List.of(), "file", false, tables, Writes.NEVER, projectTables, List.of(), "records"));
        targets.add(new Target("API progress import", "/api/v1/projects/progress/import", true, office,
                List.of(), "file", false, tables, Writes.UNLESS_REFUSED, List.of("project_month"), List.of(),
                "records"));
        targets.add(new Target("page project import", "/projects/import?kind=projects", false, office,
                List.of("tjj"), "file", false, tables, Writes.NEVER, projectTables, List.of(), "records"));
        targets.add(new Target("page progress import", "/projects/import?kind=progress", false, office,
                List.of(), "file", false, tables, Writes.NEVER, List.of("project_month"), List.of(), "records"));

        List<Kind> speech = List.of(Kind.DOCX, Kind.PDF, Kind.TEXT);
        List<String> supervisors = List.of("duchashi", "admin");
        targets.add(new Target("API speech extraction", "/api/v1/speech/extract", true, supervisors,
                List.of("gxj"), "file", false, speech, Writes.NEVER, List.of("speech_import"), List.of(), "text"));
        targets.add(new Target("page speech", "/speech", false, supervisors, List.of(), "file", false, speech,
                Writes.ONLY_ON_REDIRECT, List.of("speech_import"), List.of(), "text"));
        targets.add(new Target("page calendar notice", "/appeals/calendar/preview?year=2027", false, supervisors,
                List.of("cgq"), "file", false, List.of(Kind.TEXT, Kind.CSV), Writes.NEVER,
                List.of("appeal_calendar_day", "appeal_calendar_year", "appeal_calendar_revision"), List.of(),
                "text"));

        List<Kind> evidence = List.of(Kind.PDF, Kind.PNG, Kind.JPEG, Kind.DOCX, Kind.XLSX, Kind.TEXT, Kind.CSV);
        List<String> appealTables = List.of("appeal", "appeal_event", "appeal_attachment", "stored_file");
        targets.add(new Target("API appeal", "/api/v1/appeals", true, List.of("", "qiye1", "ysj"), List.of(),
                "files", true, evidence, Writes.UNLESS_REFUSED, appealTables, List.of("appeal_attachment"),
                "records"));
        targets.add(new Target("page public appeal", "/public/appeals", false, List.of(""), List.of(), "files", true,
                evidence, Writes.ONLY_ON_REDIRECT, appealTables, List.of("appeal_attachment"), "records"));
        targets.add(new Target("page enterprise appeal", "/appeals/submit", false, List.of("qiye1"), List.of(),
                "files", true, evidence, Writes.ONLY_ON_REDIRECT, appealTables, List.of("appeal_attachment"),
                "records"));
        targets.add(new Target("page staff appeal", "/appeals/new", false, List.of("ysj", "duchashi"), List.of(),
                "files", true, evidence, Writes.ONLY_ON_REDIRECT, appealTables, List.of("appeal_attachment"),
                "records"));

        List<String> taskTables = List.of("task_report", "task_report_file", "stored_file", "task_event");
        targets.add(new Target("API task evidence", "/api/v1/tasks/" + taskId + "/progress", true,
                List.of(taskUser), List.of("qiye1"), "files", true, evidence, Writes.UNLESS_REFUSED, taskTables,
                List.of("task_report_file"), "records"));
        targets.add(new Target("page task evidence", "/tasks/" + taskId + "/progress", false, List.of(taskUser),
                List.of(), "files", true, evidence, Writes.TOGETHER, taskTables, List.of("task_report_file"),
                "records"));

        int year = LocalDate.now().getYear();
        targets.add(new Target("API project photos", "/api/v1/projects/" + projectId + "/photos?year=" + year
                + "&month=1", true, List.of(projectUser), List.of("tjj"), "file", true,
                List.of(Kind.PNG, Kind.JPEG, Kind.PDF), Writes.UNLESS_REFUSED, List.of("project_photo",
                "stored_file"), List.of("project_photo"), "records"));
        targets.add(new Target("page project progress with photos", "/projects/" + projectId + "/progress?year="
                + year + "&month=2", false, List.of(projectUser), List.of(), "photos", true,
                List.of(Kind.PNG, Kind.JPEG, Kind.PDF), Writes.TOGETHER, List.of("project_month", "project_photo",
                "stored_file"), List.of("project_photo"), "records"));
    }

    /** Finds a task its handler may report on and a project whose office may add photos. */
    private void discover() throws Exception {
        for (String user : List.of("gxj", "fgw", "cgq", "zjj", "swj")) {
            JsonNode tasks = JSON.readTree(send(request("/api/v1/tasks?size=100", user, true).GET().build()).body());
            for (JsonNode t : tasks.path("content")) {
                JsonNode detail = JSON.readTree(send(request("/api/v1/tasks/" + t.path("id").asLong(), user, true)
                        .GET().build()).body());
                for (JsonNode action : detail.path("allowedActions")) {
                    if (action.asString().equals("REPORT_PROGRESS") && !detail.path("requiresHeadApproval")
                            .asBoolean()) {
                        taskUser = user;
                        taskId = t.path("id").asLong();
                        break;
                    }
                }
                if (taskId != 1) {
                    break;
                }
            }
            if (taskId != 1) {
                break;
            }
        }
        byte[] png = FileSamples.image(new Random(1), "png");
        search:
        for (String user : List.of("fgw", "gxj", "zjj", "cgq", "duchashi")) {
            JsonNode projects = JSON.readTree(send(request("/api/v1/projects?size=50", user, true).GET().build())
                    .body());
            for (JsonNode p : projects.path("content")) {
                int status = post(p.path("id").asLong() > 0 ? "/api/v1/projects/" + p.path("id").asLong()
                        + "/photos?year=" + LocalDate.now().getYear() + "&month=1" : "/", user, true,
                        List.of(new Part("file", "site.png", "image/png", png)), Map.of(), null).statusCode();
                if (status == 200) {
                    projectUser = user;
                    projectId = p.path("id").asLong();
                    projectCode = p.path("code").asString();
                    break search;
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------- one input

    /** One random upload, decided wholly by the seed, and what was wrong with its answer. */
    Outcome call(long seed) throws Exception {
        Random random = new Random(seed);
        Target target = targets.get(random.nextInt(targets.size()));
        boolean stranger = !target.strangers().isEmpty() && random.nextInt(12) == 0;
        List<String> users = stranger ? target.strangers() : target.users();
        String user = users.get(random.nextInt(users.size()));
        List<String> described = new ArrayList<>();
        List<Part> parts = parts(target, random, seed, described);
        Map<String, String> fields = fields(target, random, seed);
        boolean brokenEnvelope = random.nextInt(25) == 0;
        if (brokenEnvelope) {
            described.add("broken multipart");
        }
        ReentrantLock lock = families.get(target.family());
        lock.lock();
        long started = System.nanoTime();
        try {
            Map<String, Long> before = counts(target);
            HttpResponse<byte[]> response = post(target.path(), user, target.api(), parts, fields, brokenEnvelope
                    ? random : null);
            int status = response.statusCode();
            if (Boolean.getBoolean("filefuzz.verbose")) {
                String answer = new String(response.body(), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
                System.out.println(seed + " " + target.name() + " " + user + " " + status + " " + described + " => "
                        + answer.substring(0, Math.min(300, answer.length())));
            }
            String failure = judge(target, user, response);
            if (failure == null) {
                failure = unchanged(target, user, response, before);
            }
            return new Outcome(seed, target.name(), user, String.join(", ", described), status, failure,
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            lock.unlock();
        }
    }

    private List<Part> parts(Target target, Random random, long seed, List<String> described) {
        int count = random.nextInt(10) == 0 ? 0 : random.nextInt(8) == 0 ? 2 + random.nextInt(6) : 1;
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Kind kind = random.nextInt(6) == 0 ? Kind.values()[random.nextInt(Kind.values().length)]
                    : target.kinds().get(random.nextInt(target.kinds().size()));
            Table table = table(target, random, seed);
            String text = text(random, seed);
            byte[] bytes = FileSamples.make(kind, table, text, random);
            List<String> what = new ArrayList<>();
            int mutations = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(random.nextInt(3) + 1);
            for (int m = 0; m < mutations; m++) {
                bytes = FileSamples.mutate(bytes, kind, table, text, random, what);
            }
            if (random.nextInt(60) == 0) {
                // Over the upload limits of appeals, evidence and photos (10 MB), not of the imports.
                bytes = java.util.Arrays.copyOf(bytes, 10 * 1024 * 1024 + 1 + random.nextInt(1024));
                what.add("padded past 10 MB");
            }
            String name = random.nextInt(14) == 0 ? List.of("upload", "file", "files", "photos", "attachment", "")
                    .get(random.nextInt(6)) : target.part();
            String filename = filename(kind, random);
            String type = List.of("application/octet-stream", "text/csv", "application/pdf", "image/png",
                    "text/plain; charset=GBK", "application/x-msdownload", "", "multipart/mixed")
                    .get(random.nextInt(8));
            described.add(name + "=" + (filename == null ? "(no filename)" : "\"" + clip(filename) + "\"") + " "
                    + kind + " " + bytes.length + " bytes" + (what.isEmpty() ? "" : " " + what));
            parts.add(new Part(name, filename, type, bytes));
        }
        if (count == 0) {
            described.add("no file");
        }
        return parts;
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…(" + s.length() + ")" : s;
    }

    private static String filename(Kind kind, Random random) {
        String stem = List.of("数据", "report", "讲话稿", "现场照片", "a", "../../etc/passwd", "C:\\Users\\x\\表",
                "名".repeat(300), "nul\u0000name", "tab\tname", "\"quoted\"", "新 建 文 件",
                "x".repeat(250 + random.nextInt(200)), "长".repeat(90 + random.nextInt(60))).get(random.nextInt(14));
        return switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> stem;
            case 3 -> stem + "." + Kind.values()[random.nextInt(Kind.values().length)].extension;
            case 4 -> stem + "." + kind.extension.toUpperCase(java.util.Locale.ROOT);
            case 5 -> stem + "." + List.of("exe", "doc", "wps", "xls", "zip", "html", "svg", "csv.exe", "pdf.",
                    "txt ").get(random.nextInt(10));
            default -> stem + "." + kind.extension;
        };
    }

    /** A valid table for the target's importer, with a code from the seed so that a written one is new. */
    private Table table(Target target, Random random, long seed) {
        List<List<String>> rows = new ArrayList<>();
        String tag = Long.toString(Math.abs(seed) % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
        int count = 1 + random.nextInt(5);
        if (target.path().contains("/progress/import") || target.path().contains("kind=progress")) {
            rows.add(List.of("项目编号", "年份", "月份", "当月完成投资（万元）", "形象进度"));
            for (int i = 0; i < count; i++) {
                rows.add(List.of(projectCode, "2026", Integer.toString(1 + random.nextInt(6)),
                        Integer.toString(random.nextInt(500)), "施工" + i));
            }
        } else if (target.path().contains("projects")) {
            rows.add(List.of("项目编号", "项目名称", "项目类别", "所属专项", "牵头单位", "所在地区", "总投资（万元）",
                    "开工年份", "竣工年份", "建设阶段", "2026年计划投资（万元）"));
            for (int i = 0; i < count; i++) {
                rows.add(List.of("FZ-" + tag + "-" + i, "模糊测试项目" + tag + i, "基础设施", "十大重点基础工程",
                        "市发展和改革委员会", "城关区", Integer.toString(1000 + random.nextInt(9000)), "2026", "2027",
                        "在建", Integer.toString(random.nextInt(900))));
            }
        } else {
            rows.add(List.of("指标", "单位", "期间", "类型", "数值"));
            for (int i = 0; i < count; i++) {
                rows.add(List.of(random.nextBoolean() ? "技术合同成交额" : "地区生产总值",
                        random.nextBoolean() ? "990102" : "990103", Integer.toString(2015 + random.nextInt(10)),
                        "当期", Integer.toString(random.nextInt(100_000))));
            }
        }
        return new Table(rows);
    }

    private static String text(Random random, long seed) {
        return switch (random.nextInt(4)) {
            case 0 -> "# 模糊测试通知 " + seed + "\n2027-0" + (1 + random.nextInt(9)) + "-01~2027-0"
                    + (1 + random.nextInt(9)) + "-03,休,测试假日\n2027-02-06,班,调休\n";
            case 1 -> "Speech " + seed + "\nBy the end of 2026 complete fixed asset investment of 100 billion yuan.\n";
            default -> "一、抓好项目建设（" + seed + "）\n今年要完成固定资产投资增长8%，新开工亿元以上项目50个。\n"
                    + "二、优化营商环境\n年底前完成企业开办时间压缩至1个工作日以内。\n";
        };
    }

    private Map<String, String> fields(Target target, Random random, long seed) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (target.path().contains("appeal") && !target.path().contains("calendar")) {
            fields.put("creditCode", cn.luoshi.org.DemoCity.QIYE1_CREDIT_CODE);
            fields.put("enterpriseName", "示例重工机械有限公司");
            fields.put("contactName", "王经理");
            fields.put("contactPhone", "0714-62" + String.format("%05d", Math.abs(seed) % 100_000));
            fields.put("categoryCode", random.nextBoolean() ? "PERMIT" : "POLICY");
            fields.put("title", "上传测试 " + seed);
            fields.put("content", "附件测试，编号 " + seed + "，请核实现场情况。");
            fields.put("confirmDuplicate", "true");
            if (target.path().equals("/appeals/new")) {
                fields.put("channel", "STAFF_PHONE");
            }
        } else if (target.path().contains("/tasks/")) {
            fields.put("percent", Integer.toString(random.nextInt(90)));
            fields.put("text", "进展与佐证 " + seed);
        } else if (target.path().contains("/progress?")) {
            fields.put("completed", Integer.toString(random.nextInt(50)));
            fields.put("physicalProgress", "施工中 " + seed);
        }
        if (random.nextInt(20) == 0 && !fields.isEmpty()) {
            // A field with a NUL or an odd value beside the file.
            String key = new ArrayList<>(fields.keySet()).get(random.nextInt(fields.size()));
            fields.put(key, FileSamples.odd(random));
        }
        return fields;
    }

    // ------------------------------------------------------------------------------------------- HTTP

    private HttpRequest.Builder request(String pathAndQuery, String user, boolean api) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(120)).header("Accept", api ? "application/json" : "text/html")
                .header("X-Forwarded-For", "198.18.1." + (Math.abs(pathAndQuery.hashCode()) % 250 + 1));
        if (!user.isEmpty()) {
            String password = user.equals("admin") ? ApiFuzz.ADMIN_PASSWORD : ApiFuzz.DEMO_PASSWORD;
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts the parts as multipart/form-data; with {@code breaker}, the envelope itself is broken. */
    private HttpResponse<byte[]> post(String path, String user, boolean api, List<Part> parts,
                                      Map<String, String> fields, Random breaker) throws Exception {
        HttpRequest.Builder builder = request(path, user, api);
        if (!api && user.isEmpty()) {
            // An anonymous page form carries the CSRF token of its session.
            HttpResponse<byte[]> form = send(request("/public/appeals/new", "", false).GET().build());
            Matcher token = CSRF.matcher(new String(form.body(), StandardCharsets.UTF_8));
            if (token.find()) {
                builder.header("X-CSRF-TOKEN", token.group(1));
            }
            form.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                    .reduce((a, b) -> a + "; " + b).ifPresent(c -> builder.header("Cookie", c));
        }
        String boundary = "----filefuzz" + Long.toHexString(parts.hashCode() * 31L + fields.size());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Part part : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.filename() == null ? "" : "; filename=\"" + part.filename().replace("\"", "%22") + "\"")
                    + (part.contentType().isEmpty() ? "" : "\r\nContent-Type: " + part.contentType()) + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        String contentType = "multipart/form-data; boundary=" + boundary;
        if (breaker != null) {
            switch (breaker.nextInt(5)) {
                case 0 -> bytes = java.util.Arrays.copyOf(bytes, breaker.nextInt(bytes.length));
                case 1 -> contentType = "multipart/form-data";
                case 2 -> contentType = "multipart/form-data; boundary=other";
                case 3 -> contentType = "application/octet-stream";
                default -> bytes = new String(bytes, StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
        }
        return send(builder.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build());
    }

    // ------------------------------------------------------------------------------------------- checks

    /** What is wrong with the answer itself, or null. */
    private static String judge(Target target, String user, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "server error";
        }
        if (status < 400) {
            return null;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (target.api()) {
            if (!type.startsWith("application/problem+json")) {
                return "a refusal of type " + type;
            }
            JsonNode problem = JSON.readTree(body);
            if (problem.path("detail").asString("").isBlank()) {
                return "a problem without detail";
            }
        } else if (!type.startsWith("text/html") || body.isBlank()) {
            return "a page refusal of type " + type + " (" + body.length() + " characters)";
        }
        return null;
    }

    /** Whether the tables are as the answer says they must be, or what changed. */
    private String unchanged(Target target, String user, HttpResponse<byte[]> response, Map<String, Long> before)
            throws Exception {
        int status = response.statusCode();
        Boolean mayHaveWritten = switch (target.writes()) {
            case NEVER -> Boolean.FALSE;
            case UNLESS_REFUSED -> status < 400;
            case ONLY_ON_REDIRECT -> status >= 300 && status < 400;
            case TOGETHER -> Boolean.TRUE;
            case BACKGROUND_IMPORT -> {
                String state = awaitImport(target, user, response);
                yield "FAILED".equals(state) || "RUNNING".equals(state) ? null : "DONE".equals(state);
            }
        };
        Map<String, Long> after = counts(target);
        if (mayHaveWritten == null) {
            return "the background import ended FAILED or did not end";
        }
        List<String> changed = new ArrayList<>();
        for (String table : target.tables()) {
            if (!before.get(table).equals(after.get(table))) {
                changed.add(table + " " + before.get(table) + " -> " + after.get(table));
            }
        }
        if (!mayHaveWritten && !changed.isEmpty()) {
            return "refused, yet changed " + changed;
        }
        if (target.writes() == Writes.TOGETHER && !changed.isEmpty()
                && before.get(target.tables().getFirst()).equals(after.get(target.tables().getFirst()))
                && target.fileTables().stream().allMatch(t -> before.get(t).equals(after.get(t)))) {
            return "half written: " + changed;
        }
        if (!target.fileTables().isEmpty()) {
            long files = after.get("stored_file") - before.get("stored_file");
            long named = target.fileTables().stream().mapToLong(t -> after.get(t) - before.get(t)).sum();
            if (files != named) {
                return files + " stored files for " + named + " attachment rows";
            }
        }
        return null;
    }

    /** Polls a background import to its end and answers its status (RUNNING if it did not end in time). */
    private String awaitImport(Target target, String user, HttpResponse<byte[]> response) throws Exception {
        long id;
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (target.api()) {
            if (response.statusCode() != 202) {
                return response.statusCode() >= 400 ? "REJECTED" : "DONE";
            }
            id = JSON.readTree(body).path("id").asLong();
        } else {
            Matcher m = IMPORT_ID.matcher(body);
            if (!m.find()) {
                return "REJECTED";
            }
            id = Long.parseLong(m.group(1));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            String status = JSON.readTree(send(request("/api/v1/observations/imports/" + id, user, true).GET()
                    .build()).body()).path("status").asString();
            if (!status.equals("RUNNING")) {
                return status;
            }
            Thread.onSpinWait();
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return "RUNNING";
    }

    private Map<String, Long> counts(Target target) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : target.tables()) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        for (String table : target.fileTables()) {
            counts.putIfAbsent(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        counts.putIfAbsent("stored_file", jdbc.sql("select count(*) from stored_file").query(Long.class).single());
        return counts;
    }

    /**
     * Stored files no record names plus files on disk without a row (or rows without a file): an upload must leave
     * neither behind. Only meaningful while no upload is under way.
     */
    long orphans() throws IOException {
        long unnamed = jdbc.sql("""
                select count(*) from stored_file f
                where not exists (select 1 from appeal_attachment a where a.file_id = f.id)
                  and not exists (select 1 from task_report_file t where t.file_id = f.id)
                  and not exists (select 1 from project_photo p where p.file_id = f.id)""")
                .query(Long.class).single();
        long rows = jdbc.sql("select count(*) from stored_file").query(Long.class).single();
        long onDisk = 0;
        if (Files.exists(filesDir)) {
            try (var paths = Files.walk(filesDir)) {
                onDisk = paths.filter(Files::isRegularFile).count();
            }
        }
        return unnamed * 1_000_000L + (onDisk - rows);
    }

    /** Null when no upload left a stored file without its record, or a file on disk without its row. */
    String orphansLeft() throws IOException {
        long now = orphans();
        return now == baselineOrphans ? null : "orphans (unnamed rows × 1,000,000 + files on disk − rows) "
                + baselineOrphans + " -> " + now;
    }

    // ------------------------------------------------------------------------------------------- command

    public static void main(String[] args) throws Exception {
        long inputs = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        // Stops taking new inputs after this many seconds (default: no bound), and still prints the summary.
        long maxSeconds = args.length > 3 ? Long.parseLong(args[3]) : Long.MAX_VALUE / 1_000_000_000L;
        try (ConfigurableApplicationContext app = ApiFuzz.start(Path.of("target", "filefuzz-command-data"))) {
            FileFuzz fuzz = new FileFuzz(app);
            System.out.println("Endpoints: " + fuzz.targets().size());
            AtomicLong done = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            AtomicLong serverErrors = new AtomicLong();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            Map<String, long[]> perTarget = new java.util.concurrent.ConcurrentHashMap<>();
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                int lane = t;
                pool.submit(() -> {
                    for (long i = lane; i < inputs; i += threads) {
                        if (System.nanoTime() - started > maxSeconds * 1_000_000_000L) {
                            break;
                        }
                        long s = seed * 1_000_003L + i;
                        try {
                            Outcome outcome = fuzz.call(s);
                            long[] stat = perTarget.computeIfAbsent(outcome.target(), k -> new long[4]);
                            synchronized (stat) {
                                stat[0]++;
                                stat[1] += outcome.millis();
                                stat[outcome.status() < 400 ? 2 : 3]++;
                            }
                            if (outcome.failure() != null) {
                                errors.incrementAndGet();
                                if (outcome.status() >= 500) {
                                    serverErrors.incrementAndGet();
                                }
                                failures.add(outcome.describe());
                                System.out.println(outcome.describe());
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            failures.add("seed " + s + ": " + e);
                            System.out.println("seed " + s + ": " + e);
                        }
                        long n = done.incrementAndGet();
                        if (n % 1_000 == 0) {
                            System.out.printf("%,d inputs, %,d failures, %.1f inputs/s%n", n, errors.get(),
                                    n / ((System.nanoTime() - started) / 1e9));
                        }
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(7, TimeUnit.DAYS);
            double seconds = (System.nanoTime() - started) / 1e9;
            String orphans = fuzz.orphansLeft();
            System.out.printf("Done: %,d inputs in %.0f s (%.1f inputs/s), %,d failed, %,d of them 5xx%s%n",
                    done.get(), seconds, done.get() / seconds, errors.get(), serverErrors.get(),
                    orphans == null ? "; no orphan files" : "; " + orphans);
            perTarget.forEach((target, stat) -> System.out.printf("  %-40s %,7d inputs, %,6d accepted, %,6d refused,"
                    + " %,6d ms each%n", target, stat[0], stat[2], stat[3], stat[1] / Math.max(1, stat[0])));
            failures.forEach(System.out::println);
        }
    }
}
