package cn.luoshi.common.files;

import java.util.Locale;

/**
 * The kinds of file Luoshi accepts, recognised by their first bytes (not by the name the uploader chose), so a
 * script renamed to .pdf is refused.
 */
public enum FileKind {
    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    DOC("application/msword", "doc"),
    XLS("application/vnd.ms-excel", "xls"),
    TEXT("text/plain; charset=UTF-8", "txt", "csv");

    private final String contentType;
    private final String[] extensions;

    FileKind(String contentType, String... extensions) {
        this.contentType = contentType;
        this.extensions = extensions;
    }

    public String contentType() {
        return contentType;
    }

    /** What the bytes say the file is, checked against the name's extension; null when unknown or inconsistent. */
    public static FileKind detect(byte[] head, String filename) {
        String ext = extension(filename);
        FileKind byBytes = sniff(head);
        if (byBytes == null) {
            return null;
        }
        if (byBytes == DOCX || byBytes == XLSX || byBytes == PPTX) {
            // All Office Open XML files are zip archives; the extension tells which one.
            for (FileKind kind : new FileKind[] {DOCX, XLSX, PPTX}) {
                if (kind.matches(ext)) {
                    return kind;
                }
            }
            return null;
        }
        if (byBytes == DOC || byBytes == XLS) {
            return DOC.matches(ext) ? DOC : XLS.matches(ext) ? XLS : null;
        }
        return byBytes.matches(ext) ? byBytes : null;
    }

    private boolean matches(String ext) {
        for (String e : extensions) {
            if (e.equals(ext)) {
                return true;
            }
        }
        return false;
    }

    private static String extension(String filename) {
        if (filename == null || filename.lastIndexOf('.') < 0) {
            return "";
        }
        return filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static FileKind sniff(byte[] b) {
        if (starts(b, 0x25, 0x50, 0x44, 0x46)) {
            return PDF;
        }
        if (starts(b, 0x89, 0x50, 0x4E, 0x47)) {
            return PNG;
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(b, 0x47, 0x49, 0x46, 0x38)) {
            return GIF;
        }
        if (starts(b, 0x52, 0x49, 0x46, 0x46) && b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') {
            return WEBP;
        }
        if (starts(b, 0x50, 0x4B, 0x03, 0x04)) {
            return DOCX;
        }
        if (starts(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            return DOC;
        }
        return looksLikeText(b) ? TEXT : null;
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeText(byte[] b) {
        if (b.length == 0) {
            return false;
        }
        for (byte x : b) {
            int c = x & 0xFF;
            if (c == 0 || (c < 0x09) || (c > 0x0D && c < 0x20 && c != 0x1B)) {
                return false;
            }
        }
        return true;
    }
}
