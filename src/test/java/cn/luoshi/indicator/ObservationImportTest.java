package cn.luoshi.indicator;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statistician imports tables as offices keep them (long or wide, CSV or XLSX, codes or names); a bad table is
 * refused as a whole with a row-by-row report and nothing changes.
 */
@LuoshiTest
class ObservationImportTest {

    @LocalServerPort
    int port;

    private static final String IMPORT = "/api/v1/observations/import";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDryRunShowsWhatWouldChangeAndWritesNothing() {
        Api tjj = Api.as(port, "tjj");
        Api.Response stored = Uploads.post(tjj, IMPORT, "技术合同-2016-2018.csv", Uploads.csv("""
                指标,单位,期间,类型,数值
                技术合同成交额,990102,2016,当期,80
                技术合同成交额,990102,2018,当期,100
                """));
        assertThat(stored.json().path("inserted").asLong()).as(stored.body()).isEqualTo(2);

        Api.Response dry = Uploads.post(tjj, IMPORT + "?dryRun=true", "技术合同-更正.csv", Uploads.csv("""
                指标,单位,期间,类型,数值
                技术合同成交额,990102,2016,当期,80
                技术合同成交额,990102,2017,当期,90
                技术合同成交额,990102,2018,当期,120
                """));
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        JsonNode preview = dry.json();
        assertThat(preview.path("status").asString()).isEqualTo("PREVIEW");
        assertThat(preview.path("inserted").asLong()).isEqualTo(1);
        assertThat(preview.path("updated").asLong()).isEqualTo(1);
        assertThat(preview.path("unchanged").asLong()).isEqualTo(1);
        JsonNode changes = preview.path("changes");
        assertThat(changes).hasSize(2);
        // the correction first, with what it replaces; then the new value
        assertThat(changes.get(0).path("period").asString()).isEqualTo("2018");
        assertThat(changes.get(0).path("oldValue").decimalValue()).isEqualByComparingTo("100");
        assertThat(changes.get(0).path("newValue").decimalValue()).isEqualByComparingTo("120");
        assertThat(changes.get(0).path("unitName").asString()).isEqualTo("城关区");
        assertThat(changes.get(1).path("period").asString()).isEqualTo("2017");
        assertThat(changes.get(1).path("oldValue").isNull()).isTrue();
        assertThat(changes.get(1).path("newValue").decimalValue()).isEqualByComparingTo("90");

        JsonNode after = tjj.get("/api/v1/observations?indicator=TECH_CONTRACTS&unit=990102&from=2016&to=2018"
                + "&kind=VALUE").json();
        assertThat(after.path("content").valueStream().map(o -> o.path("period").asString() + "="
                + o.path("value").decimalValue().stripTrailingZeros().toPlainString()).toList())
                .containsExactlyInAnyOrder("2016=80", "2018=100");
        assertThat(tjj.get("/api/v1/observations/history?indicator=TECH_CONTRACTS&unit=990102&period=2018"
                + "&kind=VALUE").json()).isEmpty();
        assertThat(tjj.get("/api/v1/observations/imports/" + preview.path("id").asLong()).json()
                .path("status").asString()).isEqualTo("PREVIEW");

        // A dry run of a bad file is refused row by row as the import would be.
        Api.Response bad = Uploads.post(tjj, IMPORT + "?dryRun=true", "坏.csv", Uploads.csv("""
                指标,单位,期间,类型,数值
                技术合同成交额,990102,2017,当期,约90
                """));
        assertThat(bad.status()).isEqualTo(422);
    }

