package cn.luoshi.indicator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import cn.luoshi.common.excel.Spreadsheets;
import cn.luoshi.testsupport.Api;

/** Builds import files (CSV, XLSX) and posts them as multipart uploads, the way a browser or script would. */
public final class Uploads {

    private Uploads() {
    }

    public static Api.Response post(Api api, String path, String filename, byte[] content) {
        String boundary = "----luoshi" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder request = api.builder(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return api.send(request);
    }

    public static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(List<String> headers, List<List<?>> rows) {
        var out = new ByteArrayOutputStream();
        try {
            Spreadsheets.writeXlsx(out, "数据", headers, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
