package cn.luoshi.task.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import cn.luoshi.common.files.FileStore;
import cn.luoshi.common.files.StoredFile;
import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.common.web.Downloads;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.task.NewTask;
import cn.luoshi.task.Priority;
import cn.luoshi.task.RegisteredTask;
import cn.luoshi.task.ReportCycle;
import cn.luoshi.task.SourceKind;
import cn.luoshi.task.TaskAction;
import cn.luoshi.task.TaskSource;
import cn.luoshi.task.TaskStatus;
import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Key task supervision over HTTP. Reads and steps answer 404 for tasks outside the caller's scope, 403 when the
 * caller's role may not take the step, 409 when the task's status (or version) does not allow it.
 */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskApiController {

    private final TaskRegistration registration;
    private final TaskWorkflow workflow;
    private final TaskViews views;
    private final FileStore files;

    TaskApiController(TaskRegistration registration, TaskWorkflow workflow, TaskViews views, FileStore files) {
        this.registration = registration;
        this.workflow = workflow;
        this.views = views;
        this.files = files;
    }

    @GetMapping
    PageResponse<TaskListItem> list(@AuthenticationPrincipal LuoshiUser me,
                                    @RequestParam(required = false) Long unit,
                                    @RequestParam(required = false) List<TaskStatus> status,
                                    @RequestParam(required = false) StatusLight light,
                                    @RequestParam(required = false) Long meeting,
                                    @RequestParam(required = false) Long leader,
                                    @RequestParam(required = false) LocalDate dueFrom,
                                    @RequestParam(required = false) LocalDate dueTo,
                                    @RequestParam(required = false) String q,
                                    @RequestParam(required = false) Long parent,
                                    @RequestParam(defaultValue = "false") boolean topLevel,
                                    @RequestParam(required = false) String tag,
                                    @RequestParam(required = false) Priority priority,
                                    @RequestParam(required = false) Integer escalation,
                                    @RequestParam(required = false) String sort,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        TaskFilter filter = new TaskFilter(unit, status, light, meeting, leader, dueFrom, dueTo, q, parent, topLevel,
                tag, priority, escalation, TaskSort.parse(sort));
        return views.list(filter, me, Paging.of(page, size));
    }

    /** The list with the same filters as an Excel file; an enterprise has no tasks to export. */
    @GetMapping("/export")
    @PreAuthorize("isAuthenticated() and !hasRole('ENTERPRISE')")
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal LuoshiUser me,
                                                 @RequestParam(required = false) Long unit,
                                                 @RequestParam(required = false) List<TaskStatus> status,
                                                 @RequestParam(required = false) StatusLight light,
                                                 @RequestParam(required = false) Long meeting,
                                                 @RequestParam(required = false) Long leader,
                                                 @RequestParam(required = false) LocalDate dueFrom,
                                                 @RequestParam(required = false) LocalDate dueTo,
                                                 @RequestParam(required = false) String q,
                                                 @RequestParam(required = false) Long parent,
                                                 @RequestParam(defaultValue = "false") boolean topLevel,
                                                 @RequestParam(required = false) String tag,
                                                 @RequestParam(required = false) Priority priority,
                                                 @RequestParam(required = false) Integer escalation,
                                                 @RequestParam(required = false) String sort) {
        TaskFilter filter = new TaskFilter(unit, status, light, meeting, leader, dueFrom, dueTo, q, parent, topLevel,
                tag, priority, escalation, TaskSort.parse(sort));
        return xlsx(views, filter, me);
    }

    static ResponseEntity<StreamingResponseBody> xlsx(TaskViews views, TaskFilter filter, LuoshiUser me) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment("督办任务.xlsx"))
                .contentType(Downloads.XLSX)
                .body(out -> views.export(filter, me, out));
    }

    /** A task as registered over the API; {@code meetingId} makes it a meeting's task. */
    record CreateRequest(@NotBlank String title, String description, @NotNull Long leadUnitId,
                         List<Long> coUnitIds, Long leaderId, LocalDate startDate, @NotNull LocalDate dueDate,
                         ReportCycle reportCycle, Priority priority, List<String> tags, Long parentId,
                         Long meetingId, String outlinePath, String sourceText, SourceKind sourceKind,
                         Long sourceId, String sourceKey, Boolean requiresHeadApproval, Boolean assign) {

        NewTask toCommand(Long parent, boolean assignByDefault) {
            TaskSource source = meetingId != null
                    ? TaskSource.meeting(meetingId, outlinePath, sourceText, sourceKey)
                    : new TaskSource(sourceKind, sourceId, outlinePath, sourceText, sourceKey);
            return new NewTask(title, description, leadUnitId, coUnitIds, leaderId, startDate, dueDate,
                    reportCycle, priority, tags, parent, source, Boolean.TRUE.equals(requiresHeadApproval),
                    assign == null ? assignByDefault : assign);
        }
    }

    @PostMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<TaskDetail> create(@AuthenticationPrincipal LuoshiUser me, @Valid @RequestBody CreateRequest r) {
        RegisteredTask registered = registration.register(r.toCommand(r.parentId(), false), me);
        TaskDetail detail = views.detail(registered.id(), me);
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/tasks/" + registered.id())).body(detail);
    }

    @GetMapping("/{id}")
    TaskDetail get(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return views.detail(id, me);
    }

    @GetMapping("/{id}/timeline")
    List<TimelineEntry> timeline(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return views.timeline(id, me);
    }

    /** 层层分解: a part of the task for a unit; issued at once unless the parent is still a draft. */
    @PostMapping("/{id}/subtasks")
    ResponseEntity<TaskDetail> subtask(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                                       @Valid @RequestBody CreateRequest r) {
        boolean parentIssued = views.visible(id, me).status() != TaskStatus.DRAFT;
        RegisteredTask registered = registration.register(r.toCommand(id, parentIssued), me);
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/tasks/" + registered.id()))
                .body(views.detail(registered.id(), me));
    }

    record TransitionRequest(@NotNull TaskAction action, String comment, Integer version) {
    }

    @PostMapping("/{id}/transitions")
    TaskDetail transition(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                          @Valid @RequestBody TransitionRequest r) {
        workflow.transition(id, r.action(), r.comment(), TaskWorkflow.requireVersion(r.version()), me);
        return views.detail(id, me);
    }

    record BulkRequest(@NotEmpty List<Long> ids, TaskAction action, String comment) {
    }

    @PostMapping("/bulk-transitions")
    @PreAuthorize("hasRole('SUPERVISOR')")
    TaskWorkflow.BulkResult bulkTransition(@AuthenticationPrincipal LuoshiUser me,
                                           @Valid @RequestBody BulkRequest r) {
        return workflow.bulkTransition(r.ids(), r.action() == null ? TaskAction.ASSIGN : r.action(), r.comment(),
                me);
    }

    @PostMapping("/bulk-reminders")
    @PreAuthorize("hasRole('SUPERVISOR')")
    TaskWorkflow.BulkResult bulkRemind(@AuthenticationPrincipal LuoshiUser me, @Valid @RequestBody BulkRequest r) {
        return workflow.bulkRemind(r.ids(), r.comment(), me);
    }

    record ProgressRequest(@JsonAlias("progress") BigDecimal percent, @JsonAlias({"content", "note"}) String text) {
    }

    @PostMapping(value = "/{id}/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TaskDetail> report(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                                      @RequestBody ProgressRequest r) {
        long reportId = workflow.report(id, r.percent(), r.text(), List.of(), me);
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + id + "/progress/" + reportId))
                .body(views.detail(id, me));
    }

    /** The same with evidence files ({@code files}, repeated). */
    @PostMapping(value = "/{id}/progress", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<TaskDetail> reportWithEvidence(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                                                  @RequestParam(required = false) BigDecimal percent,
                                                  @RequestParam(required = false) String text,
                                                  @RequestParam(name = "files", required = false)
                                                  List<MultipartFile> evidence) {
        long reportId = workflow.report(id, percent, text, evidence, me);
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + id + "/progress/" + reportId))
                .body(views.detail(id, me));
    }

    record DecisionRequest(@NotNull Boolean approve, String comment) {
    }

    /** The unit head's approval of a handler's report. */
    @PostMapping("/{id}/progress/{reportId}/decision")
    TaskDetail decideReport(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                            @PathVariable long reportId, @Valid @RequestBody DecisionRequest r) {
        workflow.decideReport(id, reportId, r.approve(), r.comment(), me);
        return views.detail(id, me);
    }

    record ExtensionRequest(@NotNull @JsonAlias({"dueDate", "requestedDueDate"}) LocalDate newDueDate,
                            @JsonAlias("comment") String reason) {
    }

    @PostMapping("/{id}/extension-requests")
    ResponseEntity<TaskDetail> requestExtension(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                                                @Valid @RequestBody ExtensionRequest r) {
        long extensionId = workflow.requestExtension(id, r.newDueDate(), r.reason(), me);
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + id + "/extension-requests/" + extensionId))
                .body(views.detail(id, me));
    }

    @PostMapping("/{id}/extension-requests/{extensionId}/decision")
    TaskDetail decideExtension(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                               @PathVariable long extensionId, @Valid @RequestBody DecisionRequest r) {
        workflow.decideExtension(id, extensionId, r.approve(), r.comment(), me);
        return views.detail(id, me);
    }

    record InstructionRequest(@JsonAlias({"comment", "content"}) String text) {
    }

    @PostMapping("/{id}/instructions")
    ResponseEntity<TaskDetail> instruct(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                                        @RequestBody InstructionRequest r) {
        workflow.instruct(id, r.text(), me);
        return ResponseEntity.status(HttpStatus.CREATED).body(views.detail(id, me));
    }

    record ReminderRequest(@JsonAlias({"text", "message"}) String comment) {
    }

    @PostMapping("/{id}/reminders")
    ResponseEntity<TaskDetail> remind(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                                      @RequestBody(required = false) ReminderRequest r) {
        workflow.remind(id, r == null ? null : r.comment(), me);
        return ResponseEntity.status(HttpStatus.CREATED).body(views.detail(id, me));
    }

    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<InputStreamResource> file(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                                             @PathVariable long fileId) throws IOException {
        return download(views, files, id, fileId, me);
    }

    static ResponseEntity<InputStreamResource> download(TaskViews views, FileStore files, long id, long fileId,
                                                        LuoshiUser me) throws IOException {
        views.evidence(id, fileId, me);
        StoredFile file = files.find(fileId).orElseThrow();
        InputStream content = files.open(fileId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(file.originalName()))
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.sizeBytes())
                .body(new InputStreamResource(content));
    }
}
