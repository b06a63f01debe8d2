package cn.luoshi.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.luoshi.common.CreditCode;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.excel.SheetRow;
import cn.luoshi.common.excel.Spreadsheets;
import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.common.web.Messages;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.project.internal.ProjectImportStore;
import cn.luoshi.project.internal.ProjectImportStore.Plan;
import cn.luoshi.project.internal.ProjectImportStore.ProgressWrite;
import cn.luoshi.project.internal.ProjectImportStore.ProjectWrite;
import cn.luoshi.project.internal.ProjectImportStore.Stored;
import cn.luoshi.project.internal.ProjectLights;
import cn.luoshi.project.internal.ProjectRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Excel in and out: the project list (import creates new projects and updates those whose code exists), monthly
 * progress, and the export of a filtered list. An import is all-or-nothing: every row is checked first, and if any
 * row is wrong nothing is written and the answer lists each wrong row (422). A successful import is one audit
 * record. Rows that would change nothing are left alone.
 * <p>
 * The page (and an API call with {@code dryRun=true}) first previews: every row as new, changed (old → new),
 * unchanged or refused, nothing written; the preview is kept and its user confirms it once, within a day, which
 * writes exactly what was shown, unless a project it changes was changed meanwhile.
 */
@Service
public class ProjectImports {

    static final int MAX_ROWS = 50_000;
    static final int MAX_REPORTED = 200;

    /** How long a preview may be confirmed. */
    public static final Duration PREVIEW_LIFETIME = Duration.ofDays(1);
    static final String KIND_PROJECTS = "PROJECTS";
    static final String KIND_PROGRESS = "PROGRESS";
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** How an import went: rows of the file, new ones, changed ones, and rows left alone as they changed nothing. */
    public record Report(int rows, int created, int updated, int unchanged) {
    }

    /** The columns of the project sheet, in export order; an import finds them by header, in any order. */
    enum Column {
        CODE("项目编号"), NAME("项目名称"), CATEGORY("项目类别"), PROGRAMME("所属专项"), ENTERPRISE("企业信用代码"),
        PARK("所在园区"), LEAD("牵头单位"), LOCATION_UNIT("所在地区"), LEADER("包保领导"), LOCATION("建设地点"),
        TOTAL("总投资（万元）"), START("开工年份"), END("竣工年份"), STAGE("建设阶段"), YEAR_PLAN("年计划投资（万元）");

        final String header;

        Column(String header) {
            this.header = header;
        }

        /** Matches a header as people type it: spaces, half-width brackets or without the unit. */
        static Column of(String header) {
            String h = normalise(header);
            if (h.matches("(\\d{4}年)?(年度)?计划投资.*")) {
                return YEAR_PLAN;
            }
            for (Column c : values()) {
                if (c != YEAR_PLAN && h.startsWith(normalise(c.header).replaceAll("（.*", ""))) {
                    return c;
                }
            }
            return switch (h.replaceAll("（.*", "")) {
                case "编号" -> CODE;
                case "类别" -> CATEGORY;
                case "专项", "项目库" -> PROGRAMME;
                case "统一社会信用代码", "企业" -> ENTERPRISE;
                case "园区" -> PARK;
                case "责任单位" -> LEAD;
                case "所在地" -> LOCATION_UNIT;
                case "阶段" -> STAGE;
                default -> null;
            };
        }
    }

    static final Map<String, ProjectCategory> CATEGORIES = Map.of("技改", ProjectCategory.TECH_RENOVATION,
            "技术改造", ProjectCategory.TECH_RENOVATION, "基础设施", ProjectCategory.INFRASTRUCTURE,
            "产业", ProjectCategory.INDUSTRY, "产业项目", ProjectCategory.INDUSTRY, "民生实事", ProjectCategory.LIVELIHOOD,
            "招商引资", ProjectCategory.INVESTMENT_PROMOTION);
    static final Map<String, ProjectStage> STAGES = Map.of("前期", ProjectStage.PREPARATION, "开工",
            ProjectStage.STARTED, "新开工", ProjectStage.STARTED, "在建", ProjectStage.CONSTRUCTION, "竣工",
            ProjectStage.COMPLETED, "投产", ProjectStage.OPERATING);
    static final Map<ProjectCategory, String> CATEGORY_LABELS = Map.of(ProjectCategory.TECH_RENOVATION, "技改",
            ProjectCategory.INFRASTRUCTURE, "基础设施", ProjectCategory.INDUSTRY, "产业", ProjectCategory.LIVELIHOOD,
            "民生实事", ProjectCategory.INVESTMENT_PROMOTION, "招商引资");
    static final Map<ProjectStage, String> STAGE_LABELS = Map.of(ProjectStage.PREPARATION, "前期",
            ProjectStage.STARTED, "开工", ProjectStage.CONSTRUCTION, "在建", ProjectStage.COMPLETED, "竣工",
            ProjectStage.OPERATING, "投产");
    static final Map<StatusLight, String> LIGHT_LABELS = Map.of(StatusLight.GREEN, "绿灯", StatusLight.BLUE, "蓝灯",
            StatusLight.YELLOW, "黄灯", StatusLight.RED, "红灯");

