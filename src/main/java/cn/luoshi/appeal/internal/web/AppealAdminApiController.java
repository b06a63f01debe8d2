package cn.luoshi.appeal.internal.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import cn.luoshi.appeal.AppealCategory;
import cn.luoshi.appeal.NewAppeal;
import cn.luoshi.appeal.NewOnSiteMeeting;
import cn.luoshi.appeal.OnSiteMeeting;
import cn.luoshi.appeal.OnSiteMeetings;
import cn.luoshi.appeal.Open311Client;
import cn.luoshi.appeal.SlaTier;
import cn.luoshi.appeal.internal.AppealCatalog;
import cn.luoshi.appeal.internal.CalendarDay;
import cn.luoshi.appeal.internal.CalendarNotices;
import cn.luoshi.appeal.internal.Open311Clients;
import cn.luoshi.appeal.internal.SharedSettings;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.org.LuoshiUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** On-site meetings, SLA configuration, the working-day calendar and Open311 client keys. */
@RestController
@RequestMapping("/api/v1/appeals")
class AppealAdminApiController {

    private final OnSiteMeetings meetings;
    private final AppealCatalog catalog;
    private final Open311Clients clients;
    private final CalendarNotices calendar;
    private final SharedSettings settings;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;
    private final java.time.ZoneId zone;

    AppealAdminApiController(OnSiteMeetings meetings, AppealCatalog catalog, Open311Clients clients,
                             CalendarNotices calendar, SharedSettings settings, ApplicationEventPublisher events,
                             java.time.Clock clock, cn.luoshi.common.LuoshiProperties properties) {
        this.meetings = meetings;
        this.catalog = catalog;
        this.clients = clients;
        this.calendar = calendar;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.zone = properties.zone();
    }

    @GetMapping("/meetings")
    List<OnSiteMeeting> meetings(@AuthenticationPrincipal LuoshiUser me) {
        return meetings.list(me);
    }

    @GetMapping("/meetings/{id}")
    OnSiteMeeting meeting(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return meetings.get(id, me);
    }

    record MeetingRequest(@NotBlank String title, @NotNull LocalDate heldOn, String location, Long hostUnitId,
                          Long projectId, Long taskId, List<AppealApiController.AppealRequest> appeals) {
    }

    /** A 现场办公会 with its appeals, all filed in one transaction. */
    @PostMapping("/meetings")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'UNIT_HANDLER', 'UNIT_HEAD')")
    ResponseEntity<OnSiteMeetings.Created> createMeeting(@AuthenticationPrincipal LuoshiUser me,
                                                         @Valid @RequestBody MeetingRequest r) {
        List<NewAppeal> appeals = r.appeals() == null ? List.of()
                : r.appeals().stream().map(AppealApiController.AppealRequest::toCommand).toList();
        var created = meetings.create(new NewOnSiteMeeting(r.title(), r.heldOn(), r.location(), r.hostUnitId(),
                r.projectId(), r.taskId(), appeals), me);
        return ResponseEntity.created(URI.create("/api/v1/appeals/meetings/" + created.meeting().id())).body(created);
    }

    record TierRequest(@NotNull @Min(1) @Max(80) Integer acceptHours, @NotNull @Min(1) @Max(60) Integer answerDays,
                       @NotNull @Min(1) @Max(30) Integer ratingDays, @NotNull Integer version) {
    }

    /** Changes a tier's deadlines; appeals filed from now on get them. Shared by every region. */
    @PutMapping("/sla-tiers/{code}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Transactional
    SlaTier updateTier(@AuthenticationPrincipal LuoshiUser me, @PathVariable String code,
                       @Valid @RequestBody TierRequest r) {
        settings.requireMayChange(me);
        SlaTier before = catalog.tier(code).orElseThrow(() -> DomainException.notFound("appeal.field.sla", code));
        if (!catalog.updateTier(code, r.acceptHours(), r.answerDays(), r.ratingDays(), r.version())) {
            throw DomainException.staleVersion(before.name());
        }
        SlaTier after = catalog.tier(code).orElseThrow();
        events.publishEvent(new AuditRecord("appeal.sla.updated", "SlaTier", code, null,
                "修改诉求时限标准「" + after.name() + "」", before, after));
        return after;
    }

    record CategoryRequest(@NotBlank String slaTier, Long defaultUnitId, Boolean active, @NotNull Integer version) {
    }

    @PutMapping("/categories/{code}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Transactional
    AppealCategory updateCategory(@AuthenticationPrincipal LuoshiUser me, @PathVariable String code,
                                  @Valid @RequestBody CategoryRequest r) {
        settings.requireMayChange(me);
        AppealCategory before = catalog.category(code)
                .orElseThrow(() -> DomainException.notFound("appeal.field.category", code));
        catalog.tier(r.slaTier()).orElseThrow(() -> DomainException.notFound("appeal.field.sla", r.slaTier()));
        if (!catalog.updateCategory(code, r.slaTier(), r.defaultUnitId(), r.active() == null || r.active(),
                r.version())) {
            throw DomainException.staleVersion(before.name());
        }
        AppealCategory after = catalog.category(code).orElseThrow();
        events.publishEvent(new AuditRecord("appeal.category.updated", "AppealCategory", code, null,
                "修改诉求类别「" + after.name() + "」", before, after));
        return after;
    }

    /** The entries of a year's holiday notice (the current year by default); see also {@code /api/v1/calendar}. */
    @GetMapping("/calendar")
    List<CalendarDay> calendar(@RequestParam(required = false) Integer year) {
        int y = year == null ? java.time.LocalDate.now(clock.withZone(zone)).getYear() : year;
        return calendar.year(y).days();
    }

    /** Corrects one day of a recorded year; a new year's notice is imported whole (PUT /api/v1/calendar/{year}). */
    @PutMapping("/calendar/{day}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    CalendarDay setDay(@AuthenticationPrincipal LuoshiUser me, @PathVariable LocalDate day,
                       @Valid @RequestBody CalendarDay r) {
        return calendar.setDay(day, r.working(), r.note(), me);
    }

    @GetMapping("/open311-clients")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<Open311Client> open311Clients(@AuthenticationPrincipal LuoshiUser me) {
        requireMayManageClients(me);
        return clients.list();
    }

    /** Client systems file into every region, so they are shared settings: a district's office neither sees nor
     * manages them. */
    private void requireMayManageClients(LuoshiUser me) {
        if (!settings.mayChange(me)) {
            throw DomainException.forbidden("appeal.error.open311Shared");
        }
    }

    record ClientRequest(@NotBlank String name) {
    }

    /** Issues a key for a client system; the key is in this answer only. */
    @PostMapping("/open311-clients")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Open311Clients.Issued> issue(@AuthenticationPrincipal LuoshiUser me,
                                                @Valid @RequestBody ClientRequest r) {
        requireMayManageClients(me);
        return ResponseEntity.status(201).body(clients.issue(r.name(), me));
    }

    @PostMapping("/open311-clients/{id}/revoke")
    @PreAuthorize("hasRole('ADMIN')")
    Open311Client revoke(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        requireMayManageClients(me);
        return clients.revoke(id, me);
    }
}