    @Test
    void aLongCsvIsImportedAndAReimportKeepsTheCorrectedValueInHistory() {
        Api tjj = Api.as(port, "tjj");
        String csv = """
                指标,单位,期间,类型,数值
                技术合同成交额,990102,2023,当期,"1,204.5"
                TECH_CONTRACTS,高新区,2023,当期,980
                技术合同交易额,江南区,2023年,当期,310.25
                技术合同成交额,990102,2023,增速,12.5%
                """;
        Api.Response first = Uploads.post(tjj, IMPORT, "技术合同.csv", Uploads.csv(csv));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode report = first.json();
        assertThat(report.path("status").asString()).isEqualTo("DONE");
        assertThat(report.path("layout").asString()).isEqualTo("LONG");
        assertThat(report.path("rowsRead").asLong()).isEqualTo(4);
        assertThat(report.path("inserted").asLong()).isEqualTo(4);

        JsonNode stored = tjj.get("/api/v1/observations?indicator=TECH_CONTRACTS&unit=990102&from=2023&to=2023")
                .json();
        assertThat(stored.path("content").findValuesAsString("kind")).contains("VALUE", "GROWTH");
        assertThat(valueOf(stored, "VALUE")).isEqualTo("1204.5");

        String corrected = csv.replace("\"1,204.5\"", "1210");
        JsonNode second = Uploads.post(tjj, IMPORT, "技术合同-更正.csv", Uploads.csv(corrected)).json();
        assertThat(second.path("updated").asLong()).isEqualTo(1);
        assertThat(second.path("unchanged").asLong()).isEqualTo(3);
        assertThat(second.path("inserted").asLong()).isZero();

        JsonNode history = tjj.get("/api/v1/observations/history?indicator=TECH_CONTRACTS&unit=990102&period=2023"
                + "&kind=VALUE").json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("oldValue").decimalValue()).isEqualByComparingTo("1204.5");
        assertThat(history.get(0).path("newValue").decimalValue()).isEqualByComparingTo("1210");
        assertThat(history.get(0).path("replacedBy").asString()).isEqualTo("tjj");