    private final Projects projects;
    private final ProjectRepository repository;
    private final ProjectLights lights;
    private final OrgUnits units;
    private final ProjectImportStore store;
    private final ApplicationEventPublisher events;
    private final Messages messages;
    private final JsonMapper json;
    private final Clock clock;

    ProjectImports(Projects projects, ProjectRepository repository, ProjectLights lights, OrgUnits units,
                   ProjectImportStore store, ApplicationEventPublisher events, Messages messages, JsonMapper json,
                   Clock clock) {
        this.projects = projects;
        this.repository = repository;
        this.lights = lights;
        this.units = units;
        this.store = store;
        this.events = events;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    // ---- project list

    /** What checking a file found: every row's outcome, the problems of the refused rows and what writing does. */
    private record Analysis(String kind, int rows, List<ImportPreview.Line> lines, List<FieldProblem> problems,
                            Set<Integer> badRows, Plan plan, int created, int changed, int unchanged) {
    }

    /** Imports a project list at once (the API without a dry run): all or nothing, 422 listing every wrong row. */
    @Transactional
    public Report importProjects(InputStream input, String filename, LuoshiUser actor) {
        Analysis analysis = analyseProjects(input, filename, actor);
        reject(analysis);
        lights.lockForBulkChange();
        return writeProjects(analysis.plan().projects(), analysis.rows(), analysis.unchanged(), filename, actor);
    }

    /** Checks a project list and keeps what importing it would do; nothing of the projects is written. */
    @Transactional
    public ImportPreview previewProjects(InputStream input, String filename, LuoshiUser actor) {
        return keep(analyseProjects(input, filename, actor), filename, actor);
    }

    private Analysis analyseProjects(InputStream input, String filename, LuoshiUser actor) {
        if (!Projects.mayCreate(actor)) {
            throw DomainException.forbidden("error.forbidden");
        }
        List<SheetRow> rows = read(input, filename);
        Map<Column, Integer> columns = columns(rows.getFirst());
        List<String> missing = new ArrayList<>();
        for (Column required : List.of(Column.NAME, Column.CATEGORY, Column.LEAD, Column.TOTAL, Column.START,
                Column.END)) {
            if (!columns.containsKey(required)) {
                missing.add(required.header);
            }
        }
        if (!missing.isEmpty()) {
            throw DomainException.unprocessable("project.import.missingColumns", String.join("、", missing));
        }
        Integer planYear = planYear(rows.getFirst(), columns);
        String planHeader = planYear + Column.YEAR_PLAN.header;
        // The lead unit is one the user works for, as on the form; park and location lie in the user's area.
        UnitLookup leads = new UnitLookup(units.visible(actor.scope(), false));
        UnitLookup places = new UnitLookup(units.workingArea(actor.scope()));
        List<FieldProblem> problems = new ArrayList<>();
        Set<Integer> badRows = new HashSet<>();
        List<ImportPreview.Line> lines = new ArrayList<>();
        List<ProjectWrite> writes = new ArrayList<>();
        Map<String, Integer> codesSeen = new HashMap<>();
        int count = 0;
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        for (SheetRow row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            count++;
            int from = problems.size();
            RowProblems rp = new RowProblems(row.number(), problems, badRows);
            String code = cell(row, columns, Column.CODE);
            if (StringUtils.hasText(code)) {
                Integer first = codesSeen.putIfAbsent(code.strip(), row.number());
                if (first != null) {
                    rp.add(Column.CODE, "project.import.duplicateCode", code, first);
                }
            }
            BigDecimal total = rp.number(Column.TOTAL, cell(row, columns, Column.TOTAL));
            Integer start = rp.year(Column.START, cell(row, columns, Column.START));
            Integer end = rp.year(Column.END, cell(row, columns, Column.END));
            ProjectCategory category = rp.choice(Column.CATEGORY, cell(row, columns, Column.CATEGORY), CATEGORIES,
                    ProjectCategory.class, true);
            ProjectStage stage = rp.choice(Column.STAGE, cell(row, columns, Column.STAGE), STAGES,
                    ProjectStage.class, false);
            Long lead = leads.unit(rp, Column.LEAD, cell(row, columns, Column.LEAD), true);
            Long park = places.unit(rp, Column.PARK, cell(row, columns, Column.PARK), false);
            Long location = places.unit(rp, Column.LOCATION_UNIT, cell(row, columns, Column.LOCATION_UNIT), false);
            BigDecimal planned = rp.number(Column.YEAR_PLAN, cell(row, columns, Column.YEAR_PLAN));
            Project old = StringUtils.hasText(code) ? repository.findByCode(code.strip()).orElse(null) : null;
            // A column the sheet does not have leaves the project's value as it is; an empty cell clears it.
            boolean keep = old != null;
            NewProject project = new NewProject(code, cell(row, columns, Column.NAME), category,
                    keep && !columns.containsKey(Column.PROGRAMME) ? old.programme()
                            : cell(row, columns, Column.PROGRAMME),
                    keep && !columns.containsKey(Column.ENTERPRISE) ? old.enterpriseCreditCode()
                            : cell(row, columns, Column.ENTERPRISE),
                    keep && !columns.containsKey(Column.PARK) ? old.parkId() : park, lead,
                    keep && !columns.containsKey(Column.LOCATION_UNIT) ? old.locationUnitId() : location,
                    keep && !columns.containsKey(Column.LEADER) ? old.leaderInCharge()
                            : cell(row, columns, Column.LEADER),
                    keep && !columns.containsKey(Column.LOCATION) ? old.location()
                            : cell(row, columns, Column.LOCATION),
                    total, start, end,
                    keep && !columns.containsKey(Column.STAGE) ? old.stage()
                            : stage == null ? ProjectStage.PREPARATION : stage, null);
            if (old != null && !projects.canEdit(old, actor)) {
                rp.add(Column.CODE, "project.error.codeTaken", code);
            } else if (!rp.hasProblems()) {
                for (FieldProblem p : projects.check(project, actor, old == null ? null : old.id())) {
                    rp.add(columnOf(p.field()), p.code(), p.args());
                }
            }
            String key = StringUtils.hasText(code) ? code.strip() : null;
            String name = project.name() == null ? null : project.name().strip();
            if (rp.hasProblems()) {
                lines.add(new ImportPreview.Line(row.number(), ImportPreview.Outcome.REFUSED, key, name, List.of(),
                        texts(problems.subList(from, problems.size()))));
            } else if (old == null) {
                created++;
                lines.add(new ImportPreview.Line(row.number(), ImportPreview.Outcome.NEW, key, name, List.of(),
                        List.of()));
                writes.add(new ProjectWrite(row.number(), project, null, null, planYear, planned, true,
                        planned != null));
            } else {
                List<ImportPreview.Change> changes = changes(old, project, leads, places);
                boolean projectChanged = !changes.isEmpty();
                boolean planChanged = false;
                if (planned != null) {
                    BigDecimal oldPlan = repository.years(old.id()).stream().filter(y -> y.year() == planYear)
                            .map(ProjectYear::planned).findFirst().orElse(null);
                    if (oldPlan == null || oldPlan.compareTo(planned) != 0) {
                        planChanged = true;
                        changes.add(new ImportPreview.Change(planHeader, plain(oldPlan), plain(planned)));
                    }
                }
                if (changes.isEmpty()) {
                    unchanged++;
                    lines.add(new ImportPreview.Line(row.number(), ImportPreview.Outcome.UNCHANGED, key, name,
                            List.of(), List.of()));
                } else {
                    changed++;
                    lines.add(new ImportPreview.Line(row.number(), ImportPreview.Outcome.CHANGED, key, name,
                            changes, List.of()));
                    writes.add(new ProjectWrite(row.number(), project, old.id(), old.version(), planYear, planned,
                            projectChanged, planChanged));
                }
            }
        }
        return new Analysis(KIND_PROJECTS, count, lines, problems, badRows, new Plan(writes, List.of()), created,
                changed, unchanged);
    }

    /** The fields of a project the row changes, each as its column reads before and after. */
    private static List<ImportPreview.Change> changes(Project old, NewProject p, UnitLookup leads,
                                                      UnitLookup places) {
        List<ImportPreview.Change> changes = new ArrayList<>();
        change(changes, Column.NAME, old.name(), text(p.name()));
        change(changes, Column.CATEGORY, CATEGORY_LABELS.get(old.category()), CATEGORY_LABELS.get(p.category()));
        change(changes, Column.PROGRAMME, old.programme(), text(p.programme()));
        change(changes, Column.ENTERPRISE, old.enterpriseCreditCode(),
                text(CreditCode.normalise(p.enterpriseCreditCode())));
        if (!Objects.equals(old.parkId(), p.parkId())) {
            changes.add(new ImportPreview.Change(Column.PARK.header, old.parkName(), places.name(p.parkId())));
        }
        if (old.leadUnitId() != p.leadUnitId()) {
            changes.add(new ImportPreview.Change(Column.LEAD.header, old.leadUnitName(), leads.name(p.leadUnitId())));
        }
        if (!Objects.equals(old.locationUnitId(), p.locationUnitId())) {
            changes.add(new ImportPreview.Change(Column.LOCATION_UNIT.header, old.locationUnitName(),
                    places.name(p.locationUnitId())));
        }
        change(changes, Column.LEADER, old.leaderInCharge(), text(p.leaderInCharge()));
        change(changes, Column.LOCATION, old.location(), text(p.location()));
        if (old.totalInvestment().compareTo(p.totalInvestment()) != 0) {
            changes.add(new ImportPreview.Change(Column.TOTAL.header, plain(old.totalInvestment()),
                    plain(p.totalInvestment())));
        }
        change(changes, Column.START, String.valueOf(old.startYear()), String.valueOf(p.startYear()));
        change(changes, Column.END, String.valueOf(old.endYear()), String.valueOf(p.endYear()));
        change(changes, Column.STAGE, STAGE_LABELS.get(old.stage()), STAGE_LABELS.get(p.stage()));
        return changes;
    }

    private static void change(List<ImportPreview.Change> changes, Column column, String before, String after) {
        String b = text(before);
        if (!Objects.equals(b, after)) {
            changes.add(new ImportPreview.Change(column.header, b, after));
        }
    }

    private static String text(String s) {
        return StringUtils.hasText(s) ? s.strip() : null;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private Report writeProjects(List<ProjectWrite> writes, int rows, int unchanged, String filename,
                                 LuoshiUser actor) {
        int created = 0;
        int updated = 0;
        List<Long> ids = new ArrayList<>();
        for (ProjectWrite w : writes) {
            long id;
            if (w.projectId() == null) {
                id = projects.insert(w.project(), actor, false).id();
                created++;
            } else {
                id = w.projectId();
                if (w.writeProject()) {
                    Project before = repository.find(id).orElseThrow();
                    projects.apply(before, w.project(), w.version(), false);
                } else {
                    repository.touch(id);
                }
                updated++;
            }
            if (w.writePlan()) {
                repository.savePlan(id, w.planYear(), w.planned(), Projects.spreadEvenly(w.planned()));
            }
            ids.add(id);
        }
        lights.refresh(ids);
        Report report = new Report(rows, created, updated, unchanged);
        events.publishEvent(new AuditRecord("project.imported", "Project", null, actor.unitId(),
                "导入项目清单「" + filename + "」：新增 " + created + " 个，更新 " + updated + " 个，未变 " + unchanged
                        + " 个", null, report));
        return report;
    }

    private Integer planYear(SheetRow header, Map<Column, Integer> columns) {
        Integer index = columns.get(Column.YEAR_PLAN);
        if (index != null) {
            Matcher m = Pattern.compile("(\\d{4})").matcher(header.cell(index));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return LocalDate.now(clock).getYear();
    }

    // ---- monthly progress

    private record MonthReport(BigDecimal completed, String text) {
    }

    /** Imports monthly progress at once (the API without a dry run); see {@link #previewProgress}. */
    @Transactional
    public Report importProgress(InputStream input, String filename, LuoshiUser actor) {
        Analysis analysis = analyseProgress(input, filename, actor);
        reject(analysis);
        lights.lockForBulkChange();
        return writeProgress(analysis.plan().progress(), analysis, filename, actor);
    }

    /**
     * Checks monthly progress (columns 项目编号, 年份, 月份, 当月完成投资（万元）, 形象进度) and keeps what importing it
     * would do; nothing of the projects is written.
     */
    @Transactional
    public ImportPreview previewProgress(InputStream input, String filename, LuoshiUser actor) {
        return keep(analyseProgress(input, filename, actor), filename, actor);
    }

    private Analysis analyseProgress(InputStream input, String filename, LuoshiUser actor) {
        // Only the offices that report progress (Projects.canReport) read a progress sheet at all: anyone else is
        // refused before the file is looked at, as for a project list.
        if (!Projects.mayCreate(actor)) {
            throw DomainException.forbidden("project.error.report");
        }
        List<SheetRow> rows = read(input, filename);
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < rows.getFirst().cells().size(); i++) {
            header.putIfAbsent(normalise(rows.getFirst().cell(i)).replaceAll("（.*", ""), i);
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("项目编号", "年份", "月份", "当月完成投资")) {
            if (!header.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw DomainException.unprocessable("project.import.missingColumns", String.join("、", missing));
        }
        YearMonth now = YearMonth.now(clock);
        List<FieldProblem> problems = new ArrayList<>();
        Set<Integer> badRows = new HashSet<>();
        List<ImportPreview.Line> lines = new ArrayList<>();
        List<ProgressWrite> writes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Optional<Project>> byCode = new HashMap<>();
        Map<String, Map<Integer, MonthReport>> reported = new HashMap<>();
        Integer textColumn = header.get("形象进度");
        int count = 0;
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        for (SheetRow row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            count++;
            int from = problems.size();
            RowProblems rp = new RowProblems(row.number(), problems, badRows);
            String code = row.cell(header.get("项目编号"));
            Project project = null;
            if (!StringUtils.hasText(code)) {
                rp.add("项目编号", "code", "validation.NotBlank");
            } else {
                project = byCode.computeIfAbsent(code.strip(), c -> repository.findByCode(c)
                        .filter(p -> projects.canReport(p, actor))).orElse(null);
                if (project == null) {
                    rp.add("项目编号", "code", "project.import.unknownProject", code);
                }
            }
            Integer year = rp.year("年份", row.cell(header.get("年份")));
            Integer month = rp.integer("月份", row.cell(header.get("月份")), 1, 12);
            BigDecimal completed = rp.number("当月完成投资", "completed", row.cell(header.get("当月完成投资")));
            if (completed == null && !rp.hasProblems()) {
                rp.add("当月完成投资", "completed", "validation.NotBlank");
            } else if (completed != null && completed.signum() < 0) {
                rp.add("当月完成投资", "completed", "validation.PositiveOrZero");
            }
            if (year != null && month != null && YearMonth.of(year, month).isAfter(now)) {
                rp.add("月份", "month", "project.error.futureMonth", year, month);
            }
            if (project != null && year != null && month != null && !seen.add(project.id() + "/" + year + "/" + month)) {
                rp.add("月份", "month", "project.import.duplicateMonth", code, year, month);
            }
            String text = textColumn == null ? null : row.cell(textColumn);
            if (text != null && text.length() > 2000) {
                rp.add("形象进度", "physicalProgress", "validation.tooLong", 2000);
            }
            String key = StringUtils.hasText(code) ? code.strip() + (year != null && month != null
                    ? " " + year + "年" + month + "月" : "") : null;
            String name = project == null ? null : project.name();
            if (rp.hasProblems()) {
                lines.add(new ImportPreview.Line(row.number(), ImportPreview.Outcome.REFUSED, key, name, List.of(),
                        texts(problems.subList(from, problems.size()))));
                continue;
            }
            long id = project.id();
            MonthReport old = reported.computeIfAbsent(id + "/" + year, k -> reports(id, year)).get(month);
            // Without a 形象进度 column the month's text stays as it is.
            String newText = textColumn == null ? (old == null ? null : old.text())
                    : StringUtils.hasText(text) ? text : null;
            List<ImportPreview.Change> changes = new ArrayList<>();
            BigDecimal oldCompleted = old == null ? null : old.completed();
            if (oldCompleted == null || oldCompleted.compareTo(completed) != 0) {
                changes.add(new ImportPreview.Change("当月完成投资（万元）", plain(oldCompleted), plain(completed)));
            }
            String oldText = old == null ? null : old.text();
            if (!Objects.equals(oldText, newText)) {
                changes.add(new ImportPreview.Change("形象进度", oldText, newText));
            }
            ImportPreview.Outcome outcome = old == null ? ImportPreview.Outcome.NEW
                    : changes.isEmpty() ? ImportPreview.Outcome.UNCHANGED : ImportPreview.Outcome.CHANGED;
            switch (outcome) {
                case NEW -> created++;
                case CHANGED -> changed++;
                default -> unchanged++;
            }
            lines.add(new ImportPreview.Line(row.number(), outcome, key, name,
                    outcome == ImportPreview.Outcome.CHANGED ? changes : List.of(), List.of()));
            if (outcome != ImportPreview.Outcome.UNCHANGED) {
                writes.add(new ProgressWrite(row.number(), id, project.version(), year, month, completed, newText));
            }
        }
        return new Analysis(KIND_PROGRESS, count, lines, problems, badRows, new Plan(List.of(), writes), created,
                changed, unchanged);
    }

    /** The months of a year that have a report (completed investment or physical progress). */
    private Map<Integer, MonthReport> reports(long projectId, int year) {
        Map<Integer, MonthReport> months = new HashMap<>();
        for (Object[] m : repository.months(projectId, year)) {
            if (m[2] != null || m[3] != null) {
                months.put((Integer) m[0], new MonthReport((BigDecimal) m[2], (String) m[3]));
            }
        }
        return months;
    }

    private Report writeProgress(List<ProgressWrite> writes, Analysis analysis, String filename, LuoshiUser actor) {
        OffsetDateTime at = OffsetDateTime.now(clock);
        Set<Long> ids = new LinkedHashSet<>();
        for (ProgressWrite w : writes) {
            repository.saveProgress(w.projectId(), w.year(), w.month(), w.completed(), w.text(),
                    actor.getUsername(), at);
            if (ids.add(w.projectId())) {
                repository.touch(w.projectId());
            }
        }
        lights.refresh(ids);
        Report report = new Report(analysis.rows(), analysis.created(), analysis.changed(), analysis.unchanged());
        events.publishEvent(new AuditRecord("project.progress.imported", "Project", null, actor.unitId(),
                "导入月度进展「" + filename + "」：" + analysis.rows() + " 行（新报 " + analysis.created() + "，修改 "
                        + analysis.changed() + "，未变 " + analysis.unchanged() + "），涉及 " + ids.size() + " 个项目",
                null, report));
        return report;
    }

    // ---- previews

    /** Keeps a preview without refused rows for its confirmation; one with refused rows is only shown. */
    private ImportPreview keep(Analysis a, String filename, LuoshiUser actor) {
        if (a.rows() == 0) {
            throw DomainException.unprocessable("project.import.empty");
        }
        OffsetDateTime at = OffsetDateTime.now(clock);
        Long id = null;
        if (a.badRows().isEmpty()) {
            id = store.save(a.kind(), filename, actor.id(), a.rows(), a.created(), a.changed(), a.unchanged(),
                    json.writeValueAsString(a.lines()), json.writeValueAsString(a.plan()), at);
        }
        return new ImportPreview(id, a.kind(), filename, a.rows(), a.created(), a.changed(), a.unchanged(),
                a.badRows().size(), a.problems().size(), a.lines(), at, at.plus(PREVIEW_LIFETIME), null);
    }

    /** A kept preview, for the user who made it (to anyone else it does not exist). */
    public ImportPreview preview(long id, LuoshiUser me) {
        Stored s = store.find(id).filter(x -> x.actorId() == me.id())
                .orElseThrow(() -> DomainException.notFound("project.importPreview", id));
        List<ImportPreview.Line> lines = json.readValue(s.rowsJson(), new TypeReference<List<ImportPreview.Line>>() {
        });
        return new ImportPreview(s.id(), s.kind(), s.filename(), s.rows(), s.created(), s.changed(), s.unchanged(),
                0, 0, lines, s.createdAt(), s.createdAt().plus(PREVIEW_LIFETIME), s.confirmedAt());
    }

    /**
     * Writes exactly what a kept preview showed, all or nothing, with one audit record. Only its user may confirm
     * it, once, within {@link #PREVIEW_LIFETIME}; if a project it changes was changed meanwhile (or a new code has
     * been taken) the confirmation is refused (409) and nothing is written.
     */
    @Transactional
    public Report confirm(long id, LuoshiUser actor) {
        Stored s = store.lock(id).filter(x -> x.actorId() == actor.id())
                .orElseThrow(() -> DomainException.notFound("project.importPreview", id));
        if (s.confirmedAt() != null) {
            throw DomainException.conflict("project.import.alreadyConfirmed", s.filename(),
                    s.confirmedAt().format(SHOWN_TIME));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!now.isBefore(s.createdAt().plus(PREVIEW_LIFETIME))) {
            throw DomainException.conflict("project.import.expired", s.filename());
        }
        lights.lockForBulkChange();
        Plan plan = json.readValue(s.planJson(), Plan.class);
        Report report;
        if (KIND_PROJECTS.equals(s.kind())) {
            if (!Projects.mayCreate(actor)) {
                throw DomainException.forbidden("error.forbidden");
            }
            for (ProjectWrite w : plan.projects()) {
                if (w.projectId() != null) {
                    current(w.projectId(), w.version(), w.project().code(), actor, false);
                }
                List<FieldProblem> problems = projects.check(w.project(), actor, w.projectId());
                if (!problems.isEmpty()) {
                    throw noLongerValid(w.row(), problems.getFirst());
                }
            }
            report = writeProjects(plan.projects(), s.rows(), s.unchanged(), s.filename(), actor);
        } else {
            Map<Long, ProgressWrite> firstOfProject = new LinkedHashMap<>();
            plan.progress().forEach(w -> firstOfProject.putIfAbsent(w.projectId(), w));
            for (ProgressWrite w : firstOfProject.values()) {
                current(w.projectId(), w.version(), null, actor, true);
            }
            report = writeProgress(plan.progress(), new Analysis(s.kind(), s.rows(), List.of(), List.of(), Set.of(),
                    plan, s.created(), s.changed(), s.unchanged()), s.filename(), actor);
        }
        store.markDone(id, now);
        return report;
    }

    /** The project as the preview saw it, or the 409 that refuses the confirmation. */
    private void current(long projectId, int version, String code, LuoshiUser actor, boolean report) {
        Project now = repository.find(projectId).orElse(null);
        if (now == null) {
            throw DomainException.conflict("project.import.changedSince", code == null ? "#" + projectId : code,
                    code == null ? "#" + projectId : code);
        }
        if (now.version() != version) {
            throw DomainException.conflict("project.import.changedSince", now.name(), now.code());
        }
        if (report ? !projects.canReport(now, actor) : !projects.canEdit(now, actor)) {
            throw DomainException.forbidden(report ? "project.error.report" : "project.error.edit");
        }
    }

    private static DomainException noLongerValid(int row, FieldProblem problem) {
        return DomainException.conflict("project.import.noLongerValid", row,
                new DefaultMessageSourceResolvable(new String[] {problem.code()}, problem.args(), problem.code()));
    }

    /** The problems of one row in both languages, as the row report words them. */
    private List<ImportPreview.Problem> texts(List<FieldProblem> rowProblems) {
        return rowProblems.stream().map(p -> new ImportPreview.Problem(p.field(), String.valueOf(p.args()[1]),
                messages.chinese(p.code(), p.args()), messages.english(p.code(), p.args()))).toList();
    }

    // ---- export

    /** Writes the filtered list with the year's plan and completion as an .xlsx sheet. */
    public void export(ProjectFilter filter, Integer year, LuoshiUser me, OutputStream out) throws IOException {
        lights.refreshStale();
        int y = year != null ? year : LocalDate.now(clock).getYear();
        String unitPath = filter.unitId() == null ? null : units.getVisible(filter.unitId(), me.scope()).path();
        var where = ProjectRepository.where(me.scope(), filter, unitPath);
        List<String> headers = new ArrayList<>();
        for (Column c : Column.values()) {
            headers.add(c == Column.YEAR_PLAN ? y + c.header : c.header);
        }
        headers.addAll(List.of(y + "年已完成投资（万元）", "完成率", "序时进度", "状态"));
        List<List<?>> rows = new ArrayList<>();
        repository.export(where, y, row -> {
            Project p = (Project) row[0];
            List<Object> values = new ArrayList<>();
            values.add(p.code());
            values.add(p.name());
            values.add(CATEGORY_LABELS.get(p.category()));
            values.add(p.programme());
            values.add(p.enterpriseCreditCode());
            values.add(p.parkName());
            values.add(p.leadUnitName());
            values.add(p.locationUnitName());
            values.add(p.leaderInCharge());
            values.add(p.location());
            values.add(p.totalInvestment());
            values.add(p.startYear());
            values.add(p.endYear());
            values.add(STAGE_LABELS.get(p.stage()));
            values.add(row[1]);
            values.add(row[2]);
            values.add(p.completionRate());
            values.add(p.timeProgress());
            values.add(LIGHT_LABELS.get(p.light()));
            rows.add(values);
        });
        Spreadsheets.writeXlsx(out, "重点项目", headers, rows);
    }

    // ---- helpers

    private static List<SheetRow> read(InputStream input, String filename) {
        List<SheetRow> rows = new ArrayList<>();
        Spreadsheets.read(input, filename, row -> {
            if (rows.size() > MAX_ROWS) {
                throw DomainException.unprocessable("excel.error.tooManyRows", MAX_ROWS);
            }
            rows.add(row);
            return true;
        });
        if (rows.isEmpty()) {
            throw DomainException.unprocessable("project.import.empty");
        }
        return rows;
    }

    private static Map<Column, Integer> columns(SheetRow header) {
        Map<Column, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            Column c = Column.of(header.cell(i));
            if (c != null) {
                columns.putIfAbsent(c, i);
            }
        }
        return columns;
    }

    private static String cell(SheetRow row, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        String value = index == null ? "" : row.cell(index);
        return value.isEmpty() ? null : value;
    }

    static String normalise(String header) {
        return header == null ? "" : header.replaceAll("\\s", "").replace('(', '（').replace(')', '）');
    }

    private static Column columnOf(String field) {
        return switch (field) {
            case "code" -> Column.CODE;
            case "name" -> Column.NAME;
            case "category" -> Column.CATEGORY;
            case "programme" -> Column.PROGRAMME;
            case "enterpriseCreditCode" -> Column.ENTERPRISE;
            case "parkId" -> Column.PARK;
            case "leadUnitId" -> Column.LEAD;
            case "locationUnitId" -> Column.LOCATION_UNIT;
            case "leaderInCharge" -> Column.LEADER;
            case "location" -> Column.LOCATION;
            case "totalInvestment" -> Column.TOTAL;
            case "startYear" -> Column.START;
            case "endYear" -> Column.END;
            default -> Column.STAGE;
        };
    }

    /** Throws the 422 listing the wrong rows (the first {@value #MAX_REPORTED}), when there are any. */
    private static void reject(Analysis analysis) {
        List<FieldProblem> problems = analysis.problems();
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "project.import.rejected",
                    problems.subList(0, Math.min(problems.size(), MAX_REPORTED)), analysis.badRows().size(),
                    problems.size());
        }
        if (analysis.rows() == 0) {
            throw DomainException.unprocessable("project.import.empty");
        }
    }

