package cn.luoshi.common.web;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import cn.luoshi.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every export is saved under its Chinese name, as an attachment, whatever the browser: the header carries the
 * name encoded as RFC 6266 asks, and reading the header back gives exactly that name.
 */
@LuoshiTest
class DownloadNamesTest {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpResponse<byte[]> download(String user, String path) throws Exception {
        return HTTP.send(Api.as(port, user).builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String savedAs(HttpResponse<?> response) {
        String header = response.headers().firstValue("Content-Disposition").orElseThrow();
        ContentDisposition disposition = ContentDisposition.parse(header);
        assertThat(disposition.isAttachment()).as(header).isTrue();
        return disposition.getFilename();
    }

    @Test
    void theTaskExportIsSavedAs督办任务() throws Exception {
        HttpResponse<byte[]> response = download("duchashi", "/api/v1/tasks/export");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(savedAs(response)).isEqualTo("督办任务.xlsx");
        assertThat(response.headers().firstValue("Content-Type")).contains(Downloads.XLSX.toString());
    }

    @Test
    void theProjectExportIsSavedAs重点项目() throws Exception {
        HttpResponse<byte[]> response = download("duchashi", "/api/v1/projects/export");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(savedAs(response)).isEqualTo("重点项目.xlsx");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void theAppealExportIsSavedUnderItsNameAndTheDay() throws Exception {
        HttpResponse<byte[]> response = download("duchashi", "/api/v1/appeals/export");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(savedAs(response)).isEqualTo("企业诉求清单-" + LocalDate.now(clock) + ".xlsx");
    }

    @Test
    void theImportTemplateIsSavedUnderItsSetAndLayout() throws Exception {
        HttpResponse<byte[]> response = download("tjj", "/api/v1/indicators/template?set=ECONOMY&layout=long");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(savedAs(response)).isEqualTo("导入模板-ECONOMY-long.xlsx");
    }
}
