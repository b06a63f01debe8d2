package cn.luoshi.speech.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import cn.luoshi.common.error.DomainException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
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

    private static String pdf(byte[] content) {
        try {
            PdfReader reader = new PdfReader(content);
            try {
                PdfTextExtractor extractor = new PdfTextExtractor(reader);
                StringBuilder text = new StringBuilder();
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    text.append(extractor.getTextFromPage(page)).append('\n');
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
