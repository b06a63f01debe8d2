package cn.luoshi.project.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.files.StoredFile;
import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.common.web.Downloads;
import cn.luoshi.common.web.Messages;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.project.AnnualPlan;
import cn.luoshi.project.ImportPreview;
import cn.luoshi.project.Milestone;
import cn.luoshi.project.MonthlyProgress;
import cn.luoshi.project.NewProject;
import cn.luoshi.project.ProblemReport;
import cn.luoshi.project.ProblemRoute;
import cn.luoshi.project.Project;
import cn.luoshi.project.ProjectCategory;
import cn.luoshi.project.ProjectDetails;
import cn.luoshi.project.ProjectFilter;
import cn.luoshi.project.ProjectImports;
import cn.luoshi.project.ProjectMonth;
import cn.luoshi.project.ProjectProblem;
import cn.luoshi.project.ProjectProblems;
import cn.luoshi.project.ProjectSource;
import cn.luoshi.project.ProjectStage;
import cn.luoshi.project.ProjectSummary;
import cn.luoshi.project.ProjectYear;
import cn.luoshi.project.Projects;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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

/** Key projects over HTTP: register, plans, monthly progress, milestones, problems, summary, Excel in and out. */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectApiController {

    private static final int MAX_ERRORS = 200;

    private final Projects projects;
    private final ProjectProblems problems;
    private final ProjectImports imports;
    private final Messages messages;

    ProjectApiController(Projects projects, ProjectProblems problems, ProjectImports imports, Messages messages) {
        this.projects = projects;
        this.problems = problems;
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping
    PageResponse<Project> list(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) String q,
                               @RequestParam(required = false) ProjectCategory category,
                               @RequestParam(required = false) String programme,
                               @RequestParam(required = false) Long park, @RequestParam(required = false) Long unit,
                               @RequestParam(required = false) ProjectStage stage,
                               @RequestParam(required = false) StatusLight light,
                               @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        return projects.list(new ProjectFilter(q, category, programme, park, unit, stage, light),
                Paging.of(page, size), me);
    }

    @GetMapping("/summary")
    ProjectSummary summary(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) Long unit,
                           @RequestParam(required = false) Integer year,
                           @RequestParam(required = false) ProjectCategory category,
                           @RequestParam(required = false) String programme,
                           @RequestParam(required = false) Long park) {
        return projects.summary(new ProjectFilter(null, category, programme, park, unit, null, null), year, me);
    }

    @GetMapping("/export")
    void export(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) String q,
                @RequestParam(required = false) ProjectCategory category,
                @RequestParam(required = false) String programme, @RequestParam(required = false) Long park,
                @RequestParam(required = false) Long unit, @RequestParam(required = false) ProjectStage stage,
                @RequestParam(required = false) StatusLight light, @RequestParam(required = false) Integer year,
                HttpServletResponse response) throws IOException {
        Downloads.start(response, Downloads.XLSX, "重点项目.xlsx");
        imports.export(new ProjectFilter(q, category, programme, park, unit, stage, light), year, me,
                response.getOutputStream());
    }

    @GetMapping("/{id}")
    ProjectDetails get(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                       @RequestParam(required = false) Integer year) {
        return projects.details(id, year, me);
    }

    /**
     * @param sourceMeetingId with {@code sourceKey}: the speech item the project was named in (registering it again
     *                        answers the existing project)
     */
    record ProjectRequest(String code, String name, ProjectCategory category, String programme,
                          String enterpriseCreditCode, Long parkId, Long leadUnitId, Long locationUnitId,
                          String leaderInCharge, String location, BigDecimal totalInvestment, Integer startYear,
                          Integer endYear, ProjectStage stage, Long sourceMeetingId, String sourceKey,
                          Integer version) {
        NewProject project() {
            ProjectSource source = sourceMeetingId == null || sourceKey == null ? null
                    : new ProjectSource(sourceMeetingId, sourceKey);
            return new NewProject(code, name, category, programme, enterpriseCreditCode, parkId, leadUnitId,
                    locationUnitId, leaderInCharge, location, totalInvestment, startYear, endYear, stage, source);
        }
    }

    @PostMapping
    ResponseEntity<Project> create(@AuthenticationPrincipal LuoshiUser me, @RequestBody ProjectRequest r) {
        Project project = projects.register(r.project(), me);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project.id())).body(project);
    }

    @PutMapping("/{id}")
    Project update(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @RequestBody ProjectRequest r) {
        if (r.version() == null) {
            throw DomainException.invalidFields(List.of(new cn.luoshi.common.error.FieldProblem("version",
                    "validation.NotNull")));
        }
        return projects.update(id, r.project(), r.version(), me);
    }

    @PutMapping("/{id}/plans/{year}")
    ProjectYear savePlan(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @PathVariable int year,
                         @RequestBody AnnualPlan plan) {
        return projects.savePlan(id, new AnnualPlan(year, plan.planned(), plan.months()), me);
    }

    @PostMapping(path = "/{id}/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProjectMonth progress(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                          @RequestBody MonthlyProgress report) {
        return projects.fileProgress(id, report, List.of(), me);
    }

    @PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    List<Long> photos(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @RequestParam int year,
                      @RequestParam int month, @RequestPart("file") List<MultipartFile> files) {
        return projects.addPhotos(id, year, month, files, me);
    }

    @GetMapping("/photos/{fileId}")
    ResponseEntity<InputStreamResource> photo(@AuthenticationPrincipal LuoshiUser me, @PathVariable long fileId)
            throws IOException {
        StoredFile file = projects.photo(fileId, me);
        InputStream in = projects.openPhoto(fileId, me);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.sizeBytes())
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=86400")
                .body(new InputStreamResource(in));
    }

    record MilestoneRequest(String name, LocalDate plannedDate, LocalDate reachedDate) {
    }

    @PostMapping("/{id}/milestones")
    ResponseEntity<Milestone> addMilestone(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                                           @RequestBody MilestoneRequest r) {
        Milestone m = projects.addMilestone(id, r.name(), r.plannedDate(), me);
        return ResponseEntity.created(URI.create("/api/v1/projects/milestones/" + m.id())).body(m);
    }

    @PutMapping("/milestones/{milestoneId}")
    Milestone changeMilestone(@AuthenticationPrincipal LuoshiUser me, @PathVariable long milestoneId,
                              @RequestBody MilestoneRequest r) {
        return projects.changeMilestone(milestoneId, r.name(), r.plannedDate(), r.reachedDate(), me);
    }

    @DeleteMapping("/milestones/{milestoneId}")
    ResponseEntity<Void> removeMilestone(@AuthenticationPrincipal LuoshiUser me, @PathVariable long milestoneId) {
        projects.removeMilestone(milestoneId, me);
        return ResponseEntity.noContent().build();
    }

    /** {@code route}: NONE (default), TASK or APPEAL; {@code dueDate} for a task, the contact for an appeal. */
    record ProblemRequest(String text, ProblemRoute route, java.time.LocalDate dueDate, String contactName,
                          String contactPhone) {
    }

    @PostMapping("/{id}/problems")
    ResponseEntity<ProjectProblem> raise(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                                         @RequestBody ProblemRequest r) {
        ProjectProblem problem = problems.raise(id, new ProblemReport(r.text(), r.route(), r.dueDate(),
                r.contactName(), r.contactPhone()), me);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id)).body(problem);
    }

    record ResolveRequest(String note) {
    }

    @PostMapping("/problems/{problemId}/resolve")
    ProjectProblem resolve(@AuthenticationPrincipal LuoshiUser me, @PathVariable long problemId,
                           @RequestBody(required = false) ResolveRequest r) {
        return problems.resolve(problemId, r == null ? null : r.note(), me);
    }

    /**
     * Imports a project list (multipart field {@code file}) at once: 200 with the counts, or 422 listing every wrong
     * row and nothing written. With {@code dryRun=true} nothing is written: 200 with the preview (every row new,
     * changed with old → new, or unchanged), kept for {@code POST /imports/{id}/confirm}; or 422 as above, with the
     * preview of every row under {@code preview}.
     */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importProjects(@AuthenticationPrincipal LuoshiUser me,
                                     @RequestPart("file") @Valid @NotNull MultipartFile file,
                                     @RequestParam(defaultValue = "false") boolean dryRun,
                                     HttpServletRequest request) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return dryRun ? previewed(imports.previewProjects(in, file.getOriginalFilename(), me), request)
                    : ResponseEntity.ok(imports.importProjects(in, file.getOriginalFilename(), me));
        }
    }

    /** Monthly progress, as {@link #importProjects} (columns 项目编号, 年份, 月份, 当月完成投资（万元）, 形象进度). */
    @PostMapping(path = "/progress/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importProgress(@AuthenticationPrincipal LuoshiUser me,
                                     @RequestPart("file") @Valid @NotNull MultipartFile file,
                                     @RequestParam(defaultValue = "false") boolean dryRun,
                                     HttpServletRequest request) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return dryRun ? previewed(imports.previewProgress(in, file.getOriginalFilename(), me), request)
                    : ResponseEntity.ok(imports.importProgress(in, file.getOriginalFilename(), me));
        }
    }

    /** A kept preview, for the user who made it. */
    @GetMapping("/imports/{id}")
    ImportPreview preview(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return imports.preview(id, me);
    }

    /**
     * Writes what a preview showed: 200 with the counts; 404 for another user's preview; 409 when it was confirmed
     * already, is older than a day, or a project it changes was changed since (nothing written).
     */
    @PostMapping("/imports/{id}/confirm")
    ProjectImports.Report confirm(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return imports.confirm(id, me);
    }

    private ResponseEntity<?> previewed(ImportPreview preview, HttpServletRequest request) {
        if (!preview.refused()) {
            return ResponseEntity.ok().location(URI.create("/api/v1/projects/imports/" + preview.id())).body(preview);
        }
        // The same row report as an import that is refused, with the preview of every row beside it.
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.chinese("project.import.rejected", preview.badRows(), preview.problems()));
        problem.setTitle(messages.chinese("status.422"));
        problem.setType(URI.create("https://luoshi.cn/problems/project.import.rejected"));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", "project.import.rejected");
        problem.setProperty("detailEn", messages.english("project.import.rejected", preview.badRows(),
                preview.problems()));
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ImportPreview.Line line : preview.lines()) {
            for (ImportPreview.Problem p : line.problems()) {
                if (errors.size() < MAX_ERRORS) {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("field", p.field());
                    error.put("code", "project.import.row");
                    error.put("message", p.message());
                    error.put("messageEn", p.messageEn());
                    errors.add(error);
                }
            }
        }
        problem.setProperty("errors", errors);
        problem.setProperty("preview", preview);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
