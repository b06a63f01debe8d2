package cn.luoshi.common.web;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * How every file leaves Luoshi: as an attachment under its own (usually Chinese) name, encoded as RFC 6266 asks so
 * that every browser saves it under that name, never shown inline where a stored file could run as a page.
 */
public final class Downloads {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Downloads() {
    }

    /** The Content-Disposition value for a file saved under this name. */
    public static String attachment(String filename) {
        return ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
    }

    /** Headers for a file of this type streamed straight into the response. */
    public static void start(HttpServletResponse response, MediaType type, String filename) {
        response.setContentType(type.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(filename));
        response.setHeader("X-Content-Type-Options", "nosniff");
    }
}
