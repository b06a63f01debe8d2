package cn.luoshi.appeal.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.luoshi.appeal.Appeal;
import cn.luoshi.appeal.AppealAction;
import cn.luoshi.appeal.AppealChannel;
import cn.luoshi.appeal.AppealQuery;
import cn.luoshi.appeal.AppealStatistics;
import cn.luoshi.appeal.AppealStats;
import cn.luoshi.appeal.AppealStatus;
import cn.luoshi.appeal.AppealTodo;
import cn.luoshi.appeal.Appeals;
import cn.luoshi.appeal.CallbackOutcome;
import cn.luoshi.appeal.CloseReason;
import cn.luoshi.appeal.FiledAppeal;
import cn.luoshi.appeal.NewAppeal;
import cn.luoshi.appeal.NewOnSiteMeeting;
import cn.luoshi.appeal.OnSiteMeetings;
import cn.luoshi.appeal.Rating;
import cn.luoshi.appeal.Transition;
import cn.luoshi.appeal.internal.AppealCatalog;
import cn.luoshi.appeal.internal.AppealRepository;
import cn.luoshi.appeal.internal.PublicIntakeGuard;
import cn.luoshi.common.LuoshiProperties;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.files.FileStore;
import cn.luoshi.common.files.StoredFile;
import cn.luoshi.common.web.Downloads;
import cn.luoshi.common.web.FormErrors;
import cn.luoshi.common.web.Messages;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The appeal pages of signed-in users: staff see their scope's appeals, an enterprise account its own. */
@Controller
@RequestMapping("/appeals")
class AppealPagesController {

    private final Appeals appeals;
    private final AppealStatistics statistics;
    private final OnSiteMeetings meetings;
    private final AppealCatalog catalog;
    private final AppealRepository repository;
    private final OrgUnits units;
    private final FileStore files;
    private final PublicIntakeGuard guard;
    private final Messages messages;
    private final JsonMapper json;
    private final Clock clock;

    AppealPagesController(Appeals appeals, AppealStatistics statistics, OnSiteMeetings meetings,
                          AppealCatalog catalog, AppealRepository repository, OrgUnits units, FileStore files,
                          PublicIntakeGuard guard, Messages messages, JsonMapper json, Clock clock,
                          LuoshiProperties properties) {
        this.appeals = appeals;
        this.statistics = statistics;
        this.meetings = meetings;
        this.catalog = catalog;
        this.repository = repository;
        this.units = units;
        this.files = files;
        this.guard = guard;
        this.messages = messages;
        this.json = json;
        this.clock = clock.withZone(properties.zone());
    }

    // ------------------------------------------------------------------------------------------------ list

