package cn.luoshi.indicator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.sql.DataSource;

import cn.luoshi.LuoshiApplication;
import cn.luoshi.common.excel.Spreadsheets;
import cn.luoshi.org.ApiTokens;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnitKind;
import cn.luoshi.org.OrgUnits;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Measures the two figures the issue asks for, on the embedded PostgreSQL in {@code target/bench-data}:
 * <ol>
 * <li>the import rate for a million observations, through {@link ObservationImports#importNow} exactly as the API
 * calls it: a long-layout CSV (1,002,000 rows) imported fresh, again unchanged, and again with every value corrected
 * (so every row goes to the history); then the same values as a wide XLSX as offices keep them;</li>
 * <li>ranking latency at province scale (DESIGN.md): 16 cities and 150 counties, 400 indicators over 120 months,
 * about 9 million observations; rankings among the 16 cities or among one city's counties, by value or growth,
 * measured in the service and over HTTP.</li>
 * </ol>
 * Not a unit test (excluded from {@code verify}). Run: {@code ./mvnw -q test-compile} then
 * {@code java -Xmx3g -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.luoshi.indicator.IndicatorBenchmark}
 * (classpath from {@code ./mvnw dependency:build-classpath -Dmdep.outputFile=target/cp.txt}).
 */
public final class IndicatorBenchmark {

    private static final Path DATA = Path.of("target", "bench-data");
    private static final Path FILES = Path.of("target", "bench");
    private static final String PASSWORD = "Bench2026pass";
    private static final int FIRST_YEAR = 2016;
    private static final int YEARS = 10;

    /** The catalogue's flows and rates: they take YTD and growth rows in the import file. */
    private static final List<String> IMPORTED = List.of("GDP", "GDP_PRIMARY", "GDP_SECONDARY", "GDP_TERTIARY",
            "INDUSTRY_VA", "INDUSTRY_OUTPUT", "PARK_REVENUE", "FISCAL_TOTAL", "FISCAL_GENERAL", "FAI", "RETAIL",
            "FOREIGN_TRADE", "FDI", "URBAN_INCOME", "RURAL_INCOME", "NEW_URBAN_JOBS", "NEW_SCHOOL_PLACES",
            "TECH_CONTRACTS", "GOOD_AIR_DAYS", "GOOD_AIR_RATIO", "TOURISTS", "TOURISM_REVENUE");
    /** These also get monthly period values, to bring the file to a million rows. */
    private static final List<String> WITH_MONTHLY_VALUES = List.of("INDUSTRY_VA", "INDUSTRY_OUTPUT",
            "FISCAL_TOTAL", "FAI", "RETAIL", "FOREIGN_TRADE");

    private final List<String> results = new ArrayList<>();
    private ConfigurableApplicationContext context;
    private LuoshiUser admin;
    private List<OrgUnit> regions;
    private OrgUnit province;
    private List<OrgUnit> cities;

    public static void main(String[] args) throws Exception {
        new IndicatorBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        deleteTree(DATA);
        Files.createDirectories(FILES);
        // Command-line arguments, so they win over application.properties.
        context = new SpringApplicationBuilder(LuoshiApplication.class)
                .run("--luoshi.data-dir=" + DATA.toAbsolutePath(), "--luoshi.admin-password=" + PASSWORD,
                        "--luoshi.demo=true", "--server.port=0", "--logging.level.root=WARN",
                        "--logging.level.cn.luoshi=WARN",
                        "--logging.level.cn.luoshi.indicator.internal.imports=INFO", "--spring.main.banner-mode=off");
        admin = (LuoshiUser) context.getBean(UserDetailsService.class).loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        note("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, JVM heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB; embedded PostgreSQL with default settings");
        buildProvince();
        importMillion();
        if (!Boolean.getBoolean("bench.importOnly")) {
            rankingLatency();
        }
        Files.write(FILES.resolve("results.txt"), results, StandardCharsets.UTF_8);
        context.close();
    }

    // ---- the province ----

    private void buildProvince() {
        OrgUnits units = context.getBean(OrgUnits.class);
        province = units.createSystem(null, "980000", "基准省", OrgUnitKind.REGION, 0);
        cities = new ArrayList<>();
        regions = new ArrayList<>();
        regions.add(province);
        int county = 0;
        for (int c = 1; c <= 16; c++) {
            OrgUnit city = units.createSystem(province.id(), String.format("98%02d00", c), "基准" + c + "市",
                    OrgUnitKind.REGION, c);
            cities.add(city);
            regions.add(city);
            int counties = c <= 6 ? 10 : 9;
            for (int k = 1; k <= counties; k++) {
                regions.add(units.createSystem(city.id(), String.format("98%02d%02d", c, k), "基准" + c + "市" + k
                        + "县", OrgUnitKind.REGION, k));
                county++;
            }
        }
        note("Province: 1 province, " + cities.size() + " cities, " + county + " counties");
    }

    // ---- import ----

    private void importMillion() throws IOException {
        Indicators indicators = context.getBean(Indicators.class);
        Path csv = FILES.resolve("observations-1m.csv");
        long rows = writeCsv(csv, indicators, 0);
        note(String.format(Locale.ROOT, "Import file: %s, %,d rows, %.1f MB", csv.getFileName(), rows,
                Files.size(csv) / 1048576.0));
        timeImport("CSV, first import (all new)", csv);
        timeImport("CSV, same file again (all unchanged)", csv);
        Path corrected = FILES.resolve("observations-1m-corrected.csv");
        writeCsv(corrected, indicators, 1);
        timeImport("CSV, every value corrected (all to history)", corrected);
        Path wide = FILES.resolve("observations-1m-wide.xlsx");
        long values = writeWideXlsx(wide, indicators, 2);
        note(String.format(Locale.ROOT, "Wide XLSX: %,d values in %,d rows, %.1f MB", values,
                values / (YEARS * 12), Files.size(wide) / 1048576.0));
        timeImport("XLSX wide, every value corrected again", wide);
    }

    private void timeImport(String label, Path file) throws IOException {
        ObservationImports imports = context.getBean(ObservationImports.class);
        long start = System.nanoTime();
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = imports.importNow(in, file.getFileName().toString(), Files.size(file), admin);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report.status() != ImportStatus.DONE) {
            throw new IllegalStateException(label + ": " + report.status() + " " + report.problems());
        }
        note(String.format(Locale.ROOT, "%-45s %,9d values in %6.1f s = %,7.0f values/s (new %,d, corrected %,d, "
                        + "unchanged %,d)", label, report.observations(), seconds, report.observations() / seconds,
                report.inserted(), report.updated(), report.unchanged()));
    }

    /** Long layout, Chinese names as offices write them, codes for units; {@code shift} changes every value. */
    private long writeCsv(Path file, Indicators indicators, int shift) throws IOException {
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("指标,单位,期间,类型,数值\n");
            for (String code : IMPORTED) {
                Indicator indicator = indicators.findByCode(code).orElseThrow();
                for (OrgUnit unit : regions) {
                    for (int y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
                        for (int m = 1; m <= 12; m++) {
                            String period = y + "-" + (m < 10 ? "0" : "") + m;
                            double base = base(unit, code) * (1 + 0.06 * (y - FIRST_YEAR));
                            out.write(line(indicator.nameZh(), unit.code(), period, "累计",
                                    base * m / 12 + shift));
                            out.write(line(indicator.nameZh(), unit.code(), period, "增速",
                                    4 + (unit.id() * 7 + m + y) % 50 / 10.0 + shift));
                            rows += 2;
                            if (WITH_MONTHLY_VALUES.contains(code)) {
                                out.write(line(indicator.nameZh(), unit.code(), period, "当期", base / 12 + shift));
                                rows++;
                            }
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static String line(String indicator, String unit, String period, String kind, double value) {
        return indicator + "," + unit + "," + period + "," + kind + ","
                + String.format(Locale.ROOT, "%.2f", value) + "\n";
    }

    private double base(OrgUnit unit, String code) {
        return 100 + (unit.id() * 31 + code.hashCode() & 0x3ff);
    }

    /** The same values as a wide sheet: one row per indicator, unit and kind, one column per month. */
    private long writeWideXlsx(Path file, Indicators indicators, int shift) throws IOException {
        List<String> headers = new ArrayList<>(List.of("指标", "单位", "类型"));
        for (int y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
            for (int m = 1; m <= 12; m++) {
                headers.add(y + "年" + m + "月");
            }
        }
        List<List<?>> rows = new ArrayList<>();
        long values = 0;
        for (String code : IMPORTED) {
            String name = indicators.findByCode(code).orElseThrow().nameZh();
            for (OrgUnit unit : regions) {
                List<String> kinds = new ArrayList<>(List.of("累计", "增速"));
                if (WITH_MONTHLY_VALUES.contains(code)) {
                    kinds.add("当期");
                }
                for (String kind : kinds) {
                    List<Object> row = new ArrayList<>(List.of(name, unit.code(), kind));
                    for (int y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
                        double base = base(unit, code) * (1 + 0.06 * (y - FIRST_YEAR));
                        for (int m = 1; m <= 12; m++) {
                            double v = switch (kind) {
                                case "累计" -> base * m / 12;
                                case "增速" -> 4 + (unit.id() * 7 + m + y) % 50 / 10.0;
                                default -> base / 12;
                            };
                            row.add(Math.round((v + shift) * 100) / 100.0);
                            values++;
                        }
                    }
                    rows.add(row);
                }
            }
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            Spreadsheets.writeXlsx(out, "数据", headers, rows);
        }
        return values;
    }

    // ---- rankings ----

    private void rankingLatency() throws Exception {
        Indicators indicators = context.getBean(Indicators.class);
        int existing = indicators.all().size();
        for (int i = existing + 1; i <= 400; i++) {
            indicators.create(new IndicatorDefinition(String.format("BENCH_%03d", i), "基准指标" + i,
                    "Benchmark indicator " + i, "亿元", Frequency.MONTHLY, Nature.FLOW, true, true, 2, null,
                    IndicatorSet.ECONOMY, 5000 + i, true, List.of()), admin);
        }
        List<Indicator> all = indicators.all();
        long started = System.nanoTime();
        long rows = loadProvinceScale(all);
        note(String.format(Locale.ROOT, "Province scale: %d indicators x %d months x %d regions: %,d more observations "
                        + "loaded by COPY in %.0f s", all.size(), YEARS * 12, regions.size(), rows,
                (System.nanoTime() - started) / 1e9));
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        note(String.format(Locale.ROOT, "observation table: %,d rows, %s with indexes",
                jdbc.queryForObject("select count(*) from observation", Long.class),
                jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size('observation'))", String.class)));

        Rankings rankings = context.getBean(Rankings.class);
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            rankOnce(rankings, all, random);
        }
        long[] service = new long[3000];
        for (int i = 0; i < service.length; i++) {
            long t = System.nanoTime();
            rankOnce(rankings, all, random);
            service[i] = System.nanoTime() - t;
        }
        note("Ranking in the service (3,000 random rankings: half among the 16 cities, half among one city's "
                + "counties; 80% by value, 20% by growth): " + percentiles(service));

        ApiTokens tokens = context.getBean(ApiTokens.class);
        String token = tokens.issue(admin, "benchmark", 1).token();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 200; i++) {
            httpOnce(http, port, token, all, random);
        }
        long[] overHttp = new long[2000];
        for (int i = 0; i < overHttp.length; i++) {
            long t = System.nanoTime();
            httpOnce(http, port, token, all, random);
            overHttp[i] = System.nanoTime() - t;
        }
        note("Ranking over HTTP (GET /api/v1/rankings with a bearer token, JSON, 2,000 requests): "
                + percentiles(overHttp));
    }

    private void rankOnce(Rankings rankings, List<Indicator> all, Random random) {
        Indicator indicator = all.get(random.nextInt(all.size()));
        Period period = Period.month(FIRST_YEAR + 1 + random.nextInt(YEARS - 1), 1 + random.nextInt(12));
        long parent = random.nextBoolean() ? province.id() : cities.get(random.nextInt(cities.size())).id();
        RankBy by = random.nextInt(5) == 0 ? RankBy.GROWTH : RankBy.VALUE;
        rankings.rank(indicator, period, by, null, parent, null, admin);
    }

    private void httpOnce(HttpClient http, int port, String token, List<Indicator> all, Random random)
            throws IOException, InterruptedException {
        Indicator indicator = all.get(random.nextInt(all.size()));
        String period = Period.month(FIRST_YEAR + 1 + random.nextInt(YEARS - 1), 1 + random.nextInt(12)).code();
        String parent = random.nextBoolean() ? province.code() : cities.get(random.nextInt(cities.size())).code();
        String by = random.nextInt(5) == 0 ? "growth" : "value";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/rankings"
                        + "?indicator=" + indicator.code() + "&period=" + period + "&parent=" + parent + "&by=" + by))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    /** Year-to-date values of every indicator not imported above, and official growth for one in ten. */
    private long loadProvinceScale(List<Indicator> all) throws Exception {
        DataSource dataSource = context.getBean(DataSource.class);
        long rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder chunk = new StringBuilder(64 << 20);
            int n = 0;
            for (Indicator indicator : all) {
                if (IMPORTED.contains(indicator.code()) || indicator.derived()) {
                    continue;
                }
                boolean growth = n++ % 10 == 0;
                for (OrgUnit unit : regions) {
                    for (int y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
                        double base = 100 + ((unit.id() * 131 + indicator.id() * 17) & 0x7ff);
                        for (int m = 1; m <= 12; m++) {
                            Period p = Period.month(y, m);
                            String kind = indicator.nature() == Nature.STOCK ? "VALUE" : "YTD";
                            append(chunk, indicator.id(), p, kind, unit.id(), base * (1 + 0.05 * (y - FIRST_YEAR))
                                    * m / 12);
                            rows++;
                            if (growth) {
                                append(chunk, indicator.id(), p, "GROWTH", unit.id(),
                                        3 + ((unit.id() + m + y) % 60) / 10.0);
                                rows++;
                            }
                        }
                    }
                }
                if (chunk.length() > 48 << 20) {
                    copy.copyIn("copy observation (indicator_id, period, kind, unit_id, period_type, period_ord, "
                            + "value, updated_at) from stdin", new StringReader(chunk.toString()));
                    chunk.setLength(0);
                }
            }
            copy.copyIn("copy observation (indicator_id, period, kind, unit_id, period_type, period_ord, value, "
                    + "updated_at) from stdin", new StringReader(chunk.toString()));
            try (var statement = connection.createStatement()) {
                statement.execute("analyze observation");
            }
        }
        return rows;
    }

    private static void append(StringBuilder out, int indicator, Period period, String kind, long unit,
                               double value) {
        out.append(indicator).append('\t').append(period.code()).append('\t').append(kind).append('\t')
                .append(unit).append('\t').append(period.type().letter()).append('\t').append(period.ord())
                .append('\t').append(String.format(Locale.ROOT, "%.2f", value)).append("\t2026-01-01 00:00:00+08\n");
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms",
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private void note(String line) {
        System.out.println("[benchmark] " + line);
        results.add(line);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