    /** Collects the problems of one row, each naming the row and the column in the user's words. */
    private static final class RowProblems {
        private final int row;
        private final List<FieldProblem> problems;
        private final Set<Integer> badRows;
        private boolean any;

        RowProblems(int row, List<FieldProblem> problems, Set<Integer> badRows) {
            this.row = row;
            this.problems = problems;
            this.badRows = badRows;
        }

        boolean hasProblems() {
            return any;
        }

        void add(Column column, String code, Object... args) {
            add(column.header, column.name().toLowerCase(Locale.ROOT), code, args);
        }

        void add(String columnLabel, String field, String code, Object... args) {
            any = true;
            badRows.add(row);
            problems.add(new FieldProblem("rows[" + row + "]." + field, "project.import.row", row, columnLabel,
                    new DefaultMessageSourceResolvable(new String[] {code}, args, code)));
        }

        BigDecimal number(Column column, String text) {
            return number(column.header, column.name().toLowerCase(Locale.ROOT), text);
        }

        BigDecimal number(String label, String field, String text) {
            if (!StringUtils.hasText(text)) {
                return null;
            }
            try {
                return new BigDecimal(text.replace(",", "").replace("，", "").strip());
            } catch (NumberFormatException e) {
                add(label, field, "project.import.number", text);
                return null;
            }
        }

