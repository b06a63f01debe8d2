package cn.luoshi.project.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.files.StoredFile;
import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.common.web.Downloads;
import cn.luoshi.common.web.FormErrors;
import cn.luoshi.common.web.Messages;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnitKind;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.project.AnnualPlan;
import cn.luoshi.project.ImportPreview;
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
import cn.luoshi.project.ProjectPlan;
import cn.luoshi.project.ProjectProblems;
import cn.luoshi.project.ProjectStage;
import cn.luoshi.project.ProjectSummary;
import cn.luoshi.project.Projects;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.core.io.InputStreamResource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The project pages: portfolio list with its chart, project page with its monthly cycle, forms and imports. */
@Controller
@RequestMapping("/projects")
class ProjectPagesController {

    private final Projects projects;
    private final ProjectProblems problems;
    private final ProjectImports imports;
    private final ProjectRepository repository;
    private final OrgUnits units;
    private final Messages messages;
    private final Clock clock;

    ProjectPagesController(Projects projects, ProjectProblems problems, ProjectImports imports,
                           ProjectRepository repository, OrgUnits units, Messages messages, Clock clock) {
        this.projects = projects;
        this.problems = problems;
        this.imports = imports;
        this.repository = repository;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) String q,
                @RequestParam(required = false) ProjectCategory category,
                @RequestParam(required = false) String programme, @RequestParam(required = false) Long park,
                @RequestParam(required = false) Long unit, @RequestParam(required = false) ProjectStage stage,
                @RequestParam(required = false) StatusLight light, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) ProjectPlan plan, @RequestParam(required = false) Integer planYear,
                Model model) {
        ProjectFilter filter = new ProjectFilter(q, category, StringUtils.hasText(programme) ? programme : null,
                park, unit, stage, light, plan, plan == null ? null : planYear);
        model.addAttribute("projects", projects.list(filter, Paging.of(page, 20), me));
        ProjectSummary summary = projects.summary(new ProjectFilter(null, category, filter.programme(), park, unit,
                stage, null), null, me);
        model.addAttribute("summary", summary);
        model.addAttribute("chart", chart(summary));
        model.addAttribute("filter", filter);
        model.addAttribute("query", query(filter));
        model.addAttribute("categories", ProjectCategory.values());
        model.addAttribute("stages", ProjectStage.values());
        model.addAttribute("lights", List.of(StatusLight.RED, StatusLight.YELLOW, StatusLight.BLUE,
                StatusLight.GREEN));
        model.addAttribute("programmes", repository.programmes(me.scope()));
        List<OrgUnit> visible = units.visible(me.scope(), false);
        model.addAttribute("parks", visible.stream().filter(u -> u.kind() == OrgUnitKind.PARK).toList());
        model.addAttribute("units", visible.stream().filter(u -> u.kind() != OrgUnitKind.GRID).toList());
        model.addAttribute("mayCreate", Projects.mayCreate(me));
        return "project/list";
    }

    /** The filter as a query string, for the pager, the light shortcuts and the export link. */
    private static String query(ProjectFilter f) {
        List<String> parts = new ArrayList<>();
        add(parts, "q", f.q());
        add(parts, "category", f.category());
        add(parts, "programme", f.programme());
        add(parts, "park", f.parkId());
        add(parts, "unit", f.unitId());
        add(parts, "stage", f.stage());
        add(parts, "plan", f.plan());
        add(parts, "planYear", f.planYear());
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            parts.add(name + "=" + java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Chart series for the portfolio: monthly planned and completed, and both cumulated. */
    static ChartData chart(ProjectSummary s) {
        List<BigDecimal> planned = new ArrayList<>();
        List<BigDecimal> completed = new ArrayList<>();
        List<BigDecimal> plannedToDate = new ArrayList<>();
        List<BigDecimal> completedToDate = new ArrayList<>();
        for (ProjectSummary.Month m : s.months()) {
            planned.add(m.planned());
            completed.add(m.completed());
            plannedToDate.add(m.plannedToDate());
            completedToDate.add(m.completedToDate());
        }
        return new ChartData(planned, completed, plannedToDate, completedToDate);
    }

    record ChartData(List<BigDecimal> planned, List<BigDecimal> completed, List<BigDecimal> plannedToDate,
                     List<BigDecimal> completedToDate) {
    }

    @GetMapping("/{id}")
    String detail(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                  @RequestParam(required = false) Integer year, Model model) {
        ProjectDetails details = projects.details(id, year, me);
        model.addAttribute("d", details);
        model.addAttribute("p", details.project());
        List<BigDecimal> planned = new ArrayList<>();
        List<BigDecimal> completed = new ArrayList<>();
        List<BigDecimal> plannedToDate = new ArrayList<>();
        List<BigDecimal> completedToDate = new ArrayList<>();
        for (ProjectMonth m : details.months()) {
            planned.add(m.planned());
            completed.add(m.completed());
            plannedToDate.add(m.plannedToDate());
            completedToDate.add(m.completedToDate());
        }
        model.addAttribute("chart", new ChartData(planned, completed, plannedToDate, completedToDate));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        int lastMonth = details.year() < today.getYear() ? 12
                : details.year() > today.getYear() ? 0 : today.getMonthValue();
        List<Integer> reportable = new ArrayList<>();
        for (int m = lastMonth; m >= 1; m--) {
            reportable.add(m);
        }
        model.addAttribute("reportableMonths", reportable);
        model.addAttribute("defaultMonth", Math.max(1, lastMonth - 1));
        model.addAttribute("stages", ProjectStage.values());
        model.addAttribute("yearPlan", details.years().stream().filter(y -> y.year() == details.year())
                .findFirst().orElse(null));
        model.addAttribute("photoCount", details.months().stream().mapToInt(m -> m.photoIds().size()).sum());
        return "project/detail";
    }

    @PostMapping("/{id}/progress")
    String progress(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @RequestParam int year,
                    @RequestParam int month, @RequestParam(required = false) BigDecimal completed,
                    @RequestParam(required = false) BigDecimal completedYtd,
                    @RequestParam(required = false) String physicalProgress,
                    @RequestParam(required = false) List<Long> reached,
                    @RequestParam(required = false) ProjectStage stage,
                    @RequestParam(required = false) List<MultipartFile> photos, RedirectAttributes redirect) {
        try {
            List<MonthlyProgress.Reached> milestones = reached == null ? List.of()
                    : reached.stream().map(m -> new MonthlyProgress.Reached(m, null)).toList();
            ProjectMonth filed = projects.fileProgress(id, new MonthlyProgress(year, month, completed, completedYtd,
                    physicalProgress, milestones, stage), photos == null ? List.of() : photos, me);
            redirect.addFlashAttribute("flashSuccess", messages.get("project.page.progressFiled", year, month,
                    filed.completed().toPlainString()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/projects/" + id + "?year=" + year;
    }

    @PostMapping("/{id}/plan")
    String plan(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @RequestParam int year,
                @RequestParam(required = false) BigDecimal planned,
                @RequestParam(required = false) List<String> months, RedirectAttributes redirect) {
        try {
            List<BigDecimal> split = months == null || months.stream().allMatch(String::isBlank) ? null
                    : months.stream().map(v -> v.isBlank() ? null : new BigDecimal(v.strip())).toList();
            projects.savePlan(id, new AnnualPlan(year, planned, split), me);
            redirect.addFlashAttribute("flashSuccess", messages.get("common.saved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("flashError", messages.get("project.page.badNumber"));
        }
        return "redirect:/projects/" + id + "?year=" + year;
    }

    @PostMapping("/{id}/milestones")
    String addMilestone(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @RequestParam String name,
                        @RequestParam(required = false) LocalDate plannedDate, RedirectAttributes redirect) {
        try {
            projects.addMilestone(id, name, plannedDate, me);
            redirect.addFlashAttribute("flashSuccess", messages.get("common.saved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/projects/" + id + "#milestones";
    }

    @PostMapping("/{id}/problems")
    String raise(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @RequestParam String text,
                 @RequestParam(required = false) ProblemRoute route,
                 @RequestParam(required = false) java.time.LocalDate dueDate,
                 @RequestParam(required = false) String contactName,
                 @RequestParam(required = false) String contactPhone, RedirectAttributes redirect) {
        try {
            problems.raise(id, new ProblemReport(text, route, dueDate, contactName, contactPhone), me);
            redirect.addFlashAttribute("flashSuccess", messages.get("project.page.problemRaised"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/projects/" + id + "#problems";
    }

    @PostMapping("/problems/{problemId}/resolve")
    String resolve(@AuthenticationPrincipal LuoshiUser me, @PathVariable long problemId,
                   @RequestParam(required = false) String note, RedirectAttributes redirect) {
        long projectId = problems.find(problemId).map(p -> p.projectId())
                .orElseThrow(() -> DomainException.notFound("project.problem", problemId));
        try {
            problems.resolve(problemId, note, me);
            redirect.addFlashAttribute("flashSuccess", messages.get("common.saved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/projects/" + projectId + "#problems";
    }

    @GetMapping("/photos/{fileId}")
    ResponseEntity<InputStreamResource> photo(@AuthenticationPrincipal LuoshiUser me, @PathVariable long fileId)
            throws IOException {
        StoredFile file = projects.photo(fileId, me);
        InputStream in = projects.openPhoto(fileId, me);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.sizeBytes()).body(new InputStreamResource(in));
    }

    @GetMapping("/export")
    void export(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) String q,
                @RequestParam(required = false) ProjectCategory category,
                @RequestParam(required = false) String programme, @RequestParam(required = false) Long park,
                @RequestParam(required = false) Long unit, @RequestParam(required = false) ProjectStage stage,
                @RequestParam(required = false) StatusLight light, HttpServletResponse response) throws IOException {
        Downloads.start(response, Downloads.XLSX, "重点项目.xlsx");
        imports.export(new ProjectFilter(q, category, StringUtils.hasText(programme) ? programme : null, park, unit,
                stage, light), null, me, response.getOutputStream());
    }

    // ---- new project

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal LuoshiUser me, Model model) {
        return form(me, model, null);
    }

    private String form(LuoshiUser me, Model model, NewProject draft) {
        if (!Projects.mayCreate(me)) {
            throw DomainException.forbidden("error.forbidden");
        }
        List<OrgUnit> all = units.visible(me.scope(), false);
        model.addAttribute("draft", draft);
        model.addAttribute("leadUnits", all.stream().filter(u -> u.kind() != OrgUnitKind.GRID).toList());
        model.addAttribute("parks", parks(me));
        model.addAttribute("regions", regions(me));
        model.addAttribute("categories", ProjectCategory.values());
        model.addAttribute("stages", ProjectStage.values());
        model.addAttribute("thisYear", LocalDate.now(clock).getYear());
        return "project/form";
    }

    private List<OrgUnit> parks(LuoshiUser me) {
        return units.workingArea(me.scope()).stream().filter(u -> u.kind() == OrgUnitKind.PARK).toList();
    }

    private List<OrgUnit> regions(LuoshiUser me) {
        return units.workingArea(me.scope()).stream()
                .filter(u -> u.kind() == OrgUnitKind.REGION && u.depth() >= 1).toList();
    }

    @PostMapping
    String create(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) String code,
                  @RequestParam(required = false) String name, @RequestParam(required = false) ProjectCategory category,
                  @RequestParam(required = false) String programme,
                  @RequestParam(required = false) String enterpriseCreditCode,
                  @RequestParam(required = false) Long parkId, @RequestParam(required = false) Long leadUnitId,
                  @RequestParam(required = false) Long locationUnitId,
                  @RequestParam(required = false) String leaderInCharge,
                  @RequestParam(required = false) String location,
                  @RequestParam(required = false) BigDecimal totalInvestment,
                  @RequestParam(required = false) Integer startYear, @RequestParam(required = false) Integer endYear,
                  @RequestParam(required = false) ProjectStage stage, Model model, RedirectAttributes redirect) {
        NewProject draft = new NewProject(code, name, category, programme, enterpriseCreditCode, parkId, leadUnitId,
                locationUnitId, leaderInCharge, location, totalInvestment, startYear, endYear, stage, null);
        try {
            Project created = projects.create(draft, me);
            redirect.addFlashAttribute("flashSuccess", messages.get("common.saved") + "：" + created.code());
            return "redirect:/projects/" + created.id();
        } catch (DomainException e) {
            FormErrors.addTo(model, e, messages);
            return form(me, model, draft);
        }
    }

    // ---- imports

    @GetMapping("/import")
    String importForm(@AuthenticationPrincipal LuoshiUser me, Model model) {
        // The form is for those who may import: the offices that keep and report projects (Projects.mayCreate).
        if (!Projects.mayCreate(me)) {
            throw DomainException.forbidden("error.forbidden");
        }
        model.addAttribute("thisYear", LocalDate.now(clock).getYear());
        return "project/import";
    }

    /** Rows of a preview the page lists; the counts cover the whole file. */
    static final int LINES_SHOWN = 500;

    /** Checks the file and shows what importing it would do; nothing is written until the user confirms. */
    @PostMapping("/import")
    String importFile(@AuthenticationPrincipal LuoshiUser me, @RequestParam String kind,
                      @RequestParam("file") MultipartFile file, Model model) throws IOException {
        model.addAttribute("thisYear", LocalDate.now(clock).getYear());
        model.addAttribute("kind", "progress".equals(kind) ? "progress" : "projects");
        model.addAttribute("filename", file.getOriginalFilename());
        try (InputStream in = file.getInputStream()) {
            ImportPreview preview = "progress".equals(kind)
                    ? imports.previewProgress(in, file.getOriginalFilename(), me)
                    : imports.previewProjects(in, file.getOriginalFilename(), me);
            showPreview(model, preview);
        } catch (DomainException e) {
            rejected(model, e);
        }
        return "project/import";
    }

    /** Writes what the preview showed and shows how it went (or why it cannot be written any more). */
    @PostMapping("/import/{id}/confirm")
    String confirmImport(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, Model model) {
        model.addAttribute("thisYear", LocalDate.now(clock).getYear());
        ImportPreview preview = imports.preview(id, me);
        model.addAttribute("kind", "PROGRESS".equals(preview.kind()) ? "progress" : "projects");
        model.addAttribute("filename", preview.filename());
        try {
            model.addAttribute("report", imports.confirm(id, me));
        } catch (DomainException e) {
            rejected(model, e);
        }
        return "project/import";
    }

    private static void showPreview(Model model, ImportPreview preview) {
        model.addAttribute("preview", preview);
        model.addAttribute("lines", preview.lines().subList(0, Math.min(LINES_SHOWN, preview.lines().size())));
    }

    private void rejected(Model model, DomainException e) {
        model.addAttribute("rejection", messages.get(e.code(), e.args()));
        model.addAttribute("rowErrors", e.fieldProblems().stream()
                .map(p -> messages.get(p.code(), p.args())).toList());
    }
}
