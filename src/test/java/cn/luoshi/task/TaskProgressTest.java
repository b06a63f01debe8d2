package cn.luoshi.task;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import cn.luoshi.org.DemoCity;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress rolls up through sub-tasks at any depth; evidence files are checked and kept within scope. */
@LuoshiTest
class TaskProgressTest {

    static final LocalDate START = MutableClock.START.toLocalDate();

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    TaskFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new TaskFixtures(port, units);
    }

    long subtask(Api api, long parent, String title, String leadCode) {
        Api.Response created = api.post("/api/v1/tasks/" + parent + "/subtasks", Map.of("title", title,
                "leadUnitId", fx.unit(leadCode), "dueDate", START.plusDays(60).toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    @Test
    void aParentShowsTheMeanOfItsChildrenAtAnyDepth() {
        long city = fx.accepted("汇总测试：全市工业集中区整合提升", DemoCity.GXJ, "gxj", START, START.plusDays(120),
                Map.of());
        long chengguan = subtask(fx.supervisor, city, "汇总测试：城关区整合提升", DemoCity.CHENGGUAN);
        long linjiang = subtask(fx.supervisor, city, "汇总测试：临江县整合提升", DemoCity.LINJIANG);
        JsonNode parent = fx.get(city);
        assertThat(parent.path("children").findValuesAsString("title"))
                .containsExactlyInAnyOrder("汇总测试：城关区整合提升", "汇总测试：临江县整合提升");
        assertThat(parent.path("childCount").asInt()).isEqualTo(2);

        Api cgq = fx.as("cgq");
        TaskFixtures.ok(fx.step(cgq, chengguan, "ACCEPT", null));
        // 城关区 decomposes its part once more, to its own department.
        long department = subtask(cgq, chengguan, "汇总测试：城关区发改局园区规划", DemoCity.CHENGGUAN_FGJ);
        TaskFixtures.ok(fx.step(fx.as("cgfgj.jb"), department, "ACCEPT", null));
        TaskFixtures.ok(fx.report(fx.as("cgfgj.jb"), department, 80, "规划初稿完成"));
        assertThat(fx.get(chengguan).path("progress").asDouble()).isEqualTo(80.0);
        assertThat(fx.get(city).path("progress").asDouble()).isEqualTo(40.0);

        Api ljx = fx.as("ljx.jb");
        TaskFixtures.ok(fx.step(ljx, linjiang, "ACCEPT", null));
        TaskFixtures.ok(fx.report(ljx, linjiang, 30, "摸底调查完成"));
        assertThat(fx.get(city).path("progress").asDouble()).isEqualTo(55.0);

        TaskFixtures.ok(EvidenceUploads.report(ljx, linjiang, 100, "方案通过", "方案.pdf", EvidenceUploads.PDF));
        TaskFixtures.ok(fx.step(ljx, linjiang, "REQUEST_COMPLETION", null));
        TaskFixtures.ok(fx.step(fx.supervisor, linjiang, "APPROVE_COMPLETION", null));
        assertThat(fx.get(city).path("progress").asDouble()).isEqualTo(90.0);

        // A cancelled part no longer counts.
        TaskFixtures.ok(fx.step(fx.supervisor, chengguan, "CANCEL", "并入临江县方案"));
        assertThat(fx.get(department).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(fx.get(city).path("progress").asDouble()).isEqualTo(100.0);

        // The district sees its part, not the city task above it.
        assertThat(cgq.get("/api/v1/tasks/" + city).status()).isEqualTo(404);
        assertThat(cgq.get("/api/v1/tasks/" + chengguan).json().path("parent").isNull()).isTrue();
    }

    @Test
    void evidenceOfTheWrongTypeOrSizeIsRefusedAndNothingIsFiled() {
        Api gxj = fx.as("gxj");
        long id = fx.accepted("佐证检查测试任务", DemoCity.GXJ, "gxj", START, START.plusDays(60), Map.of());

        Api.Response disguised = EvidenceUploads.report(gxj, id, 50, "可执行文件改名", "验收报告.pdf",
                EvidenceUploads.EXECUTABLE);
        assertThat(disguised.status()).isEqualTo(400);
        assertThat(disguised.json().path("detail").asString()).contains("验收报告.pdf", "类型");

        Api.Response wrongExtension = EvidenceUploads.report(gxj, id, 50, "图片写成文档", "照片.docx",
                EvidenceUploads.PNG);
        assertThat(wrongExtension.status()).isEqualTo(400);

        byte[] large = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(EvidenceUploads.PDF, 0, large, 0, EvidenceUploads.PDF.length);
        Api.Response oversize = EvidenceUploads.report(gxj, id, 50, "超大文件", "扫描件.pdf", large);
        assertThat(oversize.status()).isEqualTo(413);
        assertThat(oversize.json().path("detail").asString()).contains("扫描件.pdf", "10 MB");

        JsonNode task = fx.get(id);
        assertThat(task.path("progress").asDouble()).isZero();
        assertThat(task.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(fx.supervisor.get("/api/v1/tasks/" + id + "/timeline").body()).doesNotContain("PROGRESS_REPORTED");
    }

    @Test
    void evidenceIsDownloadedByThoseWhoSeeTheTask() throws Exception {
        Api gxj = fx.as("gxj");
        long id = fx.accepted("佐证下载测试任务", DemoCity.GXJ, "gxj", START, START.plusDays(60), Map.of());
        JsonNode task = TaskFixtures.ok(EvidenceUploads.report(gxj, id, 20, "附现场照片", "现场照片.png",
                EvidenceUploads.PNG)).json();
        assertThat(task.path("progress").asDouble()).isEqualTo(20.0);
        JsonNode timeline = fx.supervisor.get("/api/v1/tasks/" + id + "/timeline").json();
        long fileId = timeline.findValues("files").stream().filter(f -> f.size() > 0).findFirst().orElseThrow()
                .get(0).path("id").asLong();

        HttpResponse<byte[]> download = java.net.http.HttpClient.newHttpClient().send(
                fx.supervisor.builder("/api/v1/tasks/" + id + "/files/" + fileId).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.body()).isEqualTo(EvidenceUploads.PNG);
        assertThat(fx.as("zjj").get("/api/v1/tasks/" + id + "/files/" + fileId).status()).isEqualTo(404);
        long other = fx.draft("佐证下载测试另一任务", DemoCity.GXJ, START, START.plusDays(60));
        assertThat(fx.supervisor.get("/api/v1/tasks/" + other + "/files/" + fileId).status()).isEqualTo(404);
    }
}