        Integer year(Column column, String text) {
            return year(column.header, text);
        }

        Integer year(String label, String text) {
            return integer(label, text, 1990, 2100);
        }

        Integer integer(String label, String text, int min, int max) {
            if (!StringUtils.hasText(text)) {
                add(label, label, "validation.NotBlank");
                return null;
            }
            try {
                int value = new BigDecimal(text.strip()).intValueExact();
                if (value < min || value > max) {
                    add(label, label, "project.import.range", text, min, max);
                    return null;
                }
                return value;
            } catch (NumberFormatException | ArithmeticException e) {
                add(label, label, "project.import.integer", text);
                return null;
            }
        }

        <E extends Enum<E>> E choice(Column column, String text, Map<String, E> labels, Class<E> type,
                                     boolean required) {
            if (!StringUtils.hasText(text)) {
                if (required) {
                    add(column, "validation.NotBlank");
                }
                return null;
            }
            E value = labels.get(text.strip());
            if (value == null) {
                try {
                    value = Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    add(column, "project.import.choice", text, String.join("、", labels.keySet().stream()
                            .sorted().toList()));
                }
            }
            return value;
        }
    }

    /**
     * Finds units by code or by name among those the user may name in a column (names repeat, so a name must be
     * unique among them). A unit outside them is refused by name, never resolved.
     */
    private final class UnitLookup {
        private final Map<String, OrgUnit> byCode = new HashMap<>();
        private final Map<String, List<OrgUnit>> byName = new HashMap<>();
        private final Map<Long, String> names = new HashMap<>();

        UnitLookup(List<OrgUnit> candidates) {
            for (OrgUnit u : candidates) {
                byCode.put(u.code(), u);
                byName.computeIfAbsent(u.name(), k -> new ArrayList<>()).add(u);
                names.put(u.id(), u.name());
            }
        }

        Long unit(RowProblems rp, Column column, String text, boolean required) {
            if (!StringUtils.hasText(text)) {
                if (required) {
                    rp.add(column, "validation.NotBlank");
                }
                return null;
            }
            String key = text.strip();
            OrgUnit unit = byCode.get(key);
            if (unit != null) {
                return unit.id();
            }
            List<OrgUnit> named = byName.getOrDefault(key, List.of());
            if (named.size() == 1) {
                return named.getFirst().id();
            }
            if (named.size() > 1) {
                rp.add(column, "project.import.ambiguousUnit", key);
            } else if (units.findByCode(key).isPresent() || !units.findByName(key).isEmpty()) {
                rp.add(column, "project.import.unitOutOfScope", key);
            } else {
                rp.add(column, "project.import.unknownUnit", key);
            }
            return null;
        }

        String name(Long id) {
            return id == null ? null : names.get(id);
        }
    }
}
