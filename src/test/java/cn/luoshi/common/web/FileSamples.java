package cn.luoshi.common.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openpdf.text.Document;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The files {@link FileFuzz} starts from and what it does to them. Every method draws only from the {@link Random}
 * it is given, so one seed always makes the same bytes. The valid files are small and made here: CSV and XLSX
 * tables, Word and PDF documents, plain text, PNG and JPEG pictures. The mutations break them the ways a hostile or
 * careless sender would, each bounded so that one input stays small enough for a fast run.
 */
final class FileSamples {

    /** What a valid file is made of; the fuzz keeps the kind to pick a fitting file name. */
    enum Kind {
        CSV("csv"), XLSX("xlsx"), DOCX("docx"), PDF("pdf"), TEXT("txt"), PNG("png"), JPEG("jpg");

        final String extension;

        Kind(String extension) {
            this.extension = extension;
        }
    }

    /** Rows of a table: the header first. */
    record Table(List<List<String>> rows) {
    }

    private FileSamples() {
    }

    // ------------------------------------------------------------------------------------------- valid files

    static byte[] csv(Table table) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : table.rows()) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                out.append(i > 0 ? "," : "");
                out.append(cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                        ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(Table table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("数据");
            for (int r = 0; r < table.rows().size(); r++) {
                XSSFRow row = sheet.createRow(r);
                List<String> cells = table.rows().get(r);
                for (int c = 0; c < cells.size(); c++) {
                    // A cell holds at most 32,767 characters; a longer one is cut (CSV carries the whole of it).
                    String cell = cells.get(c).length() > 32_767 ? cells.get(c).substring(0, 32_767)
                            : cells.get(c);
                    if (r > 0 && cell.matches("-?\\d{1,9}(\\.\\d{1,4})?")) {
                        row.createCell(c).setCellValue(Double.parseDouble(cell));
                    } else {
                        row.createCell(c).setCellValue(cell);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] docx(String text) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : text.split("\n")) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF with the text in a standard font (Latin letters and digits only: no font is embedded). */
    static byte[] pdf(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.open();
        try {
            PdfContentByte canvas = writer.getDirectContent();
            BaseFont font = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            canvas.beginText();
            canvas.setFontAndSize(font, 10);
            int y = 800;
            for (String line : text.split("\n")) {
                canvas.setTextMatrix(36, y);
                canvas.showText(line.replaceAll("[^\\x20-\\x7E]", "?"));
                y -= 14;
            }
            canvas.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        document.close();
        return out.toByteArray();
    }

    static byte[] image(Random random, String format) {
        BufferedImage image = new BufferedImage(1 + random.nextInt(24), 1 + random.nextInt(24),
                BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The valid file of a kind, from a table (CSV, XLSX) or a text (the others). */
    static byte[] make(Kind kind, Table table, String text, Random random) {
        return switch (kind) {
            case CSV -> csv(table);
            case XLSX -> xlsx(table);
            case DOCX -> docx(text);
            case PDF -> pdf(text);
            case TEXT -> text.getBytes(StandardCharsets.UTF_8);
            case PNG -> image(random, "png");
            case JPEG -> image(random, "jpg");
        };
    }

    // ------------------------------------------------------------------------------------------- mutations

    /** One mutation of the bytes; {@code what} receives its name. */
    static byte[] mutate(byte[] content, Kind kind, Table table, String text, Random random, List<String> what) {
        int choice = random.nextInt(19);
        switch (choice) {
            case 0, 1 -> {
                what.add("byte flips");
                byte[] out = content.clone();
                int flips = 1 + random.nextInt(random.nextBoolean() ? 4 : 64);
                for (int i = 0; i < flips && out.length > 0; i++) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return out;
            }
            case 2, 3 -> {
                what.add("truncated");
                return java.util.Arrays.copyOf(content, content.length == 0 ? 0 : random.nextInt(content.length));
            }
            case 4 -> {
                what.add("NUL and control characters");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int inserts = 1 + random.nextInt(20);
                for (int i = 0; i < content.length; i++) {
                    if (random.nextInt(Math.max(1, content.length / inserts)) == 0) {
                        out.write(random.nextInt(4) == 0 ? 0 : random.nextInt(0x20));
                    }
                    out.write(content[i]);
                }
                return out.toByteArray();
            }
            case 5 -> {
                Charset charset = List.of(Charset.forName("GBK"), StandardCharsets.UTF_16LE,
                        StandardCharsets.UTF_16BE, StandardCharsets.UTF_16, StandardCharsets.ISO_8859_1,
                        Charset.forName("Big5")).get(random.nextInt(6));
                boolean bom = random.nextBoolean();
                what.add("text in " + charset + (bom ? " with BOM" : ""));
                String source = kind == Kind.CSV || kind == Kind.XLSX
                        ? new String(csv(table), StandardCharsets.UTF_8) : text;
                byte[] encoded = source.getBytes(charset);
                if (!bom) {
                    return encoded;
                }
                byte[] mark = charset.equals(StandardCharsets.UTF_16LE) ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                        : charset.equals(StandardCharsets.UTF_16BE) ? new byte[] {(byte) 0xFE, (byte) 0xFF}
                        : new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
                byte[] out = new byte[mark.length + encoded.length];
                System.arraycopy(mark, 0, out, 0, mark.length);
                System.arraycopy(encoded, 0, out, mark.length, encoded.length);
                return out;
            }
            case 6 -> {
                int length = 1000 + random.nextInt(random.nextInt(5) == 0 ? 3_000_000 : 100_000);
                what.add("a cell of " + length + " characters");
                List<List<String>> rows = new ArrayList<>(table.rows());
                List<String> row = new ArrayList<>(rows.size() > 1 ? rows.get(1) : rows.getFirst());
                row.set(random.nextInt(row.size()), (random.nextBoolean() ? "长" : "9").repeat(length));
                rows.add(row);
                return asTable(kind, new Table(rows), random);
            }
            case 7 -> {
                int columns = 100 + random.nextInt(random.nextInt(4) == 0 ? 16_000 : 2_000);
                what.add(columns + " columns");
                List<List<String>> rows = new ArrayList<>();
                for (List<String> row : table.rows()) {
                    List<String> wide = new ArrayList<>(row);
                    for (int c = row.size(); c < columns; c++) {
                        wide.add(rows.isEmpty() ? "列" + c : Integer.toString(c));
                    }
                    rows.add(wide);
                }
                return asTable(kind, new Table(rows), random);
            }
            case 8 -> {
                int count = 500 + random.nextInt(random.nextInt(4) == 0 ? 30_000 : 3_000);
                what.add(count + " rows");
                List<List<String>> rows = new ArrayList<>(table.rows());
                List<String> model = rows.size() > 1 ? rows.get(1) : rows.getFirst();
                for (int i = 0; i < count; i++) {
                    List<String> row = new ArrayList<>(model);
                    if (random.nextInt(50) == 0) {
                        row.set(random.nextInt(row.size()), odd(random));
                    }
                    rows.add(row);
                }
                return asTable(kind, new Table(rows), random);
            }
            case 9 -> {
                what.add("odd cells");
                List<List<String>> rows = new ArrayList<>(table.rows());
                for (int r = 0; r < rows.size(); r++) {
                    List<String> row = new ArrayList<>(rows.get(r));
                    if (!row.isEmpty() && random.nextInt(2) == 0) {
                        row.set(random.nextInt(row.size()), odd(random));
                    }
                    if (random.nextInt(6) == 0 && !row.isEmpty()) {
                        row.remove(random.nextInt(row.size()));
                    }
                    rows.set(r, row);
                }
                return asTable(kind, new Table(rows), random);
            }
            case 10 -> {
                what.add("deep XML nesting");
                int depth = 1000 + random.nextInt(100_000);
                String deep = "<a>".repeat(depth) + "x" + "</a>".repeat(depth);
                return replaceMainXml(content, kind, random, main -> injectAfterRoot(main, deep));
            }
            case 11 -> {
                what.add("XML entity expansion");
                String laughs = "<!DOCTYPE r [<!ENTITY l0 \"lol\">"
                        + java.util.stream.IntStream.range(1, 10).mapToObj(i -> "<!ENTITY l" + i + " \""
                        + ("&l" + (i - 1) + ";").repeat(10) + "\">").reduce("", String::concat) + "]>";
                return replaceMainXml(content, kind, random, main -> withDoctype(main, laughs, "&l9;"));
            }
            case 12 -> {
                what.add("XML external entity");
                String target = random.nextBoolean() ? "file:///etc/passwd" : "http://127.0.0.1:9/x";
                String xxe = "<!DOCTYPE r [<!ENTITY x SYSTEM \"" + target + "\">]>";
                return replaceMainXml(content, kind, random, main -> withDoctype(main, xxe, "&x;"));
            }
            case 13 -> {
                what.add("broken zip entry");
                return brokenZip(content, random);
            }
            case 14 -> {
                what.add("zip of zeros");
                // Small on the wire, large unpacked: within bounds so the run stays fast.
                return zipOf(random, "xl/worksheets/sheet1.xml", new byte[(1 + random.nextInt(40)) << 20]);
            }
            case 15 -> {
                Kind other = Kind.values()[random.nextInt(Kind.values().length)];
                what.add("really a " + other);
                return make(other, table, text, random);
            }
            case 16 -> {
                what.add("empty");
                return new byte[0];
            }
            case 17 -> {
                what.add("random bytes");
                byte[] out = new byte[random.nextInt(random.nextBoolean() ? 64 : 20_000)];
                random.nextBytes(out);
                return out;
            }
            default -> {
                what.add("text lines");
                StringBuilder lines = new StringBuilder();
                int count = 1 + random.nextInt(200);
                for (int i = 0; i < count; i++) {
                    lines.append(odd(random)).append(random.nextBoolean() ? "\n" : "\r\n");
                }
                return lines.toString().getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static byte[] asTable(Kind kind, Table table, Random random) {
        return kind == Kind.XLSX || (kind != Kind.CSV && random.nextBoolean()) ? xlsx(table) : csv(table);
    }

    /** The zip's XML part that a reader reads first for its content, changed; a zip is made if it was not one. */
    private static byte[] replaceMainXml(byte[] content, Kind kind, Random random,
                                         java.util.function.UnaryOperator<String> change) {
        List<Entry> entries = entries(content);
        if (entries.isEmpty()) {
            entries = entries(random.nextBoolean() ? xlsx(new Table(List.of(List.of("a")))) : docx("a"));
        }
        String[] mains = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "word/document.xml",
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/styles.xml", "docProps/core.xml"};
        String wanted = mains[random.nextInt(mains.length)];
        List<Entry> changed = new ArrayList<>();
        boolean found = false;
        for (Entry e : entries) {
            if (e.name().equals(wanted)) {
                found = true;
                changed.add(new Entry(e.name(), change.apply(new String(e.bytes(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8)));
            } else {
                changed.add(e);
            }
        }
        if (!found) {
            changed.add(new Entry(wanted, change.apply("<?xml version=\"1.0\"?><r/>")
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return zip(changed);
    }

    private static String injectAfterRoot(String xml, String inner) {
        int start = xml.indexOf('<', xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0);
        int close = start < 0 ? -1 : xml.indexOf('>', start);
        if (close < 0) {
            return xml + inner;
        }
        return xml.substring(0, close + 1) + inner + xml.substring(close + 1);
    }

    private static String withDoctype(String xml, String doctype, String reference) {
        String body = xml.startsWith("<?xml") ? xml.substring(xml.indexOf("?>") + 2) : xml;
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype + injectAfterRoot(body, reference);
    }

    record Entry(String name, byte[] bytes) {
    }

    static List<Entry> entries(byte[] content) {
        List<Entry> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(new Entry(e.getName(), in.readAllBytes()));
            }
        } catch (IOException | RuntimeException e) {
            return entries;
        }
        return entries;
    }

    static byte[] zip(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (Entry e : entries) {
                if (names.add(e.name())) {
                    zip.putNextEntry(new ZipEntry(e.name()));
                    zip.write(e.bytes());
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zipOf(Random random, String name, byte[] bytes) {
        List<Entry> entries = new ArrayList<>(entries(xlsx(new Table(List.of(List.of("a"))))));
        entries.removeIf(e -> e.name().equals(name));
        entries.add(random.nextInt(entries.size() + 1), new Entry(name, bytes));
        return zip(entries);
    }

    /** A zip whose entries are cut, dropped or doubled, or whose compressed data is damaged. */
    private static byte[] brokenZip(byte[] content, Random random) {
        List<Entry> entries = entries(content);
        if (entries.isEmpty()) {
            entries = entries(docx("a"));
        }
        List<Entry> changed = new ArrayList<>(entries);
        switch (random.nextInt(4)) {
            case 0 -> changed.remove(random.nextInt(changed.size()));
            case 1 -> {
                int i = random.nextInt(changed.size());
                Entry e = changed.get(i);
                changed.set(i, new Entry(e.name(), java.util.Arrays.copyOf(e.bytes(),
                        e.bytes().length == 0 ? 0 : random.nextInt(e.bytes().length))));
            }
            case 2 -> changed.add(new Entry("../../" + random.nextInt(100) + ".xml", "<x/>".getBytes(
                    StandardCharsets.UTF_8)));
            default -> {
                byte[] zipped = zip(changed);
                // Damage the compressed data of one entry, past its local header.
                int at = 40 + random.nextInt(Math.max(1, zipped.length - 80));
                for (int i = 0; i < 8 && at + i < zipped.length; i++) {
                    zipped[at + i] = (byte) random.nextInt(256);
                }
                return zipped;
            }
        }
        return zip(changed);
    }

    /** A cell or line a table should not hold: ApiFuzz's odd scalars, formulas, control characters, lone quotes. */
    static String odd(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "=HYPERLINK(\"http://127.0.0.1/\",\"x\")";
            case 1 -> "\"unclosed " + ApiFuzz.randomString(random, 10);
            case 2 -> "\u0000\u0001\u001b[31m";
            case 3 -> "1e999999";
            case 4 -> "\ufeff" + ApiFuzz.scalarText(random);
            default -> ApiFuzz.scalarText(random);
        };
    }
}
