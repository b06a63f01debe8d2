package cn.luoshi.appeal;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import cn.luoshi.appeal.internal.Open311Clients;
import cn.luoshi.org.DemoCity;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open311 GeoReport v2 as a client sees it, checked against the structure of the specification's examples:
 * element names, the status values open/closed, the POST answer with service_request_id, errors as code and
 * description, JSON and XML alike.
 */
@LuoshiTest
class Open311Test {

    @LocalServerPort
    int port;

    @Autowired
    Open311Clients clients;

    @Autowired
    UserDetailsService users;

    String apiKey() {
        var admin = (LuoshiUser) users.loadUserByUsername("admin");
        return clients.issue("市民热线平台 " + System.nanoTime(), admin).apiKey();
    }

    static Document xml(String body) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(body)));
    }

    Api.Response postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return Api.anonymous(port).send(Api.anonymous(port).builder(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Map<String, String> request(String key, String marker) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", key);
        form.put("jurisdiction_id", "990100");
        form.put("service_code", "POWER");
        form.put("description", marker + "：园区变电站容量不足，新厂房无法按期通电。" + AppealSupport.noise(marker.length()));
        form.put("first_name", "建国");
        form.put("last_name", "李");
        form.put("phone", "13800000000");
        form.put("email", "li@example.cn");
        form.put("address_string", "示例市工业集中区纬三路8号");
        form.put("lat", "30.2");
        form.put("long", "114.9");
        form.put("attribute[credit_code]", DemoCity.QIYE2_CREDIT_CODE);
        form.put("attribute[enterprise_name]", "示例新材料科技有限公司");
        return form;
    }

    @Test
    void servicesAreListedInJsonAndXml() throws Exception {
        Api.Response json = Api.anonymous(port).get("/open311/v2/services.json?jurisdiction_id=990100");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        JsonNode first = json.json().get(0);
        assertThat(first.propertyNames()).contains("service_code", "service_name", "description", "metadata", "type",
                "keywords", "group");
        assertThat(first.path("type").asString()).isEqualTo("realtime");

        Api.Response xml = Api.anonymous(port).get("/open311/v2/services.xml");
        assertThat(xml.contentType()).startsWith("text/xml");
        Document doc = xml(xml.body());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("services");
        Element service = (Element) doc.getElementsByTagName("service").item(0);
        assertThat(service.getElementsByTagName("service_code").item(0).getTextContent()).isEqualTo("LAND");
        assertThat(service.getElementsByTagName("service_name").item(0).getTextContent()).isEqualTo("用地保障");

        Document definition = xml(Api.anonymous(port).get("/open311/v2/services/POWER.xml").body());
        assertThat(definition.getDocumentElement().getTagName()).isEqualTo("service_definition");
        assertThat(definition.getElementsByTagName("attribute").getLength()).isEqualTo(3);
        assertThat(((Element) definition.getElementsByTagName("attribute").item(0)).getElementsByTagName("code")
                .item(0).getTextContent()).isEqualTo("credit_code");
    }

    @Test
    void aClientSubmitsWithItsKeyAndFollowsTheRequestWithExpectedDatetimeFromTheSla() throws Exception {
        String key = apiKey();
        Api.Response created = postForm("/open311/v2/requests.xml", request(key, "XML提交"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Document doc = xml(created.body());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("service_requests");
        String id = doc.getElementsByTagName("service_request_id").item(0).getTextContent();
        assertThat(id).startsWith("SQ");
        assertThat(doc.getElementsByTagName("service_notice").getLength()).isEqualTo(1);

        Api.Response one = Api.anonymous(port).get("/open311/v2/requests/" + id + ".json?api_key=" + key);
        JsonNode request = one.json().get(0);
        assertThat(request.propertyNames()).contains("service_request_id", "status", "status_notes", "service_name",
                "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
                "updated_datetime", "expected_datetime", "address", "lat", "long", "media_url");
        assertThat(request.path("status").asString()).isEqualTo("open");
        // POWER: five working days from Wednesday 15 July 2026.
        assertThat(request.path("expected_datetime").asString()).isEqualTo("2026-07-22T17:30:00+08:00");
        assertThat(request.path("address").asString()).isEqualTo("示例市工业集中区纬三路8号");

        Document list = xml(Api.anonymous(port).get("/open311/v2/requests.xml?api_key=" + key).body());
        assertThat(list.getDocumentElement().getTagName()).isEqualTo("service_requests");
        assertThat(list.getElementsByTagName("request").getLength()).isEqualTo(1);
        assertThat(((Element) list.getElementsByTagName("request").item(0)).getElementsByTagName("status").item(0)
                .getTextContent()).isEqualTo("open");

        // Staff read it with their own credentials, the dispatching office included; it then closes.
        JsonNode appeal = Api.as(port, "ysj").get("/api/v1/appeals?q=" + id).json().path("content").get(0);
        assertThat(appeal.path("channel").asString()).isEqualTo("OPEN311");
        assertThat(appeal.path("contactName").asString()).isEqualTo("李建国");
        long appealId = appeal.path("id").asLong();
        Api.Response closed = Api.as(port, "ysj").post("/api/v1/appeals/" + appealId + "/transitions",
                Map.of("action", "CLOSE", "version", appeal.path("version").asInt(), "reason", "企业撤回",
                        "closeReason", "WITHDRAWN"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        JsonNode after = Api.as(port, "ysj").get("/open311/v2/requests/" + id + ".json").json().get(0);
        assertThat(after.path("status").asString()).isEqualTo("closed");
    }

    @Test
    void errorsAreAListOfCodeAndDescriptionAndNothingLeaksWithoutAKey() throws Exception {
        Map<String, String> form = request("wrong-key", "无密钥");
        Api.Response refused = postForm("/open311/v2/requests.json", form);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get(0).path("code").asInt()).isEqualTo(403);
        assertThat(refused.json().get(0).path("description").asString()).contains("api_key");

        Map<String, String> bad = request(apiKey(), "坏代码");
        bad.put("attribute[credit_code]", "123");
        Api.Response invalid = postForm("/open311/v2/requests.xml", bad);
        assertThat(invalid.status()).isEqualTo(400);
        Document errors = xml(invalid.body());
        assertThat(errors.getDocumentElement().getTagName()).isEqualTo("errors");
        Element error = (Element) errors.getElementsByTagName("error").item(0);
        assertThat(error.getElementsByTagName("code").item(0).getTextContent()).isEqualTo("400");
        assertThat(error.getElementsByTagName("description").item(0).getTextContent())
                .contains("attribute[credit_code]").contains("统一社会信用代码不正确");

        assertThat(Api.anonymous(port).get("/open311/v2/requests.json").status()).isEqualTo(403);
        // A second client sees none of the first client's requests.
        String first = apiKey();
        String code = xml(postForm("/open311/v2/requests.xml", request(first, "隔离")).body())
                .getElementsByTagName("service_request_id").item(0).getTextContent();
        String second = apiKey();
        assertThat(Api.anonymous(port).get("/open311/v2/requests/" + code + ".json?api_key=" + second).status())
                .isEqualTo(404);
        assertThat(Api.anonymous(port).get("/open311/v2/requests.json?api_key=" + second).json().size()).isZero();
        // An enterprise account reads only its own credit code's requests.
        assertThat(Api.as(port, "qiye1").get("/open311/v2/requests/" + code + ".json").status()).isEqualTo(404);
        assertThat(Api.as(port, "qiye2").get("/open311/v2/requests/" + code + ".json").status()).isEqualTo(200);
    }
}
