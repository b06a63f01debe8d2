package cn.luoshi.common.excel;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import cn.luoshi.common.error.DomainException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reading and writing the tables offices exchange: CSV (UTF-8, or GB18030 as Excel saves it in China) and XLSX.
 * Both directions stream, so a million-row file needs neither a million-row list nor a workbook in memory.
 */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    /** Receives rows one by one; return false to stop reading. */
    @FunctionalInterface
    public interface RowHandler {
        boolean accept(SheetRow row);
    }

    /** Reads the first sheet of an .xlsx, or a .csv/.txt; anything else is refused with a clear message. */
    public static void read(InputStream input, String filename, RowHandler handler) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx")) {
                readXlsx(input, handler);
            } else if (name.endsWith(".csv") || name.endsWith(".txt")) {
                readCsv(input, handler);
            } else {
                throw DomainException.invalid("excel.error.format", filename);
            }
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                 | RuntimeException e) {
            if (e instanceof DomainException domain) {
                throw domain;
            }
            if (e instanceof StopReading) {
                return;
            }
            throw DomainException.invalid("excel.error.unreadable", filename);
        }
    }

    /** Convenience for small files: all rows in a list (refused beyond {@code maxRows}). */
    public static List<SheetRow> readAll(InputStream input, String filename, int maxRows) {
        List<SheetRow> rows = new ArrayList<>();
        read(input, filename, row -> {
            if (rows.size() >= maxRows) {
                throw DomainException.invalid("excel.error.tooManyRows", maxRows);
            }
            rows.add(row);
            return true;
        });
        return rows;
    }

    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }

    private static void readXlsx(InputStream input, RowHandler handler)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        try (OPCPackage pkg = OPCPackage.open(input)) {
            XSSFReader reader = new XSSFReader(pkg);
            var strings = new ReadOnlySharedStringsTable(pkg);
            var styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                var contents = new RowCollector(handler);
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, contents,
                        new PlainNumbers(), false));
                parser.parse(new InputSource(sheet));
            }
        }
    }

    /**
     * Formats numbers without grouping or exponent, so "2160" and "0.122" arrive as typed; a percent-formatted
     * cell arrives as "12.2%".
     */
    private static final class PlainNumbers extends DataFormatter {
        PlainNumbers() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (org.apache.poi.ss.usermodel.DateUtil.isADateFormat(formatIndex, formatString)) {
                var date = org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(value);
                return date.toLocalTime().toSecondOfDay() == 0 ? date.toLocalDate().toString() : date.toString();
            }
            if (formatString != null && formatString.replaceAll("\"[^\"]*\"", "").contains("%")) {
                // A cell shown as 12.2% holds 0.122; hand it over as the user sees it, or 12.2% becomes 0.122.
                return BigDecimal.valueOf(value).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private List<String> cells;
        private int rowNumber;

        RowCollector(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            rowNumber = rowNum + 1;
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (!handler.accept(new SheetRow(rowNumber, List.copyOf(cells)))) {
                throw new StopReading();
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new org.apache.poi.ss.util.CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value.strip());
        }
    }

    private static void readCsv(InputStream input, RowHandler handler) throws IOException {
        var buffered = new BufferedInputStream(input, 1 << 16);
        Charset charset = guessCharset(buffered);
        try (var reader = new java.io.PushbackReader(
                new BufferedReader(new InputStreamReader(buffered, charset), 1 << 16), 1)) {
            int first = reader.read();
            if (first == -1) {
                return;
            }
            if (first != 0xFEFF) {
                // not a byte-order mark: keep the character
                reader.unread(first);
            }
            parseCsv(new BufferedReader(reader), handler);
        }
    }

    /** UTF-8 when the first 64 KB decode as UTF-8, otherwise GB18030 (a superset of GBK, what Excel writes). */
    private static Charset guessCharset(BufferedInputStream in) throws IOException {
        in.mark(1 << 16);
        byte[] head = in.readNBytes(1 << 16);
        in.reset();
        int end = head.length;
        // do not judge a multi-byte character cut at the end of the sample
        while (end > 0 && end > head.length - 4 && (head[end - 1] & 0xC0) == 0x80) {
            end--;
        }
        if (end > 0 && (head[end - 1] & 0xC0) == 0xC0) {
            end--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(head, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("GB18030");
        }
    }

    /** RFC 4180 fields: quotes, doubled quotes, commas and line breaks inside quotes. */
    private static void parseCsv(Reader reader, RowHandler handler) throws IOException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int row = 1;
        int c;
        boolean any = false;
        while ((c = reader.read()) != -1) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (next == -1) {
                            break;
                        }
                        reader.reset();
                    }
                } else {
                    cell.append((char) c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    reader.mark(1);
                    if (reader.read() != '\n') {
                        reader.reset();
                    }
                }
                cells.add(cell.toString().strip());
                cell.setLength(0);
                if (!handler.accept(new SheetRow(row++, List.copyOf(cells)))) {
                    return;
                }
                cells.clear();
                any = false;
            } else {
                cell.append((char) c);
            }
        }
        if (any || !cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString().strip());
            handler.accept(new SheetRow(row, List.copyOf(cells)));
        }
    }

    /**
     * Writes one sheet: a bold header row, then the rows (numbers stay numbers, dates stay dates). Streams through a
     * small window of rows, so exports of any length use little memory.
     */
    public static void writeXlsx(OutputStream out, String sheetName, List<String> headers, Iterable<List<?>> rows)
            throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(safeSheetName(sheetName));
            CellStyle headerStyle = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            headerStyle.setFont(bold);
            headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTimeStyle = workbook.createCellStyle();
            dateTimeStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));

            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                var cell = header.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(i, Math.min(60, Math.max(10, headers.get(i).length() * 3 + 4)) * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<?> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v == null) {
                        continue;
                    }
                    var cell = row.createCell(i);
                    switch (v) {
                        case Number n -> cell.setCellValue(n.doubleValue());
                        case Boolean b -> cell.setCellValue(b ? "是" : "否");
                        case LocalDate d -> {
                            cell.setCellValue(d);
                            cell.setCellStyle(dateStyle);
                        }
                        case LocalDateTime d -> {
                            cell.setCellValue(d);
                            cell.setCellStyle(dateTimeStyle);
                        }
                        case OffsetDateTime d -> {
                            cell.setCellValue(d.toLocalDateTime());
                            cell.setCellStyle(dateTimeStyle);
                        }
                        case Date d -> {
                            cell.setCellValue(d);
                            cell.setCellStyle(dateTimeStyle);
                        }
                        case TemporalAccessor t -> cell.setCellValue(t.toString());
                        default -> cell.setCellValue(v.toString());
                    }
                }
            }
            workbook.write(out);
        }
    }

    private static String safeSheetName(String name) {
        String cleaned = name == null ? "Sheet1" : name.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        if (cleaned.isEmpty()) {
            cleaned = "Sheet1";
        }
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }

    /** For tests and small in-memory uses. */
    public static List<SheetRow> readAll(byte[] content, String filename) {
        return readAll(new ByteArrayInputStream(content), filename, Integer.MAX_VALUE);
    }
}
