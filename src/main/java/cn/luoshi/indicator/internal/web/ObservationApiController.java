package cn.luoshi.indicator.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.common.web.Messages;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.indicator.Grid;
import cn.luoshi.indicator.ImportProblem;
import cn.luoshi.indicator.ImportReport;
import cn.luoshi.indicator.ImportStatus;
import cn.luoshi.indicator.Indicator;
import cn.luoshi.indicator.Indicators;
import cn.luoshi.indicator.Observation;
import cn.luoshi.indicator.ObservationChange;
import cn.luoshi.indicator.ObservationEntry;
import cn.luoshi.indicator.ObservationImports;
import cn.luoshi.indicator.Observations;
import cn.luoshi.indicator.internal.StatisticsAccess;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Observations: filtered reads, single corrections with history, spreadsheet import and grid export. */
@RestController
@RequestMapping("/api/v1/observations")
@PreAuthorize(IndicatorApiController.READERS)
class ObservationApiController {

    private final Observations observations;
    private final ObservationImports imports;
    private final Indicators indicators;
    private final OrgUnits units;
    private final StatisticsAccess access;
    private final Params params;
    private final Messages messages;
    private final UploadFolder uploads;

    ObservationApiController(Observations observations, ObservationImports imports, Indicators indicators,
                             OrgUnits units, StatisticsAccess access, Params params, Messages messages,
                             UploadFolder uploads) {
        this.observations = observations;
        this.imports = imports;
        this.indicators = indicators;
        this.units = units;
        this.access = access;
        this.params = params;
        this.messages = messages;
        this.uploads = uploads;
    }

    /**
     * {@code indicator} (code or name), {@code unit} (id or code), {@code from}/{@code to} (periods), {@code kind}
     * (VALUE, YTD, GROWTH). Without a unit: the stored values of the caller's data scope.
     */
    @GetMapping
    PageResponse<Observation> find(@AuthenticationPrincipal LuoshiUser me,
                                   @RequestParam(required = false) String indicator,
                                   @RequestParam(required = false) String unit,
                                   @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String kind,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return observations.find(indicator, params.unit(unit, "unit"), Params.period(from, "from"),
                Params.period(to, "to"), Params.kind(kind), Paging.of(page, size), me);
    }

    /** Records or corrects one value; the earlier value stays in the history. */
    @PutMapping
    @PreAuthorize(IndicatorApiController.EDITORS)
    Observation record(@AuthenticationPrincipal LuoshiUser me, @Valid @RequestBody ObservationEntry entry) {
        return observations.record(entry, me);
    }

    @GetMapping("/history")
    List<ObservationChange> history(@AuthenticationPrincipal LuoshiUser me, @RequestParam String indicator,
                                    @RequestParam String unit, @RequestParam String period,
                                    @RequestParam String kind) {
        return observations.history(indicator, params.unit(unit, "unit"), Params.requiredPeriod(period, "period"),
                Params.kind(kind), me);
    }

    /**
     * Imports a CSV or XLSX file (multipart field {@code file}). All or nothing: 200 with the report, or 422 with a
     * row-by-row list of what is wrong and nothing written. With {@code async=true} the import runs in the
     * background: 202 with the import, whose progress {@code GET /imports/{id}} reports. With {@code dryRun=true}
     * nothing is written: 200 with the preview (status PREVIEW, the counts of new, corrected and unchanged values,
     * and the first changes, corrections first with their old and new value), or 422 as above.
     */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(IndicatorApiController.EDITORS)
    ResponseEntity<?> importFile(@AuthenticationPrincipal LuoshiUser me, @RequestPart("file") MultipartFile file,
                                 @RequestParam(defaultValue = "false") boolean async,
                                 @RequestParam(defaultValue = "false") boolean dryRun, HttpServletRequest request)
            throws IOException {
        String filename = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        if (dryRun) {
            ImportReport preview;
            try (InputStream input = file.getInputStream()) {
                preview = imports.preview(input, filename, file.getSize(), me);
            }
            return preview.status() == ImportStatus.REJECTED
                    ? ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                            .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(rejection(preview, request))
                    : ResponseEntity.ok(preview);
        }
        if (async) {
            Path saved = uploads.save(file);
            long id = imports.startInBackground(saved, filename, me);
            return ResponseEntity.accepted().location(URI.create("/api/v1/observations/imports/" + id))
                    .body(imports.status(id, me));
        }
        ImportReport report;
        try (InputStream input = file.getInputStream()) {
            report = imports.importNow(input, filename, file.getSize(), me);
        }
        if (report.status() == ImportStatus.REJECTED) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(rejection(report, request));
        }
        return ResponseEntity.ok(report);
    }

    /** RFC 9457 problem details with one error per bad cell (row, column, message in Chinese and English). */
    private ProblemDetail rejection(ImportReport report, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.chinese("indicator.import.rejected", report.filename(), report.errorCount(),
                        report.problems().size()));
        problem.setTitle(messages.chinese("status.422"));
        problem.setType(URI.create("https://luoshi.cn/problems/indicator.import.rejected"));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", "indicator.import.rejected");
        problem.setProperty("detailEn", messages.english("indicator.import.rejected", report.filename(),
                report.errorCount(), report.problems().size()));
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ImportProblem p : report.problems()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", p.row() > 0 ? "row " + p.row() : "file");
            error.put("row", p.row());
            error.put("column", p.column());
            error.put("code", p.code());
            error.put("message", ImportMessages.text(messages, Messages.CHINESE, p));
            error.put("messageEn", ImportMessages.text(messages, Messages.ENGLISH, p));
            errors.add(error);
        }
        problem.setProperty("errors", errors);
        problem.setProperty("errorCount", report.errorCount());
        problem.setProperty("importId", report.id());
        return problem;
    }

    @GetMapping("/imports")
    PageResponse<ImportReport> recentImports(@AuthenticationPrincipal LuoshiUser me,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return imports.recent(me, Paging.of(page, size));
    }

    @GetMapping("/imports/{id}")
    ImportReport importStatus(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return imports.status(id, me);
    }

    /**
     * The grid of one indicator as XLSX: the unit (default: the caller's scope unit) and its regions, periods from
     * {@code from} to {@code to} (default: this and last year). The file can be imported again as it is.
     */
    @GetMapping("/export")
    void export(@AuthenticationPrincipal LuoshiUser me, @RequestParam String indicator,
                @RequestParam(required = false) String unit, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String kind,
                HttpServletResponse response) throws IOException {
        Indicator chosen = indicators.get(indicator);
        Grid grid = GridUnits.grid(observations, units, access, me, chosen, params.unit(unit, "unit"),
                Params.period(from, "from"), Params.period(to, "to"), Params.kind(kind));
        IndicatorApiController.xlsx(response, chosen.nameZh() + ".xlsx");
        Workbooks.grid(response.getOutputStream(), grid);
    }
}
