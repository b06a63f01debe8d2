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
import cn.luoshi.appeal.internal.Open311Clients;
import cn.luoshi.appeal.internal.WorkingCalendar;
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
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final WorkingCalendar calendar;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    AppealAdminApiController(OnSiteMeetings meetings, AppealCatalog catalog, Open311Clients clients,
                             WorkingCalendar calendar, JdbcClient jdbc, ApplicationEventPublisher events,
                             java.time.Clock clock) {
        this.meetings = meetings;
        this.catalog = catalog;
        this.clients = clients;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
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

    /** Changes a tier's deadlines; appeals filed from now on get them. */
    @PutMapping("/sla-tiers/{code}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Transactional
    SlaTier updateTier(@PathVariable String code, @Valid @RequestBody TierRequest r) {
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
    AppealCategory updateCategory(@PathVariable String code, @Valid @RequestBody CategoryRequest r) {
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

    /** A day of the working calendar that differs from Monday-to-Friday. */
    record CalendarDay(LocalDate day, boolean working, String note) {
    }

    @GetMapping("/calendar")
    List<CalendarDay> calendar(@RequestParam(required = false) Integer year) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        return jdbc.sql("select day, working, note from appeal_calendar_day where extract(year from day) = ? "
                        + "order by day").param(y)
                .query((rs, n) -> new CalendarDay(rs.getObject(1, LocalDate.class), rs.getBoolean(2),
                        rs.getString(3))).list();
    }

    /** Adds or changes a holiday or 调休 working day (e.g. when next year's notice is published). */
    @PutMapping("/calendar/{day}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Transactional
    CalendarDay setDay(@PathVariable LocalDate day, @Valid @RequestBody CalendarDay r) {
        String note = r.note() == null ? "" : r.note().strip();
        jdbc.sql("""
                        insert into appeal_calendar_day (day, working, note) values (?, ?, ?)
                        on conflict (day) do update set working = excluded.working, note = excluded.note""")
                .params(day, r.working(), note.length() > 40 ? note.substring(0, 40) : note).update();
        events.publishEvent(new AuditRecord("appeal.calendar.updated", "WorkingCalendar", day.toString(), null,
                "工作日历：" + day + (r.working() ? " 上班" : " 放假") + "（" + note + "）", null, r));
        calendar.reload();
        return new CalendarDay(day, r.working(), note);
    }

    @GetMapping("/open311-clients")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<Open311Client> open311Clients() {
        return clients.list();
    }

    record ClientRequest(@NotBlank String name) {
    }

    /** Issues a key for a client system; the key is in this answer only. */
    @PostMapping("/open311-clients")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Open311Clients.Issued> issue(@AuthenticationPrincipal LuoshiUser me,
                                                @Valid @RequestBody ClientRequest r) {
        return ResponseEntity.status(201).body(clients.issue(r.name(), me));
    }

    @PostMapping("/open311-clients/{id}/revoke")
    @PreAuthorize("hasRole('ADMIN')")
    Open311Client revoke(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return clients.revoke(id, me);
    }
}
