package cn.luoshi.appeal.internal.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.luoshi.appeal.Appeal;
import cn.luoshi.appeal.AppealAction;
import cn.luoshi.appeal.AppealCallback;
import cn.luoshi.appeal.AppealCategory;
import cn.luoshi.appeal.AppealChannel;
import cn.luoshi.appeal.AppealHistoryEntry;
import cn.luoshi.appeal.AppealQuery;
import cn.luoshi.appeal.AppealStatistics;
import cn.luoshi.appeal.AppealStats;
import cn.luoshi.appeal.AppealStatus;
import cn.luoshi.appeal.Appeals;
import cn.luoshi.appeal.CallbackOutcome;
import cn.luoshi.appeal.CloseReason;
import cn.luoshi.appeal.FiledAppeal;
import cn.luoshi.appeal.NewAppeal;
import cn.luoshi.appeal.Rating;
import cn.luoshi.appeal.SlaTier;
import cn.luoshi.appeal.Transition;
import cn.luoshi.appeal.internal.AppealCatalog;
import cn.luoshi.appeal.internal.AppealExport;
import cn.luoshi.appeal.internal.PublicIntakeGuard;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.LuoshiUser;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The appeal API. {@code POST /api/v1/appeals} is also the public intake: without credentials it is rate-limited
 * per client address and answers only with the new appeal's code and follow-up token.
 */
@RestController
@RequestMapping("/api/v1/appeals")
class AppealApiController {

    private final Appeals appeals;
    private final AppealStatistics statistics;
    private final AppealCatalog catalog;
    private final AppealExport export;
    private final PublicIntakeGuard guard;

    AppealApiController(Appeals appeals, AppealStatistics statistics, AppealCatalog catalog, AppealExport export,
                        PublicIntakeGuard guard) {
        this.appeals = appeals;
        this.statistics = statistics;
        this.catalog = catalog;
        this.export = export;
        this.guard = guard;
    }

    /** The body of an appeal filed through the API. */
    record AppealRequest(String creditCode, String enterpriseName, String contactName, String contactPhone,
                         String contactEmail, String categoryCode, String title, String content,
                         AppealChannel channel, Long responsibleUnitId, List<Long> coUnitIds, Long projectId,
                         Long taskId, Long meetingId, String sourceKey, String address, BigDecimal latitude,
                         BigDecimal longitude, Boolean confirmDuplicate) {

        NewAppeal toCommand() {
            return new NewAppeal(creditCode, enterpriseName, contactName, contactPhone, contactEmail, categoryCode,
                    title, content, channel, responsibleUnitId, coUnitIds, projectId, taskId, meetingId, sourceKey,
                    address, latitude, longitude, Boolean.TRUE.equals(confirmDuplicate));
        }
    }

