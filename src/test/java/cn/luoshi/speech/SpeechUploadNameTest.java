package cn.luoshi.speech;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A speech file whose name is longer than the register keeps is registered under the name's last 300 characters. */
@LuoshiTest
class SpeechUploadNameTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFileNameLongerThanTheRegisterKeepsIsCutNotAnInternalError() {
        String name = "x".repeat(400) + ".txt";
        String text = "一、抓好项目建设（长文件名）\n年底前完成固定资产投资增长8%。\n";
        String boundary = "----speechname";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        Api duchashi = Api.as(port, "duchashi");
        long before = jdbc.sql("select count(*) from speech_import").query(Long.class).single();

        Api.Response response = duchashi.send(duchashi.builder("/speech").header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));

        assertThat(response.status()).as(response.body()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from speech_import").query(Long.class).single()).isEqualTo(before + 1);
        String kept = jdbc.sql("select file_name from speech_import order by id desc limit 1").query(String.class)
                .single();
        assertThat(kept).isEqualTo("x".repeat(296) + ".txt");
    }
}
