package cn.luoshi.project;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.luoshi.common.excel.SheetRow;
import cn.luoshi.common.excel.Spreadsheets;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Excel in and out through the HTTP API: all-or-nothing imports with a row report, and the export. */
@LuoshiTest
class ProjectImportTest {

    static final List<String> HEADERS = List.of("项目编号", "项目名称", "项目类别", "所属专项", "牵头单位", "所在地区",
            "总投资（万元）", "开工年份", "竣工年份", "建设阶段", "2026年计划投资（万元）");

    @LocalServerPort
    int port;

    static byte[] xlsx(List<String> headers, List<List<?>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.writeXlsx(out, "项目", headers, new ArrayList<>(rows));
        return out.toByteArray();
    }

    static Api.Response upload(Api api, String path, String filename, byte[] content) {
        String boundary = "----luoshi" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.send(api.builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    static java.net.http.HttpResponse<byte[]> download(Api api, String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(api.builder(path).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long count(Api api) {
        return api.get("/api/v1/projects?size=1").json().path("totalElements").asLong();
    }

    @Test
    void aFileWithWrongRowsImportsNothingAndListsEveryWrongRow() throws IOException {
        Api fgw = Api.as(port, "fgw");
        long before = count(fgw);
        byte[] file = xlsx(HEADERS, List.of(
                List.of("T-IMP-BAD-1", "导入拒绝测试甲", "基础设施", "十大重点基础工程", "市发展和改革委员会", "城关区",
                        8000, 2026, 2027, "在建", 3000),
                List.of("T-IMP-BAD-2", "导入拒绝测试乙", "桥梁", "", "不存在的单位", "", "八千", 2026, 2025, "在建", ""),
                List.of("T-IMP-BAD-1", "导入拒绝测试丙", "产业", "", "市发展和改革委员会", "", 100, 2026, 2026, "", "")));
        Api.Response response = upload(fgw, "/api/v1/projects/import", "项目清单.xlsx", file);
        assertThat(response.status()).isEqualTo(422);
        JsonNode problem = response.json();
        assertThat(problem.path("detail").asString()).contains("2 行有错误").contains("没有导入任何数据");
        List<String> messages = new ArrayList<>();
        problem.path("errors").forEach(e -> messages.add(e.path("message").asString()));
        assertThat(messages).anyMatch(m -> m.startsWith("第 3 行「项目类别」") && m.contains("桥梁"));
        assertThat(messages).anyMatch(m -> m.startsWith("第 3 行「牵头单位」") && m.contains("不存在的单位"));
        assertThat(messages).anyMatch(m -> m.startsWith("第 3 行「总投资（万元）」"));
        assertThat(messages).anyMatch(m -> m.startsWith("第 4 行「项目编号」") && m.contains("第 2 行"));
        assertThat(problem.path("errors").get(0).path("field").asString()).startsWith("rows[");
        // Row 2 was fine, but nothing was written.
        assertThat(count(fgw)).isEqualTo(before);
        assertThat(fgw.get("/api/v1/projects?q=T-IMP-BAD-1").json().path("totalElements").asLong()).isZero();
    }

    @Test
    void projectsAndMonthlyProgressImportAndExportRoundTrips() throws IOException {
        Api fgw = Api.as(port, "fgw");
        long before = count(fgw);
        byte[] file = xlsx(HEADERS, List.of(
                List.of("T-IMP-1", "导入测试快速路", "基础设施", "十大重点基础工程", "市发展和改革委员会", "城关区",
                        24000, 2026, 2027, "在建", 12000),
                List.of("T-IMP-2", "导入测试产业园", "产业", "十大产业项目", "990100-FGW", "", 60000, 2025, 2028,
                        "开工", 1200)));
        Api.Response imported = upload(fgw, "/api/v1/projects/import", "项目清单.xlsx", file);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("created").asInt()).isEqualTo(2);
        assertThat(count(fgw)).isEqualTo(before + 2);
        JsonNode project = fgw.get("/api/v1/projects?q=T-IMP-2").json().path("content").get(0);
        long id = project.path("id").asLong();
        JsonNode details = fgw.get("/api/v1/projects/" + id).json();
        assertThat(details.path("years").get(0).path("planned").decimalValue()).isEqualByComparingTo("1200");
        assertThat(details.path("months").get(0).path("planned").decimalValue()).isEqualByComparingTo("100");
        assertThat(details.path("project").path("stage").asString()).isEqualTo("STARTED");
        assertThat(Api.as(port, "duchashi").get("/api/v1/audit/events?action=project.imported").body())
                .contains("新增 2 个");

        // Monthly progress: one wrong row (a month to come) rejects the file; corrected, it goes in.
        String wrong = "项目编号,年份,月份,当月完成投资（万元）,形象进度\nT-IMP-2,2026,5,300,厂房基础施工\nT-IMP-2,2026,9,10,\n";
        Api.Response rejected = upload(fgw, "/api/v1/projects/progress/import", "进展.csv",
                wrong.getBytes(StandardCharsets.UTF_8));
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.json().path("errors").get(0).path("message").asString()).startsWith("第 3 行「月份」");
        assertThat(fgw.get("/api/v1/projects/" + id).json().path("months").get(4).path("completed").isNull())
                .isTrue();
        String right = "项目编号,年份,月份,当月完成投资（万元）,形象进度\nT-IMP-2,2026,5,300,厂房基础施工\n"
                + "T-IMP-2,2026,6,350.5,主体结构施工\n";
        Api.Response progress = upload(fgw, "/api/v1/projects/progress/import", "进展.csv",
                right.getBytes(StandardCharsets.UTF_8));
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        JsonNode year = fgw.get("/api/v1/projects/" + id).json().path("years").get(0);
        assertThat(year.path("completed").decimalValue()).isEqualByComparingTo("650.5");

        // The export carries the filtered list; imported again as it is, it changes nothing and is left alone.
        var export = download(fgw, "/api/v1/projects/export?q=T-IMP-");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        byte[] exported = export.body();
        List<SheetRow> rows = Spreadsheets.readAll(exported, "export.xlsx");
        assertThat(rows.getFirst().cells()).contains("项目编号", "牵头单位", "2026年计划投资（万元）", "状态");
        assertThat(rows).hasSize(3);
        assertThat(rows.stream().map(r -> r.cell(0))).contains("T-IMP-1", "T-IMP-2");
        Api.Response again = upload(fgw, "/api/v1/projects/import", "export.xlsx", exported);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("updated").asInt()).isZero();
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(2);
        assertThat(count(fgw)).isEqualTo(before + 2);
    }
}