        JsonNode audit = Api.as(port, "leader").get("/api/v1/audit/events?entityType=ObservationImport&entityId="
                + second.path("id").asLong()).json();
        assertThat(audit.path("totalElements").asLong()).isEqualTo(1);
        assertThat(audit.path("content").get(0).path("summary").asString()).contains("技术合同-更正.csv", "更正 1");
    }

    @Test
    void aWideWorkbookWithChineseHeadersNamesAndTenThousandYuanIsConverted() {
        Api tjj = Api.as(port, "tjj");
        byte[] workbook = Uploads.xlsx(List.of("指标", "单位", "类型", "计量单位", "2023年1-3月", "2023年1-6月",
                        "2023年上半年", "备注"),
                List.of(List.of("旅游总收入", "城关区", "累计", "万元", 125000, 260000, "", "初步数"),
                        List.of("", "临江县", "累计", "万元", "42,000", "88000", "", ""),
                        List.of("接待游客", "城关区", "增速", "", "8.2%", "7.9", "", "")));
        Api.Response response = Uploads.post(tjj, IMPORT, "旅游.xlsx", workbook);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("layout").asString()).isEqualTo("WIDE");
        assertThat(response.json().path("observations").asLong()).isEqualTo(6);

        JsonNode revenue = tjj.get("/api/v1/observations?indicator=TOURISM_REVENUE&unit=990121&kind=YTD").json();
        assertThat(revenue.path("content").get(0).path("period").asString()).isEqualTo("2023-03");
        assertThat(revenue.path("content").get(0).path("value").decimalValue()).isEqualByComparingTo("4.2");
        assertThat(revenue.path("content").get(1).path("periodLabel").asString()).isEqualTo("2023年1-6月");
    }

    @Test
    void aGrowthCellFormattedAsPercentInExcelKeepsItsPercent() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = workbook.createSheet("增速");
            var percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            String[] header = {"指标", "单位", "期间", "类型", "数值"};
            var first = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                first.createCell(i).setCellValue(header[i]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("实际使用外资");
            row.createCell(1).setCellValue("青河县");
            row.createCell(2).setCellValue("2023");
            row.createCell(3).setCellValue("增速");
            var cell = row.createCell(4);
            cell.setCellValue(0.122);
            cell.setCellStyle(percent);
            workbook.write(out);
        }
        Api tjj = Api.as(port, "tjj");
        assertThat(Uploads.post(tjj, IMPORT, "外资.xlsx", out.toByteArray()).status()).isEqualTo(200);
        JsonNode growth = tjj.get("/api/v1/observations?indicator=FDI&unit=990122&kind=GROWTH").json();
        assertThat(growth.path("content").get(0).path("value").decimalValue()).isEqualByComparingTo("12.2");
    }

    @Test
    void anExportedGridImportsBackUnchanged() throws Exception {
        Api tjj = Api.as(port, "tjj");
        var response = java.net.http.HttpClient.newHttpClient().send(
                tjj.builder("/api/v1/observations/export?indicator=GDP&unit=990100&from=2024Q1&to=2024Q4").GET()
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        List<cn.luoshi.common.excel.SheetRow> rows = cn.luoshi.common.excel.Spreadsheets.readAll(response.body(),
                "export.xlsx");
        // Labels that would read back as another period (上半年 = H1, 2024年 = the year) are written as codes.
        assertThat(rows.get(0).cells()).containsExactly("指标", "单位", "单位代码", "类型", "2024年一季度",
                "2024Q2", "2024年前三季度", "2024Q4");
        assertThat(rows).hasSize(8);
        JsonNode again = Uploads.post(tjj, IMPORT, "导出.xlsx", response.body()).json();
        assertThat(again.path("status").asString()).isEqualTo("DONE");
        assertThat(again.path("observations").asLong()).isEqualTo(28);
        assertThat(again.path("unchanged").asLong()).isEqualTo(28);
    }

    @Test
    void aGb18030CsvFromExcelIsRead() {
        String csv = "指标,单位,期间,数值\r\n新增学位,990122,2023,1.2\r\n";
        Api.Response response = Uploads.post(Api.as(port, "tjj"), IMPORT, "学位.csv",
                csv.getBytes(Charset.forName("GB18030")));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("inserted").asLong()).isEqualTo(1);
    }

    @Test
    void aBadWorkbookIsRefusedRowByRowAndChangesNothing() {
        Api tjj = Api.as(port, "tjj");
        long before = total(tjj, "");
        long gdpBefore = total(tjj, "&indicator=GDP");
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("地区生产总值", "城关区", "2025年1-6月", "累计", "999"));
        rows.add(List.of("地区生产总量", "城关区", "2025年", "当期", "100"));
        rows.add(List.of("地区生产总值", "友邻市", "2025年", "当期", "100"));
        rows.add(List.of("地区生产总值", "城关区", "2025年13月", "当期", "100"));
        rows.add(List.of("地区生产总值", "城关区", "2025年", "当期", "约2160"));
        rows.add(List.of("地区生产总值", "城关区", "2025年", "当期", "12%"));
        rows.add(List.of("地区生产总值", "城关区", "2025年1-6月", "累计", "998"));
        rows.add(List.of("人均GDP", "城关区", "2025年", "当期", "50000"));
        rows.add(List.of("常住人口", "城关区", "2025年1-6月", "累计", "100"));
        rows.add(List.of("地区生产总值", "城关区", "2031年", "当期", "100"));
        byte[] workbook = Uploads.xlsx(List.of("指标", "单位", "期间", "类型", "数值"), rows);

        Api.Response response = Uploads.post(tjj, IMPORT, "有错误的表.xlsx", workbook);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("detail").asString()).contains("有错误的表.xlsx", "9 处错误", "未导入任何数据");
        assertThat(problem.path("errorCount").asInt()).isEqualTo(9);
        Map<Integer, String> byRow = new java.util.HashMap<>();
        for (JsonNode error : problem.path("errors")) {
            byRow.put(error.path("row").asInt(), error.path("message").asString());
        }
        assertThat(byRow.get(3)).contains("第3行", "指标「地区生产总量」不在指标库中");
        assertThat(byRow.get(4)).contains("单位「友邻市」不存在或不在您的数据范围内");
        assertThat(byRow.get(5)).contains("期间「2025年13月」无法识别");
        assertThat(byRow.get(6)).contains("数值「约2160」不是数字");
        assertThat(byRow.get(7)).contains("带百分号");
        assertThat(byRow.get(8)).contains("与第2行重复");
        assertThat(byRow.get(9)).contains("由公式计算");
        assertThat(byRow.get(10)).contains("时点指标");
        assertThat(byRow.get(11)).contains("尚未到来");
        assertThat(problem.path("errors").get(0).path("messageEn").asString()).startsWith("Row 3");

        assertThat(total(tjj, "")).isEqualTo(before);
        assertThat(total(tjj, "&indicator=GDP")).isEqualTo(gdpBefore);
        JsonNode refused = tjj.get("/api/v1/observations/imports/" + problem.path("importId").asLong()).json();
        assertThat(refused.path("status").asString()).isEqualTo("REJECTED");
        assertThat(refused.path("inserted").asLong()).isZero();
    }

    @Test
    void aHugeCellIsQuotedAsAShortExcerptAndTheImportListStillAnswers() {
        Api tjj = Api.as(port, "tjj");
        String cell = "9x".repeat(1_000_000);
        byte[] csv = Uploads.csv("指标,单位,期间,数值\n地区生产总值,城关区,2025," + cell + "\n");
        assertThat(csv.length).isGreaterThan(2_000_000);

        Api.Response refused = Uploads.post(tjj, IMPORT, "巨大单元格.csv", csv);
        assertThat(refused.status()).isEqualTo(422);
        String expected = "数值「" + "9x".repeat(50) + "…」不是数字";
        assertThat(refused.json().path("errors").get(0).path("message").asString()).contains(expected);
        long id = refused.json().path("importId").asLong();
        String stored = jdbc.sql("select errors_json from observation_import where id = ?").param(id)
                .query(String.class).single();
        assertThat(stored.length()).isLessThan(1_000);

        Api.Response list = tjj.get("/api/v1/observations/imports");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().length()).isLessThan(200_000);
        JsonNode one = tjj.get("/api/v1/observations/imports/" + id).json();
        assertThat(one.path("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void aSingleValueFollowsTheSameRulesAsAnImportedRow() {
        Api tjj = Api.as(port, "tjj");
        long linjiang = tjj.get("/api/v1/org-units/search?q=990121").json().path("content").get(0).path("id")
                .asLong();
        long before = total(tjj, "&indicator=GDP");
        String[][] refused = {
                {"1e309", "数值「1E+309」超出合理范围"},
                {"1e20", "数值「1E+20」超出合理范围"},
                {"-5", "数值「-5」是负数，但「地区生产总值」不会小于零"},
                {"0.0000000000001", "超出合理范围"}};
        for (String[] value : refused) {
            Api.Response response = tjj.put("/api/v1/observations", "{\"indicator\":\"GDP\",\"unitId\":" + linjiang
                    + ",\"period\":\"2023\",\"kind\":\"VALUE\",\"value\":" + value[0] + "}");
            assertThat(response.status()).as(value[0]).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).as(value[0]).contains(value[1]);
        }
        Api.Response growth = tjj.put("/api/v1/observations", "{\"indicator\":\"GDP\",\"unitId\":" + linjiang
                + ",\"period\":\"2023\",\"kind\":\"GROWTH\",\"value\":-150}");
        assertThat(growth.status()).isEqualTo(400);
        assertThat(growth.body()).contains("增速「-150」低于 -100%");
        assertThat(total(tjj, "&indicator=GDP")).isEqualTo(before);

        // The import refuses the same values with the same words.
        String csv = "指标,单位,期间,类型,数值\n地区生产总值,临江县,2023,当期,-5\n"
                + "地区生产总值,临江县,2022,当期,100000000000000000000\n地区生产总值,临江县,2023,增速,-150\n";
        Api.Response imported = Uploads.post(tjj, IMPORT, "负值.csv", Uploads.csv(csv));
        assertThat(imported.status()).isEqualTo(422);
        List<String> messages = new ArrayList<>();
        imported.json().path("errors").forEach(e -> messages.add(e.path("message").asString()));
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0)).contains("数值「-5」是负数，但「地区生产总值」不会小于零");
        assertThat(messages.get(1)).contains("数值「100000000000000000000」超出合理范围");
        assertThat(messages.get(2)).contains("增速「-150」低于 -100%");
    }

    @Test
    void anythingButATableIsRefusedInPlainWords() {
        Api tjj = Api.as(port, "tjj");
        Api.Response notExcel = Uploads.post(tjj, IMPORT, "数据.xlsx", "not a workbook".getBytes());
        assertThat(notExcel.status()).isEqualTo(422);
        assertThat(notExcel.json().path("errors").get(0).path("message").asString()).contains("无法读取文件");
        Api.Response noHeader = Uploads.post(tjj, IMPORT, "无表头.csv", Uploads.csv("a,b\n1,2\n"));
        assertThat(noHeader.json().path("errors").get(0).path("message").asString()).contains("找不到表头");
    }

    @Test
    void onlyStatisticiansImportAndOnlyWithinTheirScope() {
        String csv = "指标,单位,期间,数值\n新增学位,990102,2023,1\n";
        assertThat(Uploads.post(Api.as(port, "cgq"), IMPORT, "x.csv", Uploads.csv(csv)).status()).isEqualTo(403);
        assertThat(Uploads.post(Api.as(port, "leader"), IMPORT, "x.csv", Uploads.csv(csv)).status())
                .isEqualTo(403);
        assertThat(Api.as(port, "cgq").put("/api/v1/observations", Map.of("indicator", "GDP", "unitId", 1,
                "period", "2025", "kind", "VALUE", "value", 1)).status()).isEqualTo(403);
    }

    @Test
    void tiesShareARank() {
        Api tjj = Api.as(port, "tjj");
        String csv = """
                指标,单位,期间,数值
                规模以上工业企业数,城关区,2023,410
                规模以上工业企业数,高新区,2023,380
                规模以上工业企业数,江南区,2023,380
                规模以上工业企业数,临江县,2023,200
                规模以上工业企业数,青河县,2023,150
                """;
        assertThat(Uploads.post(tjj, IMPORT, "企业数.csv", Uploads.csv(csv)).status()).isEqualTo(200);
        JsonNode ranking = tjj.get("/api/v1/rankings?indicator=INDUSTRY_ENTERPRISES&period=2023&parent=990100")
                .json();
        List<Integer> ranks = new ArrayList<>();
        ranking.path("entries").forEach(e -> ranks.add(e.path("rank").isNull() ? null : e.path("rank").asInt()));
        assertThat(ranks).containsExactly(1, 2, 2, 4, 5, null);
        assertThat(ranking.path("entries").get(5).path("unit").path("name").asString()).isEqualTo("东山县");
    }

    @Test
    void aSingleCorrectionKeepsTheEarlierValue() {
        Api tjj = Api.as(port, "tjj");
        long linjiang = Api.as(port, "tjj").get("/api/v1/org-units/search?q=990121").json().path("content").get(0)
                .path("id").asLong();
        Map<String, Object> entry = Map.of("indicator", "SPECIALISED_SMES", "unitId", linjiang, "period", "2023",
                "kind", "VALUE", "value", 3);
        assertThat(tjj.put("/api/v1/observations", entry).status()).isEqualTo(200);
        JsonNode corrected = tjj.put("/api/v1/observations", Map.of("indicator", "SPECIALISED_SMES", "unitId",
                linjiang, "period", "2023", "kind", "VALUE", "value", 4)).json();
        assertThat(corrected.path("value").decimalValue()).isEqualByComparingTo("4");
        JsonNode history = tjj.get("/api/v1/observations/history?indicator=SPECIALISED_SMES&unit=" + linjiang
                + "&period=2023&kind=value").json();
        assertThat(history.get(0).path("oldValue").decimalValue()).isEqualByComparingTo("3");
        Api.Response derived = tjj.put("/api/v1/observations", Map.of("indicator", "GDP_PER_CAPITA", "unitId",
                linjiang, "period", "2023", "kind", "VALUE", "value", 4));
        assertThat(derived.status()).isEqualTo(400);
    }

    private static String valueOf(JsonNode page, String kind) {
        for (JsonNode o : page.path("content")) {
            if (o.path("kind").asString().equals(kind)) {
                return o.path("value").decimalValue().stripTrailingZeros().toPlainString();
            }
        }
        return null;
    }

    private static long total(Api api, String filter) {
        return api.get("/api/v1/observations?size=1" + filter).json().path("totalElements").asLong();
    }
}
