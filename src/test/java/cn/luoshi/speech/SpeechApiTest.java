package cn.luoshi.speech;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import cn.luoshi.testsupport.Api;
import org.openpdf.text.Document;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;
import cn.luoshi.testsupport.LuoshiTest;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/speech/extract}: the JSON contract, file uploads and the refusals. */
@LuoshiTest
class SpeechApiTest {

    @LocalServerPort
    int port;

    private Api.Response extractText(String user, String text) {
        Api api = Api.as(port, user);
        return api.send(api.builder("/api/v1/speech/extract").header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
    }

    private Api.Response upload(String fileName, byte[] content) {
        return upload("duchashi", fileName, content);
    }

    private Api.Response upload(String user, String fileName, byte[] content) {
        String boundary = "----speech" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Api api = Api.as(port, user);
        return api.send(api.builder("/api/v1/speech/extract")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    @Test
    void aSeedSpeechComesBackAsTheContractNamesItWithOffsetsIntoTheSentText() {
        String seed = Speeches.read(Speeches.SEED_001);
        Api.Response response = extractText("duchashi", seed);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode json = response.json();

        assertThat(json.path("speakerRole").asString()).isEqualTo("市委书记");
        JsonNode first = json.path("outline").get(0);
        assertThat(first.path("level").asInt()).isEqualTo(1);
        assertThat(first.path("marker").asString()).isEqualTo("一、");
        assertThat(first.path("heading").asString()).startsWith("牢记使命");
        assertThat(seed.substring(first.path("start").asInt(), first.path("end").asInt())).startsWith("一、牢记使命");
        assertThat(first.path("children").size()).isEqualTo(4);

        JsonNode task = json.path("tasks").get(json.path("tasks").size() - 1);
        assertThat(task.path("outlinePath").isArray()).isTrue();
        String source = seed.substring(task.path("start").asInt(), task.path("end").asInt());
        // The speech closes with （六）加强区域协作联动: working with the neighbouring cities.
        assertThat(source).contains("兄弟市州合作交流");

        JsonNode gdp = null;
        for (JsonNode t : json.path("targets")) {
            if ("GDP".equals(t.path("indicator").asString())) {
                gdp = t;
            }
        }
        assertThat(gdp).as("the GDP target of 三、一是").isNotNull();
        assertThat(gdp.path("comparator").asString()).isEqualTo("突破");
        assertThat(gdp.path("value").isNull()).isTrue();
        assertThat(gdp.path("unit").asString()).isEqualTo("亿元");
        assertThat(gdp.path("deadline").asInt()).isEqualTo(2026);
        assertThat(json.path("placeholders").asInt()).isPositive();
        assertThat(json.has("figures") && json.has("projects") && json.has("programmes")).isTrue();
    }

    @Test
    void aWordFileIsReadLikePastedText() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String line : new String[] {"在全市项目建设推进会上的讲话", "一、抓好项目建设",
                    "要加快推进城东污水处理厂二期工程建设，确保年底前建成投用。", "二、优化营商环境",
                    "要建立健全政企沟通机制，每月召开一次企业座谈会。"}) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(out);
        }
        Api.Response response = upload("讲话.docx", out.toByteArray());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.path("outline").size()).isEqualTo(2);
        assertThat(json.path("outline").get(1).path("heading").asString()).isEqualTo("优化营商环境");
        assertThat(json.path("tasks").toString()).contains("政企沟通机制");
    }

    /** Sentences that once answered 500: a Chinese numeral before 年 at the start, a number with two dots. */
    @Test
    void sentencesThatOnceCrashedTheExtractorAnswer200() {
        for (String text : new String[] {"实现三年翻一番。", "会议于2024.1.27召开", "19.936.943.2"}) {
            Api.Response response = extractText("duchashi", text);
            assertThat(response.status()).as(text + " → " + response.body()).isEqualTo(200);
            assertThat(response.json().path("figures").size()).as(text).isZero();
            assertThat(response.json().path("targets").size()).as(text).isZero();
        }
        Api.Response dated = extractText("duchashi", "截至2024.1.27，全县完成固定资产投资12.5亿元。");
        assertThat(dated.status()).isEqualTo(200);
        JsonNode figure = dated.json().path("figures").get(0);
        assertThat(figure.path("value").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(figure.path("period").asString()).isEqualTo("2024.1.27");
        assertThat(figure.path("year").asInt()).isEqualTo(2024);
    }

    @Test
    void badInputIsRefusedInPlainWordsAsProblemDetails() {
        Api.Response empty = extractText("duchashi", "   ");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(empty.json().path("detail").asString()).contains("没有讲话内容");

        Api.Response oldWord = upload("讲话.doc", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3});
        assertThat(oldWord.status()).isEqualTo(415);
        assertThat(oldWord.json().path("detail").asString()).contains(".docx");

        Api.Response broken = upload("讲话.docx", "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.contentType()).startsWith("application/problem+json");
        assertThat(broken.json().path("detail").asString()).contains("无法读取");

        Api.Response brokenPdf = upload("讲话.pdf", "%PDF-1.4 garbage".getBytes(StandardCharsets.UTF_8));
        assertThat(brokenPdf.status()).isEqualTo(422);

        Api.Response huge = extractText("duchashi", "要".repeat(800_000));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().path("detail").asString()).contains("太长");

        Api.Response anonymous = Api.anonymous(port).post("/api/v1/speech/extract", "\"一、抓好项目\"");
        assertThat(anonymous.status()).isIn(401, 403);
    }

    /** A one-page PDF whose text switches between two fonts before every character. */
    static byte[] fontSwitchingPdf(int switches) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.open();
        PdfContentByte canvas = writer.getDirectContent();
        BaseFont helvetica = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        BaseFont courier = BaseFont.createFont(BaseFont.COURIER, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        canvas.beginText();
        canvas.moveText(36, 800);
        for (int i = 0; i < switches; i++) {
            canvas.setFontAndSize(i % 2 == 0 ? helvetica : courier, 10);
            canvas.showText("x");
        }
        canvas.endText();
        document.close();
        return out.toByteArray();
    }

    @Test
    void aPdfThatAsksTooMuchOfTheReaderIsRefusedInPlainWords() throws Exception {
        byte[] pdf = fontSwitchingPdf(25_000);
        assertThat(pdf.length).as("a small file").isLessThan(200_000);
        Api.Response refused = upload("讲话.pdf", pdf);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("这个 PDF 切换字体的次数过多（超过 20,000 次），无法读取；请另存为 .docx 或纯文本后再上传。");

        // Below the bound, the same kind of file is read.
        Api.Response read = upload("讲话.pdf", fontSwitchingPdf(200));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
    }

    @Test
    void onlyThoseWhoImportSpeechesMayExtract() throws Exception {
        for (String user : new String[] {"gxj", "qiye1", "leader"}) {
            Api.Response text = extractText(user, "一、抓好项目建设");
            assertThat(text.status()).as(user).isEqualTo(403);
            assertThat(text.json().path("detail").asString()).as(user).contains("督查室");
            assertThat(upload(user, "讲话.pdf", fontSwitchingPdf(10)).status()).as(user).isEqualTo(403);
        }
        assertThat(extractText("admin", "一、抓好项目建设").status()).isEqualTo(200);
    }
}
