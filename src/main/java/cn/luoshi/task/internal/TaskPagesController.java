package cn.luoshi.task.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.files.FileStore;
import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.common.web.FormErrors;
import cn.luoshi.common.web.Messages;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.Role;
import cn.luoshi.task.EscalationRung;
import cn.luoshi.task.Meeting;
import cn.luoshi.task.Meetings;
import cn.luoshi.task.NewMeeting;
import cn.luoshi.task.NewTask;
import cn.luoshi.task.Priority;
import cn.luoshi.task.RegisteredTask;
import cn.luoshi.task.ReportCycle;
import cn.luoshi.task.TaskAction;
import cn.luoshi.task.TaskSource;
import cn.luoshi.task.TaskStatus;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supervision board, the task page with its actions, the task form and the light-rule settings. */
@Controller
class TaskPagesController {

    private static final String STAFF = "isAuthenticated() and !hasRole('ENTERPRISE')";


    private final TaskViews views;
    private final TaskWorkflow workflow;
    private final TaskRegistration registration;
    private final TaskFormOptions options;
    private final Meetings meetings;
    private final LightRuleSettings lightRules;
    private final FileStore files;
    private final Messages messages;
    private final Clock clock;

    TaskPagesController(TaskViews views, TaskWorkflow workflow, TaskRegistration registration,
                        TaskFormOptions options, Meetings meetings, LightRuleSettings lightRules, FileStore files,
                        Messages messages, Clock clock) {
        this.views = views;
        this.workflow = workflow;
        this.registration = registration;
        this.options = options;
        this.meetings = meetings;
        this.lightRules = lightRules;
        this.files = files;
        this.messages = messages;
        this.clock = clock;
    }

    /** The board's filter form, bound from the query string. */
    public record BoardQuery(Long unit, List<TaskStatus> status, StatusLight light, Long meeting, Long leader,
                      LocalDate dueFrom, LocalDate dueTo, String q, Boolean topLevel, Integer escalation, String sort,
                      Integer page, TaskTodo todo) {

        TaskFilter filter() {
            return new TaskFilter(unit, status, light, meeting, leader, dueFrom, dueTo, q, null,
                    Boolean.TRUE.equals(topLevel), null, null, escalation, TaskSort.parse(sort));
        }
    }

    /** The board is the officials' (an enterprise has no tasks; its appeals are its own page). */
    @GetMapping("/tasks")
    @PreAuthorize(STAFF)
    String board(@AuthenticationPrincipal LuoshiUser me, @ModelAttribute("query") BoardQuery query,
                 HttpServletRequest request, Model model) {
        // The board puts the most urgent first unless asked otherwise.
        TaskFilter filter = query.sort() == null ? query.filter().sortedBy(TaskSort.LIGHT) : query.filter();
        if (query.todo() != null) {
            // the home page's to-do: what it asks of the signed-in user's unit
            filter = filter.withTodo(query.todo(), me.unitId());
        }
        PageResponse<TaskListItem> page = views.list(filter, me, Paging.of(query.page(), 20));
        model.addAttribute("tasks", page);
        model.addAttribute("lightCounts", views.lightCounts(filter, me));
        model.addAttribute("units", options.units(me));
        model.addAttribute("leaders", options.leaders(me));
        model.addAttribute("meetings", options.meetings(me));
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("lights", new StatusLight[] {StatusLight.RED, StatusLight.YELLOW, StatusLight.BLUE,
                StatusLight.GREEN});
        model.addAttribute("sort", filter.sort().key());
        model.addAttribute("baseUrl", "/tasks" + queryWithout(request, "page"));
        model.addAttribute("lightBaseUrl", "/tasks" + queryWithout(request, "page", "light"));
        model.addAttribute("exportUrl", "/tasks/export" + queryWithout(request, "page"));
        model.addAttribute("isSupervisor", me.has(Role.SUPERVISOR));
        model.addAttribute("today", LocalDate.now(clock));
        return "task/list";
    }

