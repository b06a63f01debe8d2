package cn.luoshi.common;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.excel.SheetRow;
import cn.luoshi.common.excel.Spreadsheets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpreadsheetsTest {

    @Test
    void readsUtf8CsvWithBomQuotesAndLineBreaks() {
        String csv = "\uFEFF指标,期间,数值\r\n地区生产总值,2025,2160\n\"备注,含逗号\",\"两行\n文字\",\"引号\"\"内\"\"\"\n";
        List<SheetRow> rows = Spreadsheets.readAll(csv.getBytes(StandardCharsets.UTF_8), "data.csv");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).cells()).containsExactly("指标", "期间", "数值");
        assertThat(rows.get(1).cells()).containsExactly("地区生产总值", "2025", "2160");
        assertThat(rows.get(2).cells()).containsExactly("备注,含逗号", "两行\n文字", "引号\"内\"");
        assertThat(rows.get(2).number()).isEqualTo(3);
    }

    @Test
    void readsCsvSavedByExcelInGbk() {
        byte[] gbk = "指标,数值\n财政总收入,263.8\n".getBytes(Charset.forName("GBK"));
        List<SheetRow> rows = Spreadsheets.readAll(gbk, "财政.csv");
        assertThat(rows.get(1).cells()).containsExactly("财政总收入", "263.8");
    }

    @Test
    void writesAndReadsBackAnXlsx() throws Exception {
        var out = new ByteArrayOutputStream();
        Spreadsheets.writeXlsx(out, "指标/数据", List.of("指标", "期间", "数值", "日期"),
                List.of(List.of("地区生产总值", "2025", 2160, LocalDate.of(2025, 6, 30)),
                        List.of("财政总收入占GDP比重", "2025", 12.2, LocalDate.of(2025, 12, 31))));
        List<SheetRow> rows = Spreadsheets.readAll(out.toByteArray(), "export.xlsx");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).cells()).containsExactly("地区生产总值", "2025", "2160", "2025-06-30");
        assertThat(rows.get(2).cell(2)).isEqualTo("12.2");
    }

    @Test
    void refusesOtherFormatsAndBrokenFilesInPlainWords() {
        assertThatThrownBy(() -> Spreadsheets.readAll("x".getBytes(), "data.pdf"))
                .isInstanceOf(DomainException.class).extracting("code").isEqualTo("excel.error.format");
        assertThatThrownBy(() -> Spreadsheets.readAll("not a zip".getBytes(), "data.xlsx"))
                .isInstanceOf(DomainException.class).extracting("code").isEqualTo("excel.error.unreadable");
    }
}
