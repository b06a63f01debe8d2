package cn.luoshi.task;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.org.OrgUnits;
import cn.luoshi.testsupport.Api;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates tasks through the HTTP API the way the supervision office and the units do. */
final class TaskFixtures {

    final int port;
    private final OrgUnits units;
    final Api supervisor;

    TaskFixtures(int port, OrgUnits units) {
        this.port = port;
        this.units = units;
        this.supervisor = Api.as(port, "duchashi");
    }

    Api as(String username) {
        return Api.as(port, username);
    }

    long unit(String code) {
        return units.findByCode(code).orElseThrow().id();
    }

    /** A draft led by the unit, with any extra fields of the create request. */
    long draft(String title, String leadCode, LocalDate start, LocalDate due, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("leadUnitId", unit(leadCode));
        body.put("startDate", start.toString());
        body.put("dueDate", due.toString());
        body.putAll(extra);
        Api.Response created = supervisor.post("/api/v1/tasks", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    long draft(String title, String leadCode, LocalDate start, LocalDate due) {
        return draft(title, leadCode, start, due, Map.of());
    }

    /** Registered, assigned and accepted by the lead unit's handler. */
    long accepted(String title, String leadCode, String handler, LocalDate start, LocalDate due,
                  Map<String, Object> extra) {
        long id = draft(title, leadCode, start, due, extra);
        ok(step(supervisor, id, "ASSIGN", null));
        ok(step(as(handler), id, "ACCEPT", null));
        return id;
    }

    /** A step on the task's current version (read by the supervision office, which sees every test task). */
    Api.Response step(Api api, long id, String action, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        if (comment != null) {
            body.put("comment", comment);
        }
        body.put("version", version(id));
        return api.post("/api/v1/tasks/" + id + "/transitions", body);
    }

    int version(long id) {
        return get(id).path("version").asInt();
    }

    Api.Response report(Api api, long id, double percent, String text) {
        return api.post("/api/v1/tasks/" + id + "/progress", Map.of("percent", percent, "text", text));
    }

    JsonNode get(Api api, long id) {
        Api.Response response = api.get("/api/v1/tasks/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    JsonNode get(long id) {
        return get(supervisor, id);
    }

    static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        return response;
    }

    static List<String> titles(JsonNode page) {
        return page.path("content").findValuesAsString("title");
    }
}
