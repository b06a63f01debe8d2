package cn.luoshi.appeal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import cn.luoshi.appeal.internal.PublicIntakeGuard;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A public upload that cannot be accepted is answered from its headers alone: the test sends the headers and a few
 * bytes of a body it announces as far longer, and reads the answer; had the server waited for the body, the read
 * would end in the socket's timeout instead.
 */
@LuoshiTest
class PublicUploadGateTest {

    private static final String MULTIPART = "multipart/form-data; boundary=----gate";

    @LocalServerPort
    int port;

    @Autowired
    PublicIntakeGuard guard;

    /** Sends the request line and headers and the start of a body, never the rest; returns the whole answer. */
    private String answerToHeaders(String method, String path, String contentType, String length, String address)
            throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                    + "\r\n" + length + "X-Forwarded-For: " + address + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write("------gate\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n".getBytes(
                    StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /** Sends a whole multipart request and returns the answer. */
    private String answerToRequest(String path, String body, String address) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + MULTIPART
                    + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\nX-Forwarded-For: " + address
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void anUploadLargerThanFiveAttachmentsIsRefusedBeforeItsBodyIsRead() throws IOException {
        // 150 MB announced; five attachments of 10 MB and 1 MB for the form make 51 MB.
        String answer = answerToHeaders("POST", "/public/appeals", MULTIPART, "Content-Length: 157286400\r\n",
                "198.51.100.61");
        assertThat(answer).startsWith("HTTP/1.1 413").contains("提交的内容过大：此处最多 51 MB")
                .containsIgnoringCase("Connection: close");

        String api = answerToHeaders("POST", "/api/v1/appeals", MULTIPART, "Content-Length: 157286400\r\n",
                "198.51.100.61");
        assertThat(api).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("\"code\":\"error.bodyTooLarge\"");
    }

    @Test
    void anAddressThatUsedUpItsFilingsIsRefusedBeforeItsUploadIsRead() throws IOException {
        String address = "198.51.100.62";
        try {
            for (int i = 0; i < guard.limit(); i++) {
                guard.check(address);
            }
            // 20 MB: within the size limit, so only the count refuses it.
            String answer = answerToHeaders("POST", "/public/appeals", MULTIPART, "Content-Length: 20971520\r\n",
                    address);
            assertThat(answer).startsWith("HTTP/1.1 429").contains("提交过于频繁：同一地址 10 分钟内最多提交 "
                    + guard.limit() + " 件诉求，请稍后再试").containsIgnoringCase("Connection: close");
            // Another address is not held up: its (whole, small) form is read and answered for what it lacks.
            String form = "------gate\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n门前道路积水\r\n"
                    + "------gate--\r\n";
            assertThat(answerToRequest("/public/appeals", form, "198.51.100.63")).doesNotStartWith("HTTP/1.1 429")
                    .doesNotStartWith("HTTP/1.1 413");
        } finally {
            guard.reset(address);
        }
    }

    @Test
    void anUploadOfNoStatedLengthIsRefused() throws IOException {
        String answer = answerToHeaders("POST", "/public/appeals", MULTIPART, "Transfer-Encoding: chunked\r\n",
                "198.51.100.64");
        assertThat(answer).startsWith("HTTP/1.1 411").contains("上传须注明内容长度");
    }

    @Test
    void aJsonBodyOverTenMegabytesIsRefusedBeforeItIsRead() throws IOException {
        String answer = answerToHeaders("POST", "/api/v1/tasks", "application/json",
                "Content-Length: 11534336\r\n", "198.51.100.65");
        assertThat(answer).startsWith("HTTP/1.1 413").contains("\"code\":\"error.jsonTooLarge\"")
                .contains("JSON 请求体过大：最多 10 MB");
    }
}
