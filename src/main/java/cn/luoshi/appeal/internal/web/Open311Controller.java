package cn.luoshi.appeal.internal.web;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.luoshi.appeal.Appeal;
import cn.luoshi.appeal.AppealCategory;
import cn.luoshi.appeal.AppealChannel;
import cn.luoshi.appeal.AppealQuery;
import cn.luoshi.appeal.AppealStatus;
import cn.luoshi.appeal.Appeals;
import cn.luoshi.appeal.FiledAppeal;
import cn.luoshi.appeal.NewAppeal;
import cn.luoshi.appeal.Open311Client;
import cn.luoshi.appeal.SlaTier;
import cn.luoshi.appeal.internal.AppealCatalog;
import cn.luoshi.appeal.internal.AppealRepository;
import cn.luoshi.appeal.internal.Open311Clients;
import cn.luoshi.appeal.internal.PublicIntakeGuard;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.web.Messages;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.DataScope;
import cn.luoshi.org.LuoshiUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2: the appeal categories as services, appeals as service requests, in JSON and XML. Services
 * are public. Requests are filed with an API key (one per client system) and read back either with that key (the
 * system's own requests) or with a user's credentials (that user's data scope); nothing else is ever listed.
 * The enterprise is named through the service's attributes {@code attribute[credit_code]} and
 * {@code attribute[enterprise_name]}; {@code jurisdiction_id} is accepted and ignored (one jurisdiction per
 * deployment).
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    private static final int MAX_LIST = 1000;

    private final Appeals appeals;
    private final AppealCatalog catalog;
    private final AppealRepository repository;
    private final Open311Clients clients;
    private final PublicIntakeGuard guard;
    private final Messages messages;
    private final JsonMapper json;
    private final java.time.Clock clock;

    Open311Controller(Appeals appeals, AppealCatalog catalog, AppealRepository repository, Open311Clients clients,
                      PublicIntakeGuard guard, Messages messages, JsonMapper json, java.time.Clock clock) {
        this.appeals = appeals;
        this.catalog = catalog;
        this.repository = repository;
        this.clients = clients;
        this.guard = guard;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------- services

    @GetMapping("/discovery.{format:json|xml}")
    ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
        String base = request.getRequestURL().toString().replaceFirst("/discovery\\.(json|xml)$", "/");
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
        endpoint.put("url", base);
        endpoint.put("changeset", "2026-01-01T00:00:00+08:00");
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", "2026-01-01T00:00:00+08:00");
        discovery.put("contact", "营商环境建设局");
        discovery.put("key_service", "向系统管理员申请 Open311 接入密钥");
        discovery.put("endpoints", List.of(endpoint));
        return Open311Format.isXml(format)
                ? ok(format, Open311Format.xmlObject("discovery", discovery))
                : ok(format, Open311Format.json(json, discovery));
    }

    @GetMapping("/services.{format:json|xml}")
    ResponseEntity<String> services(@PathVariable String format,
                                    @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        List<Map<String, Object>> services = new ArrayList<>();
        for (AppealCategory c : catalog.categories(true)) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("service_code", c.code());
            s.put("service_name", c.name());
            s.put("description", c.description());
            s.put("metadata", true);
            s.put("type", "realtime");
            s.put("keywords", c.keywords());
            s.put("group", c.groupName());
            services.add(s);
        }
        return list(format, "services", "service", services);
    }

    @GetMapping("/services/{code}.{format:json|xml}")
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format) {
        AppealCategory category = catalog.category(code).filter(AppealCategory::active)
                .orElseThrow(() -> DomainException.notFound("appeal.service", code));
        List<Map<String, Object>> attributes = List.of(
                attribute("credit_code", "统一社会信用代码（18位）", "18 位，含校验位", 1, true),
                attribute("enterprise_name", "企业名称", "营业执照上的名称", 2, true),
                attribute("title", "诉求标题", "可不填，默认取描述的第一句", 3, false));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", category.code());
        definition.put("attributes", attributes);
        return Open311Format.isXml(format)
                ? ok(format, Open311Format.xmlObject("service_definition", definition))
                : ok(format, Open311Format.json(json, definition));
    }

    private static Map<String, Object> attribute(String code, String description, String datatypeDescription,
                                                 int order, boolean required) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("variable", true);
        a.put("code", code);
        a.put("datatype", "string");
        a.put("required", required);
        a.put("datatype_description", datatypeDescription);
        a.put("order", order);
        a.put("description", description);
        return a;
    }

    // ------------------------------------------------------------------------------------------- requests

    @PostMapping("/requests.{format:json|xml}")
    ResponseEntity<String> create(@PathVariable String format, @RequestParam Map<String, String> params,
                                  HttpServletRequest request) {
        Open311Client client = clients.authenticate(params.get("api_key"))
                .orElseThrow(() -> new DomainException(HttpStatus.FORBIDDEN, "appeal.error.apiKey"));
        guard.checkClient(client.id());
        String lastName = params.getOrDefault("last_name", "");
        String firstName = params.getOrDefault("first_name", "");
        String contact = (lastName.strip() + firstName.strip()).strip();
        NewAppeal cmd = new NewAppeal(params.get("attribute[credit_code]"), params.get("attribute[enterprise_name]"),
                contact.isEmpty() ? null : contact, params.get("phone"), params.get("email"),
                params.get("service_code"), params.get("attribute[title]"), params.get("description"),
                AppealChannel.OPEN311, null, List.of(), null, null, null, null, params.get("address_string"),
                decimal(params.get("lat"), "lat"), decimal(params.get("long"), "long"), false);
        FiledAppeal filed = appeals.fileForClient(cmd, client.id());
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("service_request_id", filed.code());
        created.put("service_notice", "已受理，答复时限 " + Open311Format.time(filed.answerDueAt())
                + (filed.deadlineEstimated() ? messages.chinese("appeal.calendar.open311Estimated") : ""));
        created.put("account_id", null);
        List<Map<String, Object>> body = List.of(created);
        return ResponseEntity.status(HttpStatus.CREATED).contentType(type(format))
                .body(Open311Format.isXml(format) ? Open311Format.xmlList("service_requests", "request", body)
                        : Open311Format.json(json, body));
    }

    @GetMapping("/requests.{format:json|xml}")
    ResponseEntity<String> requests(@PathVariable String format, @RequestParam Map<String, String> params,
                                    HttpServletRequest request) {
        Reader reader = reader(params, request);
        List<Appeal> found = new ArrayList<>();
        String ids = params.get("service_request_id");
        if (StringUtils.hasText(ids)) {
            for (String code : ids.split(",")) {
                one(reader, code.strip()).ifPresent(found::add);
            }
        } else {
            AppealStatus status = null;
            String wanted = params.get("status");
            Boolean open = wanted == null ? null : "open".equalsIgnoreCase(wanted) ? Boolean.TRUE
                    : "closed".equalsIgnoreCase(wanted) ? Boolean.FALSE : null;
            if (Boolean.FALSE.equals(open)) {
                status = AppealStatus.CLOSED;
            }
            // Without dates the spec asks for the last 90 days.
            OffsetDateTime end = parseTime(params.get("end_date"), "end_date");
            OffsetDateTime start = parseTime(params.get("start_date"), "start_date");
            if (start == null) {
                start = (end != null ? end : OffsetDateTime.now(clock)).minusDays(90);
            }
            AppealQuery query = new AppealQuery(null, status, blank(params.get("service_code")), null, null, null,
                    reader.clientId(), start, end, null);
            int size = Math.min(MAX_LIST, Math.max(1, parseInt(params.get("page_size"), Paging.MAX_SIZE)));
            var page = repository.list(query, reader.scope(), new Paging(0, size), OffsetDateTime.now(clock));
            found.addAll(page.content());
            if (Boolean.TRUE.equals(open)) {
                found.removeIf(a -> !a.status().isOpen());
            }
        }
        return list(format, "service_requests", "request", found.stream().map(this::request).toList());
    }

    @GetMapping("/requests/{code}.{format:json|xml}")
    ResponseEntity<String> request(@PathVariable String code, @PathVariable String format,
                                   @RequestParam Map<String, String> params, HttpServletRequest request) {
        Appeal appeal = one(reader(params, request), code)
                .orElseThrow(() -> DomainException.notFound("appeal.appeal", code));
        return list(format, "service_requests", "request", List.of(request(appeal)));
    }

    /** Who reads: a client system by its key (its own requests), or a user by credentials (the user's scope). */
    private record Reader(DataScope scope, Long clientId) {
    }

    private Reader reader(Map<String, String> params, HttpServletRequest request) {
        if (params.containsKey("api_key")) {
            Open311Client client = clients.authenticate(params.get("api_key"))
                    .orElseThrow(() -> new DomainException(HttpStatus.FORBIDDEN, "appeal.error.apiKey"));
            return new Reader(DataScope.everything(), client.id());
        }
        LuoshiUser user = PublicIntakeGuard.credentialedUser(request);
        if (user == null) {
            throw new DomainException(HttpStatus.FORBIDDEN, "appeal.error.apiKey");
        }
        return new Reader(user.scope(), null);
    }

    private Optional<Appeal> one(Reader reader, String code) {
        return repository.idByCode(code)
                .flatMap(id -> repository.find(id, reader.scope(), OffsetDateTime.now(clock)))
                .filter(a -> reader.clientId() == null
                        || reader.clientId().equals(repository.open311Client(a.id()).orElse(null)));
    }

    private Map<String, Object> request(Appeal a) {
        SlaTier tier = catalog.category(a.categoryCode()).flatMap(c -> catalog.tier(c.slaTier())).orElse(null);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", a.code());
        r.put("status", a.status().isOpen() ? "open" : "closed");
        String notes = messages.chinese("appeal.status." + a.status());
        if (a.answer() != null) {
            notes += "：" + a.answer();
        }
        r.put("status_notes", notes);
        r.put("service_name", a.categoryName());
        r.put("service_code", a.categoryCode());
        r.put("description", a.content());
        r.put("agency_responsible", a.responsibleUnit() == null ? null : a.responsibleUnit().name());
        r.put("service_notice", tier == null ? null : "答复时限：" + tier.answerDays() + " 个工作日");
        r.put("requested_datetime", Open311Format.time(a.submittedAt()));
        r.put("updated_datetime", Open311Format.time(a.updatedAt()));
        r.put("expected_datetime", a.status().isOpen() ? Open311Format.time(a.answerDueAt()) : null);
        r.put("address", a.address());
        r.put("address_id", null);
        r.put("zipcode", null);
        r.put("lat", a.latitude());
        r.put("long", a.longitude());
        r.put("media_url", null);
        return r;
    }

    // ------------------------------------------------------------------------------------------- errors

    /** Errors as the spec has them: a list of {code, description}, in the format the caller asked for. */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<String> error(DomainException e, HttpServletRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        if (e.fieldProblems().isEmpty()) {
            errors.add(error(e.status().value(), messages.chinese(e.code(), e.args())));
        }
        for (FieldProblem p : e.fieldProblems()) {
            errors.add(error(e.status().value(), open311Name(p.field()) + "：" + messages.chinese(p.code(), p.args())));
        }
        String format = request.getRequestURI().endsWith(".xml") ? "xml" : "json";
        return ResponseEntity.status(e.status()).contentType(type(format))
                .body(Open311Format.isXml(format) ? Open311Format.xmlList("errors", "error", errors)
                        : Open311Format.json(json, errors));
    }

    private static Map<String, Object> error(int code, String description) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("description", description);
        return error;
    }

    /** Our field names in the caller's vocabulary. */
    private static String open311Name(String field) {
        return switch (field) {
            case "creditCode" -> "attribute[credit_code]";
            case "enterpriseName" -> "attribute[enterprise_name]";
            case "contactName" -> "first_name/last_name";
            case "contactPhone" -> "phone";
            case "contactEmail" -> "email";
            case "categoryCode" -> "service_code";
            case "content" -> "description";
            case "title" -> "attribute[title]";
            case "address" -> "address_string";
            default -> field;
        };
    }

    // ------------------------------------------------------------------------------------------- helpers

    private ResponseEntity<String> list(String format, String root, String item, List<Map<String, Object>> items) {
        return ok(format, Open311Format.isXml(format) ? Open311Format.xmlList(root, item, items)
                : Open311Format.json(json, items));
    }

    private static ResponseEntity<String> ok(String format, String body) {
        return ResponseEntity.ok().contentType(type(format)).body(body);
    }

    private static org.springframework.http.MediaType type(String format) {
        return Open311Format.isXml(format) ? Open311Format.XML : Open311Format.JSON;
    }

    private static BigDecimal decimal(String value, String field) {
        if (!StringUtils.hasText(value)) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalidFields(List.of(new FieldProblem(field, "appeal.error.coordinate")));
        }
    }

    private static OffsetDateTime parseTime(String value, String field) {
        if (!StringUtils.hasText(value)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw DomainException.invalidFields(List.of(new FieldProblem(field, "validation.typeMismatch")));
        }
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String blank(String s) {
        return StringUtils.hasText(s) ? s.strip() : null;
    }
}
