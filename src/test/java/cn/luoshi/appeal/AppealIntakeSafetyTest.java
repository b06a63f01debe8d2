package cn.luoshi.appeal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import cn.luoshi.appeal.internal.PublicIntakeGuard;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Attachments checked by content and size, and an enterprise kept away from every other enterprise's appeal. */
@LuoshiTest
class AppealIntakeSafetyTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;

    @Autowired
    PublicIntakeGuard guard;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void reset() {
        guard.reset("127.0.0.1");
    }

    /** A multipart/form-data request with the appeal's fields and one file. */
    Api.Response multipart(Api api, Map<String, Object> fields, String filename, byte[] file) {
        String boundary = "----luoshi" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.send(api.builder("/api/v1/appeals").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    @Test
    void attachmentsAreCheckedByContentAndSize() {
        Api anonymous = Api.anonymous(port);
        Api.Response disguised = multipart(anonymous, AppealSupport.publicAppeal("PERMIT", "伪装"), "批复.pdf",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertThat(disguised.status()).isEqualTo(400);
        assertThat(disguised.json().path("detail").asString()).contains("不接受文件");

        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        Api.Response tooLarge = multipart(anonymous, AppealSupport.publicAppeal("PERMIT", "超大"), "现场照片.png", big);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(tooLarge.json().path("detail").asString()).contains("超过 10 MB");

        Api.Response filed = multipart(anonymous, AppealSupport.publicAppeal("PERMIT", "附件"), "现场照片.png", PNG);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String code = filed.json().path("code").asString();
        JsonNode appeal = Api.as(port, "ysj").get("/api/v1/appeals?q=" + code).json().path("content").get(0);
        long id = appeal.path("id").asLong();
        // The attachment is served to those who see the appeal, and as a download.
        Api.Response page = Api.as(port, "ysj").get("/appeals/" + id);
        assertThat(page.body()).contains("现场照片.png");
        var matcher = java.util.regex.Pattern.compile("/appeals/" + id + "/files/\\d+").matcher(page.body());
        assertThat(matcher.find()).isTrue();
        String link = matcher.group();
        Api.Response download = Api.as(port, "ysj").get(link);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("image/png");
        assertThat(Api.as(port, "qiye2").get(link).status()).isEqualTo(404);
        assertThat(Api.as(port, "cgq").get(link).status()).isEqualTo(404);
    }

    @Test
    void anAttachmentWithALongChineseNameIsFiledUnderItsName() {
        // 189 Chinese characters are 567 bytes in the part's header: more than Tomcat's default 512 bytes, which answered 413.
        String name = "关于印发优化营商环境重点任务清单的通知附件".repeat(9) + ".png";
        Api.Response filed = multipart(Api.anonymous(port), AppealSupport.publicAppeal("PERMIT", "长文件名"), name,
                PNG);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String code = filed.json().path("code").asString();
        long id = Api.as(port, "ysj").get("/api/v1/appeals?q=" + code).json().path("content").get(0).path("id")
                .asLong();
        assertThat(jdbc.sql("""
                        select f.original_name from stored_file f join appeal_attachment a on a.file_id = f.id
                        where a.appeal_id = ?""").param(id).query(String.class).list())
                .containsExactly(name);
    }

    @Test
    void anEnterpriseNeverReachesAnotherEnterprisesAppealThroughAnyEndpoint() {
        Api.Response filed = Api.as(port, "qiye1").post("/api/v1/appeals",
                AppealSupport.publicAppeal("POLICY", "隔离"));
        assertThat(filed.status()).isEqualTo(201);
        long id = filed.json().path("id").asLong();
        String code = filed.json().path("code").asString();
        Api other = Api.as(port, "qiye2");
        assertThat(other.get("/api/v1/appeals/" + id).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/appeals/" + id + "/history").status()).isEqualTo(404);
        assertThat(other.get("/api/v1/appeals/" + id + "/actions").status()).isEqualTo(404);
        assertThat(other.get("/api/v1/appeals/" + id + "/callbacks").status()).isEqualTo(404);
        assertThat(other.get("/api/v1/appeals").body()).doesNotContain(code).doesNotContain("示例重工机械有限公司");
        assertThat(other.get("/api/v1/appeals/stats").status()).isEqualTo(403);
        assertThat(other.get("/api/v1/appeals/export").status()).isEqualTo(403);
        assertThat(other.get("/api/v1/appeals/meetings").body()).isEqualTo("[]");
        assertThat(other.get("/appeals/" + id).status()).isEqualTo(404);
        assertThat(other.get("/open311/v2/requests/" + code + ".json").status()).isEqualTo(404);
        assertThat(other.get("/open311/v2/requests.json").body()).doesNotContain(code);
        assertThat(other.post("/api/v1/appeals/" + id + "/transitions", Map.of("action", "CLOSE", "version", 0,
                "reason", "x")).status()).isEqualTo(404);
        // Naming another credit code when filing does not help: an enterprise account always files as itself.
        Map<String, Object> body = AppealSupport.publicAppeal("POLICY", "冒名");
        Api.Response own = other.post("/api/v1/appeals", body);
        assertThat(Api.as(port, "qiye2").get("/api/v1/appeals/" + own.json().path("id").asLong()).json()
                .path("creditCode").asString()).isEqualTo(cn.luoshi.org.DemoCity.QIYE2_CREDIT_CODE);
        // The filer itself sees its appeal.
        assertThat(Api.as(port, "qiye1").get("/api/v1/appeals/" + id).status()).isEqualTo(200);
    }
}