    @GetMapping
    String list(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) AppealStatus status,
                @RequestParam(required = false) String category, @RequestParam(required = false) Long unit,
                @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean flagged,
                @RequestParam(required = false) Long meeting, @RequestParam(required = false) String q,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) AppealTodo todo,
                Model model) {
        AppealQuery query = new AppealQuery(unit, status, blank(category), Boolean.TRUE.equals(overdue) ? true : null,
                Boolean.TRUE.equals(flagged) ? true : null, meeting, null, null, null, q, todo, me.unitId());
        model.addAttribute("appeals", appeals.list(query, me, Paging.of(page, 20)));
        model.addAttribute("statuses", AppealStatus.values());
        model.addAttribute("categories", catalog.categories(false));
        model.addAttribute("units", me.scope().isEnterprise() ? List.of() : units.visible(me.scope(), false));
        model.addAttribute("status", status);
        model.addAttribute("category", blank(category));
        model.addAttribute("unit", unit);
        model.addAttribute("overdue", Boolean.TRUE.equals(overdue));
        model.addAttribute("flagged", Boolean.TRUE.equals(flagged));
        model.addAttribute("meeting", meeting == null ? null : meetings.get(meeting, me));
        model.addAttribute("q", q);
        model.addAttribute("enterprise", me.has(Role.ENTERPRISE));
        StringBuilder base = new StringBuilder("/appeals?q=" + (q == null ? "" : q));
        if (status != null) {
            base.append("&status=").append(status);
        }
        if (blank(category) != null) {
            base.append("&category=").append(category);
        }
        if (unit != null) {
            base.append("&unit=").append(unit);
        }
        if (Boolean.TRUE.equals(overdue)) {
            base.append("&overdue=true");
        }
        if (Boolean.TRUE.equals(flagged)) {
            base.append("&flagged=true");
        }
        if (meeting != null) {
            base.append("&meeting=").append(meeting);
        }
        if (todo != null) {
            base.append("&todo=").append(todo);
        }
        model.addAttribute("todo", todo);
        model.addAttribute("baseUrl", base.toString());
        model.addAttribute("exportUrl", base.toString().replaceFirst("^/appeals\\?", "/api/v1/appeals/export?"));
        return "appeal/list";
    }

    /** The supervisor's callback list: the same table, a random sample of recently closed appeals. */
    @GetMapping("/callback-sample")
    String callbackSample(@AuthenticationPrincipal LuoshiUser me, Model model) {
        var sample = appeals.callbackSample(10, me);
        model.addAttribute("appeals", new cn.luoshi.common.web.PageResponse<>(sample, 0, Math.max(1, sample.size()),
                sample.size()));
        model.addAttribute("statuses", AppealStatus.values());
        model.addAttribute("categories", catalog.categories(false));
        model.addAttribute("units", units.visible(me.scope(), false));
        model.addAttribute("enterprise", false);
        model.addAttribute("sample", true);
        model.addAttribute("baseUrl", "/appeals/callback-sample");
        model.addAttribute("exportUrl", "/api/v1/appeals/export");
        return "appeal/list";
    }

    // ------------------------------------------------------------------------------------------------ filing

    /** Enterprise accounts file for themselves, with name and credit code taken from the account. */
    @GetMapping("/submit")
    String submitForm(@AuthenticationPrincipal LuoshiUser me, Model model) {
        if (!me.has(Role.ENTERPRISE)) {
            return "redirect:/appeals/new";
        }
        AppealForm form = new AppealForm();
        form.setEnterpriseName(me.displayName());
        form.setCreditCode(me.creditCode());
        model.addAttribute("form", form);
        return showEnterpriseForm(model);
    }

    private String showEnterpriseForm(Model model) {
        model.addAttribute("categories", catalog.categories(true));
        model.addAttribute("action", "/appeals/submit");
        model.addAttribute("lockedEnterprise", true);
        return "appeal/public-form";
    }

    @PostMapping("/submit")
    String submit(@AuthenticationPrincipal LuoshiUser me, @ModelAttribute("form") AppealForm form,
                  @RequestPart(name = "files", required = false) List<MultipartFile> uploads,
                  HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!me.has(Role.ENTERPRISE)) {
            return "redirect:/appeals/new";
        }
        form.setEnterpriseName(StringUtils.hasText(form.getEnterpriseName()) ? form.getEnterpriseName()
                : me.displayName());
        form.setCreditCode(me.creditCode());
        try {
            guard.check(ClientAddress.of(request));
            FiledAppeal filed = appeals.file(form.toCommand(), me, uploads == null ? List.of() : uploads);
            redirect.addFlashAttribute("flashSuccess", messages.get("appeal.page.filed", filed.code()));
            return "redirect:/appeals/" + filed.id();
        } catch (DomainException e) {
            FormErrors.addTo(model, e, messages);
            model.addAttribute("duplicateWarning", e.code().equals("appeal.error.possibleDuplicate"));
            return showEnterpriseForm(model);
        }
    }

    /** Staff enter what they heard by phone, on a visit or at a 座谈会. */
    @GetMapping("/new")
    String staffForm(@AuthenticationPrincipal LuoshiUser me, Model model) {
        if (me.has(Role.ENTERPRISE)) {
            return "redirect:/appeals/submit";
        }
        AppealForm form = new AppealForm();
        form.setChannel(AppealChannel.STAFF_PHONE);
        model.addAttribute("form", form);
        return showStaffForm(me, model);
    }

    private String showStaffForm(LuoshiUser me, Model model) {
        model.addAttribute("categories", catalog.categories(true));
        model.addAttribute("channels", List.of(AppealChannel.STAFF_PHONE, AppealChannel.STAFF_VISIT,
                AppealChannel.SYMPOSIUM));
        model.addAttribute("targets", targetsFor(me));
        return "appeal/staff-form";
    }

    @PostMapping("/new")
    String staffSubmit(@AuthenticationPrincipal LuoshiUser me, @ModelAttribute("form") AppealForm form,
                       @RequestPart(name = "files", required = false) List<MultipartFile> uploads, Model model,
                       RedirectAttributes redirect) {
        try {
            FiledAppeal filed = appeals.file(form.toCommand(), me, uploads == null ? List.of() : uploads);
            redirect.addFlashAttribute("flashSuccess", messages.get("appeal.page.filed", filed.code()));
            return "redirect:/appeals/" + filed.id();
        } catch (DomainException e) {
            FormErrors.addTo(model, e, messages);
            model.addAttribute("duplicateWarning", e.code().equals("appeal.error.possibleDuplicate"));
            return showStaffForm(me, model);
        }
    }

    /** Units the user may name as responsible when filing: the region of the user's own unit. */
    private List<OrgUnit> targetsFor(LuoshiUser me) {
        if (me.unitId() == null) {
            return List.of();
        }
        return units.subtree(units.regionOf(me.unitId()).id()).stream().filter(OrgUnit::active).toList();
    }

    // ------------------------------------------------------------------------------------------------ detail

    @GetMapping("/{id:\\d+}")
    String detail(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, Model model) {
        Appeal appeal = appeals.get(id, me);
        model.addAttribute("appeal", appeal);
        model.addAttribute("history", appeals.history(id, me));
        List<String> actions = appeals.allowedActions(appeal, me);
        model.addAttribute("actions", actions);
        model.addAttribute("targets", appeals.dispatchTargets(appeal));
        model.addAttribute("suggested", catalog.category(appeal.categoryCode()).map(c -> c.defaultUnitId())
                .orElse(null));
        model.addAttribute("attachments", repository.attachmentIds(id).stream().map(files::find)
                .flatMap(java.util.Optional::stream).toList());
        model.addAttribute("closeReasons", List.of(CloseReason.WITHDRAWN, CloseReason.DUPLICATE,
                CloseReason.UNRESOLVABLE));
        model.addAttribute("canRate", actions.contains("RATE"));
        model.addAttribute("canCallback", actions.contains("CALLBACK"));
        model.addAttribute("callbacks", me.has(Role.ENTERPRISE) ? List.of() : appeals.callbacks(id, me));
        model.addAttribute("outcomes", CallbackOutcome.values());
        model.addAttribute("enterprise", me.has(Role.ENTERPRISE));
        return "appeal/detail";
    }

    @PostMapping("/{id:\\d+}/transitions")
    String transition(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                      @RequestParam AppealAction action, @RequestParam int version,
                      @RequestParam(required = false) Long unitId,
                      @RequestParam(required = false) List<Long> coUnitIds,
                      @RequestParam(required = false) String reason, @RequestParam(required = false) String answer,
                      @RequestParam(required = false) CloseReason closeReason, RedirectAttributes redirect) {
        try {
            Appeal after = appeals.transition(id, new Transition(action, version, unitId, coUnitIds, reason, answer,
                    closeReason), me);
            redirect.addFlashAttribute("flashSuccess", messages.get("appeal.page.done",
                    messages.get("appeal.action." + action), messages.get("appeal.status." + after.status())));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/appeals/" + id;
    }

    @PostMapping("/{id:\\d+}/rating")
    String rate(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                @RequestParam(required = false) Rating rating, @RequestParam(required = false) String comment,
                @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        try {
            appeals.rate(id, rating, comment, version, me);
            redirect.addFlashAttribute("flashSuccess", messages.get("appeal.page.rated"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/appeals/" + id;
    }

    @PostMapping("/{id:\\d+}/callbacks")
    String callback(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                    @RequestParam(required = false) CallbackOutcome outcome,
                    @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            appeals.recordCallback(id, outcome, note, me);
            redirect.addFlashAttribute("flashSuccess", messages.get("common.saved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/appeals/" + id;
    }

    /** An attachment, only to those who may see its appeal. */
    @GetMapping("/{id:\\d+}/files/{fileId:\\d+}")
    ResponseEntity<InputStreamResource> file(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                                             @PathVariable long fileId) throws IOException {
        appeals.get(id, me);
        if (!repository.attachmentIds(id).contains(fileId)) {
            throw DomainException.notFound("files.file", fileId);
        }
        StoredFile stored = files.find(fileId).orElseThrow(() -> DomainException.notFound("files.file", fileId));
        InputStream in = files.open(fileId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(stored.contentType()))
                .header("Content-Disposition", Downloads.attachment(stored.originalName()))
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(in));
    }

    // ------------------------------------------------------------------------------------------------ dashboard

    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) Long unit,
                     @RequestParam(required = false) String category,
                     @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                     Model model) {
        if (me.has(Role.ENTERPRISE)) {
            return "redirect:/appeals";
        }
        AppealStats stats = statistics.stats(me, unit, blank(category), from, to);
        model.addAttribute("stats", stats);
        model.addAttribute("statsJson", json.writeValueAsString(stats));
        model.addAttribute("units", units.visible(me.scope(), false));
        model.addAttribute("categories", catalog.categories(false));
        model.addAttribute("unit", unit);
        model.addAttribute("category", blank(category));
        return "appeal/dashboard";
    }

    // ------------------------------------------------------------------------------------------------ meetings

    @GetMapping("/meetings")
    String meetings(@AuthenticationPrincipal LuoshiUser me, Model model) {
        if (me.has(Role.ENTERPRISE)) {
            return "redirect:/appeals";
        }
        MeetingForm form = new MeetingForm();
        form.setHeldOn(LocalDate.now(clock));
        for (int i = 0; i < 5; i++) {
            form.getRows().add(new AppealForm());
        }
        model.addAttribute("form", form);
        return showMeetings(me, model);
    }

    private String showMeetings(LuoshiUser me, Model model) {
        model.addAttribute("meetings", meetings.list(me));
        model.addAttribute("categories", catalog.categories(true));
        model.addAttribute("targets", targetsFor(me));
        return "appeal/meetings";
    }

    @PostMapping("/meetings")
    String createMeeting(@AuthenticationPrincipal LuoshiUser me, @ModelAttribute("form") MeetingForm form,
                         Model model, RedirectAttributes redirect) {
        List<NewAppeal> rows = new ArrayList<>();
        for (AppealForm row : form.getRows()) {
            if (row != null && StringUtils.hasText(row.getContent())) {
                rows.add(row.toCommand());
            }
        }
        try {
            var created = meetings.create(new NewOnSiteMeeting(form.getTitle(), form.getHeldOn(), form.getLocation(),
                    null, null, null, rows), me);
            redirect.addFlashAttribute("flashSuccess", messages.get("appeal.page.meetingCreated",
                    created.meeting().title(), created.appeals().size()));
            return "redirect:/appeals?meeting=" + created.meeting().id();
        } catch (DomainException e) {
            FormErrors.addTo(model, e, messages);
            while (form.getRows().size() < 5) {
                form.getRows().add(new AppealForm());
            }
            return showMeetings(me, model);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
