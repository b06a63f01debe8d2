package cn.luoshi.speech.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.speech.SpeechLimits;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.http.HttpStatus;

/**
 * Reads the text of an uploaded speech: plain text (UTF-8, or GB18030 as many Chinese office files are), Word
 * (.docx) or PDF. Anything else, or a file that cannot be read, is refused with a plain message.
 */
final class SpeechDocuments {

    /** A speech file larger than this is not a speech; the extractor's own limit applies to the text. */
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    private SpeechDocuments() {
    }

    static String text(String fileName, byte[] content) {
        if (content.length == 0) {
            throw DomainException.invalid("speech.error.emptyFile");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new DomainException(HttpStatus.CONTENT_TOO_LARGE, "speech.error.fileTooLarge",
                    MAX_FILE_BYTES / 1024 / 1024);
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".docx") || startsWith(content, 'P', 'K')) {
            return docx(content);
        }
        if (name.endsWith(".pdf") || startsWith(content, '%', 'P', 'D', 'F')) {
            return pdf(content);
        }
        if (name.endsWith(".doc") || name.endsWith(".wps")) {
            throw new DomainException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "speech.error.oldWord");
        }
        if (name.endsWith(".txt") || name.endsWith(".text") || name.isEmpty() || looksLikeText(content)) {
            return plain(content);
        }
        throw new DomainException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "speech.error.fileType");
    }

    /** UTF-8 (with or without a byte-order mark), else GB18030. */
    static String plain(byte[] content) {
        int skip = startsWith(content, (char) 0xEF, (char) 0xBB, (char) 0xBF) ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, skip, content.length - skip)).toString();
        } catch (CharacterCodingException notUtf8) {
            try {
                return Charset.forName("GB18030").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(content)).toString();
            } catch (CharacterCodingException neither) {
                throw DomainException.unprocessable("speech.error.encoding");
            }
        }
    }

    private static String docx(byte[] content) {
        try (InputStream in = new ByteArrayInputStream(content); XWPFDocument doc = new XWPFDocument(in)) {
            StringBuilder text = new StringBuilder();
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    text.append(paragraph.getText()).append('\n');
                } else if (element instanceof XWPFTable table) {
                    text.append(table.getText()).append('\n');
                }
            }
            return text.toString();
        } catch (IOException | RuntimeException e) {
            throw DomainException.unprocessable("speech.error.unreadable", "Word");
        }
    }

    /** Bounds on the work one PDF may cause: a small file can ask the reader for very much. */
    static final int MAX_PDF_PAGES = 300;
    /** Font selections (Tf) in all page contents; each one makes the reader load a font. */
    static final int MAX_PDF_FONT_SWITCHES = 20_000;
    static final int MAX_PDF_FONTS_PER_PAGE = 100;
    /** Decompressed page content, all pages together. */
    static final long MAX_PDF_CONTENT_BYTES = 32L * 1024 * 1024;
    static final Duration MAX_PDF_TIME = Duration.ofSeconds(20);

    private static String pdf(byte[] content) {
        long deadline = System.nanoTime() + MAX_PDF_TIME.toNanos();
        try {
            PdfReader reader = new PdfReader(content);
            try {
                int pages = reader.getNumberOfPages();
                if (pages > MAX_PDF_PAGES) {
                    throw new DomainException(HttpStatus.CONTENT_TOO_LARGE, "speech.error.pdfTooManyPages", pages,
                            MAX_PDF_PAGES);
                }
                long contentBytes = 0;
                long fontSwitches = 0;
                for (int page = 1; page <= pages; page++) {
                    if (fonts(reader.getPageN(page)) > MAX_PDF_FONTS_PER_PAGE) {
                        throw DomainException.unprocessable("speech.error.pdfTooManyFonts", MAX_PDF_FONTS_PER_PAGE);
                    }
                    byte[] pageContent = reader.getPageContent(page);
                    contentBytes += pageContent.length;
                    fontSwitches += fontSwitches(pageContent);
                    if (contentBytes > MAX_PDF_CONTENT_BYTES) {
                        throw new DomainException(HttpStatus.CONTENT_TOO_LARGE, "speech.error.pdfTooMuchContent",
                                MAX_PDF_CONTENT_BYTES / 1024 / 1024);
                    }
                    if (fontSwitches > MAX_PDF_FONT_SWITCHES) {
                        throw DomainException.unprocessable("speech.error.pdfTooManyFontSwitches",
                                MAX_PDF_FONT_SWITCHES);
                    }
                }
                PdfTextExtractor extractor = new PdfTextExtractor(reader);
                StringBuilder text = new StringBuilder();
                for (int page = 1; page <= pages; page++) {
                    if (System.nanoTime() > deadline) {
                        throw DomainException.unprocessable("speech.error.pdfTooSlow");
                    }
                    text.append(extractor.getTextFromPage(page)).append('\n');
                    if (text.length() > SpeechLimits.DEFAULT.maxBytes()) {
                        throw new DomainException(HttpStatus.CONTENT_TOO_LARGE, "speech.error.textTooLarge",
                                SpeechLimits.DEFAULT.maxBytes() / 1024 / 1024);
                    }
                }
                if (text.toString().isBlank()) {
                    throw DomainException.unprocessable("speech.error.pdfWithoutText");
                }
                return text.toString();
            } finally {
                reader.close();
            }
        } catch (DomainException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw DomainException.unprocessable("speech.error.unreadable", "PDF");
        }
    }

    private static int fonts(PdfDictionary page) {
        PdfDictionary resources = page == null ? null : page.getAsDict(PdfName.RESOURCES);
        PdfDictionary fonts = resources == null ? null : resources.getAsDict(PdfName.FONT);
        return fonts == null ? 0 : fonts.size();
    }

    /** How often a content stream selects a font: the operator {@code Tf} as a token of its own. */
    static long fontSwitches(byte[] content) {
        long count = 0;
        for (int i = 1; i + 1 < content.length; i++) {
            if (content[i] == 'T' && content[i + 1] == 'f' && delimiter(content[i - 1])
                    && (i + 2 == content.length || delimiter(content[i + 2]))) {
                count++;
            }
        }
        return count;
    }

    private static boolean delimiter(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0 || b == '/' || b == '['
                || b == ']' || b == '(' || b == ')' || b == '<' || b == '>';
    }

    private static boolean looksLikeText(byte[] content) {
        int sample = Math.min(content.length, 4096);
        for (int i = 0; i < sample; i++) {
            if (content[i] == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] content, char... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