    /** The current query string without some parameters, to build pager and filter links. */
    static String queryWithout(HttpServletRequest request, String... names) {
        String query = request.getQueryString();
        if (query == null || query.isBlank()) {
            return "";
        }
        List<String> drop = Arrays.asList(names);
        String kept = Arrays.stream(query.split("&"))
                .filter(p -> !p.isBlank() && !drop.contains(p.split("=", 2)[0]))
                .filter(p -> p.contains("=") && !p.endsWith("="))
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? "" : "?" + kept;
    }

    @GetMapping("/tasks/export")
    @PreAuthorize(STAFF)
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal LuoshiUser me,
                                                 @ModelAttribute("query") BoardQuery query) {
        return TaskApiController.xlsx(views, query.filter(), me);
    }

    @PostMapping("/tasks/bulk")
    String bulk(@AuthenticationPrincipal LuoshiUser me, @RequestParam String operation,
                @RequestParam(name = "ids", required = false) List<Long> ids,
                @RequestParam(required = false) String comment, @RequestParam(required = false) String back,
                RedirectAttributes redirect) {
        String target = back != null && back.startsWith("/tasks") ? back : "/tasks";
        if (!me.has(Role.SUPERVISOR)) {
            redirect.addFlashAttribute("flashError", messages.get("error.forbidden"));
            return "redirect:" + target;
        }
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("flashError", messages.get("task.bulk.noneSelected"));
            return "redirect:" + target;
        }
        TaskWorkflow.BulkResult result = "REMIND".equals(operation) ? workflow.bulkRemind(ids, comment, me)
                : workflow.bulkTransition(ids, TaskAction.ASSIGN, comment, me);
        redirect.addFlashAttribute("flashSuccess", messages.get("task.bulk.done",
                messages.get("task.bulk." + ("REMIND".equals(operation) ? "REMIND" : "ASSIGN")),
                result.succeeded().size()));
        if (!result.failed().isEmpty()) {
            redirect.addFlashAttribute("flashError", result.failed().stream()
                    .map(f -> "#" + f.id() + "：" + f.detail()).collect(Collectors.joining("；")));
        }
        return "redirect:" + target;
    }

    // ---- the task page --------------------------------------------------------------------------------------

    @GetMapping("/tasks/{id:\\d+}")
    String detail(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, Model model) {
        TaskDetail task = views.detail(id, me);
        model.addAttribute("task", task);
        model.addAttribute("timeline", views.timeline(id, me));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("myUnitId", me.unitId());
        model.addAttribute("rungs", EscalationRung.values());
        return "task/detail";
    }

    @PostMapping("/tasks/{id:\\d+}/transitions")
    String transition(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @RequestParam TaskAction action,
                      @RequestParam(required = false) String comment, @RequestParam(required = false) Integer version,
                      RedirectAttributes redirect) {
        return act(id, redirect, "task.done." + action, () -> workflow.transition(id, action, comment,
                TaskWorkflow.requireVersion(version), me));
    }

    @PostMapping("/tasks/{id:\\d+}/progress")
    String report(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                  @RequestParam(required = false) BigDecimal percent, @RequestParam(required = false) String text,
                  @RequestParam(name = "files", required = false) List<MultipartFile> evidence,
                  RedirectAttributes redirect) {
        return act(id, redirect, "task.done.report", () -> workflow.report(id, percent, text, evidence, me));
    }

    @PostMapping("/tasks/{id:\\d+}/reports/{reportId}/decision")
    String decideReport(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @PathVariable long reportId,
                        @RequestParam boolean approve, @RequestParam(required = false) String comment,
                        RedirectAttributes redirect) {
        return act(id, redirect, approve ? "task.done.reportApproved" : "task.done.reportRejected",
                () -> workflow.decideReport(id, reportId, approve, comment, me));
    }

    @PostMapping("/tasks/{id:\\d+}/extension-requests")
    String requestExtension(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                            @RequestParam(required = false) LocalDate newDueDate,
                            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "task.done.extensionRequested",
                () -> workflow.requestExtension(id, newDueDate, reason, me));
    }

    @PostMapping("/tasks/{id:\\d+}/extension-requests/{extensionId}/decision")
    String decideExtension(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                           @PathVariable long extensionId, @RequestParam boolean approve,
                           @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(id, redirect, approve ? "task.done.extensionApproved" : "task.done.extensionRefused",
                () -> workflow.decideExtension(id, extensionId, approve, comment, me));
    }

    @PostMapping("/tasks/{id:\\d+}/instructions")
    String instruct(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                    @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return act(id, redirect, "task.done.instructed", () -> workflow.instruct(id, text, me));
    }

    @PostMapping("/tasks/{id:\\d+}/reminders")
    String remind(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                  @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(id, redirect, "task.done.reminded", () -> workflow.remind(id, comment, me));
    }

    @GetMapping("/tasks/{id:\\d+}/files/{fileId}")
    ResponseEntity<InputStreamResource> file(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                                             @PathVariable long fileId) throws IOException {
        return TaskApiController.download(views, files, id, fileId, me);
    }

    private String act(long id, RedirectAttributes redirect, String doneCode, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flashSuccess", messages.get(doneCode));
        } catch (DomainException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/tasks/" + id;
    }

    // ---- the task form -----------------------------------------------------------------------------------------

    /** What the task form posts; kept to fill the form again when something is refused. */
    public record TaskForm(String title, String description, Long leadUnitId, List<Long> coUnitIds, Long leaderId,
                    LocalDate startDate, LocalDate dueDate, ReportCycle reportCycle, Priority priority, String tags,
                    Long meetingId, String newMeetingTitle, LocalDate newMeetingDate, String outlinePath,
                    String sourceText, Boolean requiresHeadApproval, Boolean assign) {

        static TaskForm empty(LocalDate today) {
            return new TaskForm(null, null, null, List.of(), null, today, null, ReportCycle.MONTHLY,
                    Priority.NORMAL, null, null, null, null, null, null, false, true);
        }

        List<String> tagList() {
            if (tags == null || tags.isBlank()) {
                return List.of();
            }
            return Arrays.stream(tags.split("[,，、\\s]+")).map(String::strip).filter(t -> !t.isEmpty()).distinct()
                    .toList();
        }

        public boolean hasCoUnit(Long unitId) {
            return coUnitIds != null && coUnitIds.contains(unitId);
        }
    }

    @GetMapping("/tasks/new")
    String newTask(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) Long meeting,
                   Model model) {
        if (!me.has(Role.SUPERVISOR)) {
            throw DomainException.forbidden("task.error.onlySupervisorRegisters");
        }
        TaskForm form = TaskForm.empty(LocalDate.now(clock));
        if (meeting != null) {
            form = new TaskForm(null, null, null, List.of(), null, form.startDate(), null, form.reportCycle(),
                    form.priority(), null, meeting, null, null, null, null, false, true);
        }
        return form(me, form, null, model);
    }

    @GetMapping("/tasks/{id:\\d+}/subtasks/new")
    String newSubtask(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, Model model) {
        // The form is offered only to whom the sub-task would be allowed (TaskRules ADD_SUBTASK), as its post is.
        registration.checkMayAddSubtask(id, me);
        TaskDetail parent = views.detail(id, me);
        TaskForm form = new TaskForm(null, null, null, List.of(), parent.leader() == null ? null
                : parent.leader().id(), LocalDate.now(clock), parent.dueDate(), parent.reportCycle(),
                parent.priority(), String.join("，", parent.tags()), null, null, null, null, null,
                parent.requiresHeadApproval(), parent.status() != TaskStatus.DRAFT);
        return form(me, form, parent, model);
    }

    private String form(LuoshiUser me, TaskForm form, TaskDetail parent, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("parent", parent);
        model.addAttribute("units", parent == null ? options.units(me) : options.subtaskUnits(me, parent));
        model.addAttribute("leaders", options.leaders(me));
        model.addAttribute("meetings", parent == null ? options.meetings(me) : List.<Meeting>of());
        model.addAttribute("cycles", ReportCycle.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("isSupervisor", me.has(Role.SUPERVISOR));
        return "task/form";
    }

    @PostMapping("/tasks")
    String create(@AuthenticationPrincipal LuoshiUser me, @ModelAttribute TaskForm form, Model model) {
        return save(me, form, null, model);
    }

    @PostMapping("/tasks/{id:\\d+}/subtasks")
    String createSubtask(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                         @ModelAttribute TaskForm form, Model model) {
        return save(me, form, views.detail(id, me), model);
    }

    private String save(LuoshiUser me, TaskForm form, TaskDetail parent, Model model) {
        try {
            Long meetingId = form.meetingId();
            if (parent == null && form.newMeetingTitle() != null && !form.newMeetingTitle().isBlank()) {
                meetingId = meetings.create(new NewMeeting(form.newMeetingTitle(), form.newMeetingDate(), null,
                        null, null, null), me).id();
            }
            TaskSource source = meetingId != null
                    ? TaskSource.meeting(meetingId, form.outlinePath(), form.sourceText(), null)
                    : new TaskSource(null, null, form.outlinePath(), form.sourceText(), null);
            RegisteredTask registered = registration.register(new NewTask(form.title(), form.description(),
                    form.leadUnitId(), form.coUnitIds(), form.leaderId(), form.startDate(), form.dueDate(),
                    form.reportCycle(), form.priority(), form.tagList(), parent == null ? null : parent.id(), source,
                    Boolean.TRUE.equals(form.requiresHeadApproval()), Boolean.TRUE.equals(form.assign())), me);
            return "redirect:/tasks/" + registered.id();
        } catch (DomainException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            FormErrors.addTo(model, e, messages);
            return form(me, form, parent, model);
        }
    }

    // ---- light rules -------------------------------------------------------------------------------------------

    @GetMapping("/tasks/light-rules")
    String lightRules(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) Long unit,
                      Model model) {
        if (!me.hasAny(Role.SUPERVISOR, Role.ADMIN)) {
            throw DomainException.forbidden("task.error.onlySupervisorSetsLights");
        }
        model.addAttribute("rules", lightRules.list(me));
        model.addAttribute("units", options.units(me).stream().filter(u -> u.isRegion()).toList());
        Long selected = unit != null ? unit : me.scope().rootUnitId();
        model.addAttribute("selected", selected == null ? null : lightRules.get(selected, me));
        return "task/light-rules";
    }

    @PostMapping("/tasks/light-rules/{unitId}")
    String setLightRule(@AuthenticationPrincipal LuoshiUser me, @PathVariable long unitId,
                        @RequestParam(required = false) Integer blueWithinDays,
                        @RequestParam(required = false) Double yellowGapPercent,
                        @RequestParam(required = false) Double redGapPercent,
                        @RequestParam(defaultValue = "false") boolean clear, RedirectAttributes redirect) {
        try {
            if (clear) {
                lightRules.clear(unitId, me);
            } else {
                if (blueWithinDays == null || yellowGapPercent == null || redGapPercent == null) {
                    throw DomainException.invalidFields(List.of(new FieldProblem("thresholds",
                            "validation.NotNull")));
                }
                lightRules.set(unitId, blueWithinDays, yellowGapPercent / 100.0, redGapPercent / 100.0, me);
            }
            redirect.addFlashAttribute("flashSuccess", messages.get("common.saved"));
        } catch (DomainException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/tasks/light-rules?unit=" + unitId;
    }
}