    /** What the public intake answers: the code, the follow-up token and where to follow up. Nothing else. */
    record PublicReceipt(String code, String followUpToken, String trackUrl) {
        static PublicReceipt of(FiledAppeal filed) {
            return new PublicReceipt(filed.code(), filed.followUpToken(), "/public/appeals/track?code=" + filed.code()
                    + (filed.followUpToken() == null ? "" : "&token=" + filed.followUpToken()));
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> file(@RequestBody AppealRequest body, HttpServletRequest request) {
        return respond(body.toCommand(), List.of(), request);
    }

    /** The same with attachments: the appeal's fields as form fields, files as {@code files}. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> fileMultipart(AppealRequest body,
                                    @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                    HttpServletRequest request) {
        return respond(body.toCommand(), files == null ? List.of() : files, request);
    }

    private ResponseEntity<?> respond(NewAppeal cmd, List<MultipartFile> files, HttpServletRequest request) {
        LuoshiUser user = PublicIntakeGuard.credentialedUser(request);
        if (user == null || guard.limitsUser(user)) {
            guard.check(ClientAddress.of(request));
        }
        if (user == null) {
            FiledAppeal filed = appeals.filePublic(cmd, files);
            return ResponseEntity.created(URI.create("/public/appeals/track?code=" + filed.code()))
                    .body(PublicReceipt.of(filed));
        }
        FiledAppeal filed = appeals.file(cmd, user, files);
        return ResponseEntity.created(URI.create("/api/v1/appeals/" + filed.id())).body(filed);
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    PageResponse<Appeal> list(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) Long unit,
                              @RequestParam(required = false) AppealStatus status,
                              @RequestParam(required = false) String category,
                              @RequestParam(required = false) Boolean overdue,
                              @RequestParam(required = false) Boolean flagged,
                              @RequestParam(required = false) Long meeting,
                              @RequestParam(required = false) String q,
                              @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        return appeals.list(new AppealQuery(unit, status, blank(category), overdue, flagged, meeting, null, null,
                null, q), me, Paging.of(page, size));
    }

    /** An appeal with what the reader may do to it now ({@code allowedActions}, from the appeal's rule table). */
    record AppealDetail(@JsonUnwrapped Appeal appeal, List<String> allowedActions) {
    }

    @GetMapping("/{id}")
    AppealDetail get(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        Appeal appeal = appeals.get(id, me);
        return new AppealDetail(appeal, appeals.allowedActions(appeal, me));
    }

    @GetMapping("/{id}/history")
    List<AppealHistoryEntry> history(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return appeals.history(id, me);
    }

    /** What the user may do with the appeal now (the same as {@code allowedActions} of the appeal). */
    @GetMapping("/{id}/actions")
    List<String> actions(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return appeals.allowedActions(appeals.get(id, me), me);
    }

    record TransitionRequest(@NotNull AppealAction action, @NotNull Integer version, Long unitId,
                             List<Long> coUnitIds, String reason, String answer, CloseReason closeReason) {
    }

    @PostMapping("/{id}/transitions")
    Appeal transition(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                      @Valid @RequestBody TransitionRequest r) {
        return appeals.transition(id, new Transition(r.action(), r.version(), r.unitId(), r.coUnitIds(), r.reason(),
                r.answer(), r.closeReason()), me);
    }

    /** {@code token} (with {@code code}) rates without an account; an enterprise account needs neither. */
    record RatingRequest(@NotNull Rating rating, String comment, Integer version, String token) {
    }

    @PostMapping("/{id}/rating")
    Appeal rate(@PathVariable long id, @Valid @RequestBody RatingRequest r, HttpServletRequest request) {
        LuoshiUser user = PublicIntakeGuard.credentialedUser(request);
        if (user != null && r.token() == null) {
            return appeals.rate(id, r.rating(), r.comment(), r.version(), user);
        }
        guard.checkLookup(ClientAddress.of(request));
        return appeals.rateWithToken(id, r.token(), r.rating(), r.comment(), r.version());
    }

    record CallbackRequest(@NotNull CallbackOutcome outcome, String note) {
    }

    @PostMapping("/{id}/callbacks")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<AppealCallback> callback(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                                            @Valid @RequestBody CallbackRequest r) {
        AppealCallback created = appeals.recordCallback(id, r.outcome(), r.note(), me);
        return ResponseEntity.status(201).body(created);
    }

    /** A random sample of recently closed appeals not yet called back, for the supervisor's 回访. */
    @GetMapping("/callback-sample")
    @PreAuthorize("hasRole('SUPERVISOR')")
    List<Appeal> callbackSample(@AuthenticationPrincipal LuoshiUser me,
                                @RequestParam(required = false, defaultValue = "10") int size) {
        return appeals.callbackSample(size, me);
    }

    @GetMapping("/{id}/callbacks")
    List<AppealCallback> callbacks(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return appeals.callbacks(id, me);
    }

    /** The follow-up by token: the one appeal and its history, nothing else. */
    record TrackView(String code, String title, String categoryName, AppealStatus status, String responsibleUnit,
                     OffsetDateTime submittedAt, OffsetDateTime answerDueAt, boolean deadlineEstimated,
                     OffsetDateTime answeredAt, String answer, Rating rating, int version,
                     List<AppealHistoryEntry> history) {
    }

    @GetMapping("/track")
    TrackView track(@RequestParam(required = false) String code, @RequestParam(required = false) String token,
                    HttpServletRequest request) {
        guard.checkLookup(ClientAddress.of(request));
        Appeal a = appeals.byToken(code, token);
        return new TrackView(a.code(), a.title(), a.categoryName(), a.status(),
                a.responsibleUnit() == null ? null : a.responsibleUnit().name(), a.submittedAt(), a.answerDueAt(),
                a.deadlineEstimated(), a.answeredAt(), a.answer(), a.rating(), a.version(),
                appeals.historyByToken(code, token));
    }

    @GetMapping("/stats")
    @PreAuthorize("isAuthenticated() and !hasRole('ENTERPRISE')")
    AppealStats stats(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) Long unit,
                      @RequestParam(required = false) String category,
                      @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        return statistics.stats(me, unit, blank(category), from, to);
    }

    @GetMapping("/export")
    @PreAuthorize("isAuthenticated() and !hasRole('ENTERPRISE')")
    void export(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) Long unit,
                @RequestParam(required = false) AppealStatus status, @RequestParam(required = false) String category,
                @RequestParam(required = false) Boolean overdue, HttpServletResponse response) throws IOException {
        export.write(new AppealQuery(unit, status, blank(category), overdue, null, null, null, null, null, null), me,
                response);
    }

    @GetMapping("/categories")
    List<AppealCategory> categories() {
        return catalog.categories(true);
    }

    @GetMapping("/sla-tiers")
    List<SlaTier> tiers() {
        return catalog.tiers();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
