package cn.luoshi.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.excel.SheetRow;
import cn.luoshi.common.excel.Spreadsheets;
import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.project.internal.ProjectLights;
import cn.luoshi.project.internal.ProjectRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Excel in and out: the project list (import creates new projects and updates those whose code exists), monthly
 * progress, and the export of a filtered list. An import is all-or-nothing: every row is checked first, and if any
 * row is wrong nothing is written and the answer lists each wrong row (422). A successful import is one audit
 * record.
 */
@Service
public class ProjectImports {

    static final int MAX_ROWS = 50_000;
    static final int MAX_REPORTED = 200;

    /** How an import went. */
    public record Report(int rows, int created, int updated) {
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
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectImports(Projects projects, ProjectRepository repository, ProjectLights lights, OrgUnits units,
                   ApplicationEventPublisher events, Clock clock) {
        this.projects = projects;
        this.repository = repository;
        this.lights = lights;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    // ---- project list

    private record ParsedProject(int row, NewProject project, Integer planYear, BigDecimal planned) {
    }

    @Transactional
    public Report importProjects(InputStream input, String filename, LuoshiUser actor) {
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
        UnitLookup lookup = new UnitLookup(actor);
        List<FieldProblem> problems = new ArrayList<>();
        Set<Integer> badRows = new HashSet<>();
        List<ParsedProject> parsed = new ArrayList<>();
        Map<String, Integer> codesSeen = new HashMap<>();
        for (SheetRow row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            RowProblems rp = new RowProblems(row.number(), problems, badRows);
            String code = cell(row, columns, Column.CODE);
            if (StringUtils.hasText(code)) {
                Integer first = codesSeen.putIfAbsent(code, row.number());
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
            Long lead = lookup.unit(rp, Column.LEAD, cell(row, columns, Column.LEAD), true);
            Long park = lookup.unit(rp, Column.PARK, cell(row, columns, Column.PARK), false);
            Long location = lookup.unit(rp, Column.LOCATION_UNIT, cell(row, columns, Column.LOCATION_UNIT), false);
            BigDecimal planned = rp.number(Column.YEAR_PLAN, cell(row, columns, Column.YEAR_PLAN));
            NewProject project = new NewProject(code, cell(row, columns, Column.NAME), category,
                    cell(row, columns, Column.PROGRAMME), cell(row, columns, Column.ENTERPRISE), park, lead, location,
                    cell(row, columns, Column.LEADER), cell(row, columns, Column.LOCATION), total, start, end,
                    stage == null ? ProjectStage.PREPARATION : stage, null);
            Optional<Project> existing = StringUtils.hasText(code) ? repository.findByCode(code.strip())
                    : Optional.empty();
            if (existing.isPresent() && !projects.canEdit(existing.get(), actor)) {
                rp.add(Column.CODE, "project.error.codeTaken", code);
            } else if (!rp.hasProblems()) {
                for (FieldProblem p : projects.check(project, actor, existing.map(Project::id).orElse(null))) {
                    rp.add(columnOf(p.field()), p.code(), p.args());
                }
            }
            parsed.add(new ParsedProject(row.number(), project, planYear, planned));
        }
        reject(problems, badRows, parsed.isEmpty());

        lights.lockForBulkChange();
        int created = 0;
        int updated = 0;
        List<Long> ids = new ArrayList<>();
        for (ParsedProject p : parsed) {
            Optional<Project> existing = StringUtils.hasText(p.project().code())
                    ? repository.findByCode(p.project().code().strip()) : Optional.empty();
            Project saved;
            if (existing.isPresent()) {
                saved = projects.apply(existing.get(), p.project(), existing.get().version(), false);
                updated++;
            } else {
                saved = projects.insert(p.project(), actor, false);
                created++;
            }
            if (p.planned() != null) {
                repository.savePlan(saved.id(), p.planYear(), p.planned(), Projects.spreadEvenly(p.planned()));
            }
            ids.add(saved.id());
        }
        lights.refresh(ids);
        Report report = new Report(parsed.size(), created, updated);
        events.publishEvent(new AuditRecord("project.imported", "Project", null, actor.unitId(),
                "导入项目清单「" + filename + "」：新增 " + created + " 个，更新 " + updated + " 个", null, report));
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

    private record ParsedProgress(int row, Project project, int year, int month, BigDecimal completed, String text) {
    }

    /** Columns: 项目编号, 年份, 月份, 当月完成投资（万元）, 形象进度. */
    @Transactional
    public Report importProgress(InputStream input, String filename, LuoshiUser actor) {
        List<SheetRow> rows = read(input, filename);
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < rows.getFirst().cells().size(); i++) {
            header.put(normalise(rows.getFirst().cell(i)).replaceAll("（.*", ""), i);
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
        List<ParsedProgress> parsed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Optional<Project>> byCode = new HashMap<>();
        for (SheetRow row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
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
            Integer textColumn = header.get("形象进度");
            String text = textColumn == null ? null : row.cell(textColumn);
            if (text != null && text.length() > 2000) {
                rp.add("形象进度", "physicalProgress", "validation.tooLong", 2000);
            }
            if (!rp.hasProblems()) {
                parsed.add(new ParsedProgress(row.number(), project, year, month, completed,
                        StringUtils.hasText(text) ? text : null));
            }
        }
        reject(problems, badRows, parsed.isEmpty() && problems.isEmpty());

        lights.lockForBulkChange();
        OffsetDateTime at = OffsetDateTime.now(clock);
        Set<Long> ids = new HashSet<>();
        for (ParsedProgress p : parsed) {
            repository.saveProgress(p.project().id(), p.year(), p.month(), p.completed(), p.text(),
                    actor.getUsername(), at);
            if (ids.add(p.project().id())) {
                repository.touch(p.project().id());
            }
        }
        lights.refresh(ids);
        Report report = new Report(parsed.size(), 0, parsed.size());
        events.publishEvent(new AuditRecord("project.progress.imported", "Project", null, actor.unitId(),
                "导入月度进展「" + filename + "」：" + parsed.size() + " 行，涉及 " + ids.size() + " 个项目", null,
                report));
        return report;
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
    private static void reject(List<FieldProblem> problems, Set<Integer> badRows, boolean empty) {
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "project.import.rejected",
                    problems.subList(0, Math.min(problems.size(), MAX_REPORTED)), badRows.size(), problems.size());
        }
        if (empty) {
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

    /** Finds units by code or by name within the actor's scope (names repeat, so a name must be unique). */
    private final class UnitLookup {
        private final LuoshiUser actor;
        private final Map<String, Optional<OrgUnit>> cache = new HashMap<>();

        UnitLookup(LuoshiUser actor) {
            this.actor = actor;
        }

        Long unit(RowProblems rp, Column column, String text, boolean required) {
            if (!StringUtils.hasText(text)) {
                if (required) {
                    rp.add(column, "validation.NotBlank");
                }
                return null;
            }
            String key = text.strip();
            Optional<OrgUnit> unit = cache.computeIfAbsent(key, this::find);
            if (unit.isEmpty()) {
                List<OrgUnit> named = units.findByName(key);
                rp.add(column, named.size() > 1 ? "project.import.ambiguousUnit" : "project.import.unknownUnit", key);
                return null;
            }
            return unit.get().id();
        }

        private Optional<OrgUnit> find(String key) {
            Optional<OrgUnit> byCode = units.findByCode(key);
            if (byCode.isPresent()) {
                return byCode;
            }
            List<OrgUnit> named = units.findByName(key);
            List<OrgUnit> visible = named.stream().filter(u -> actor.scope().covers(u)).toList();
            if (visible.size() == 1) {
                return Optional.of(visible.getFirst());
            }
            if (named.size() == 1) {
                return Optional.of(named.getFirst());
            }
            return Optional.empty();
        }
    }
}
