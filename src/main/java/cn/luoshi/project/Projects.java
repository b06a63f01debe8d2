package cn.luoshi.project;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.luoshi.common.CreditCode;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.files.FileStore;
import cn.luoshi.common.files.StoredFile;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.enterprise.Enterprise;
import cn.luoshi.enterprise.Enterprises;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnitKind;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.project.internal.ProjectLights;
import cn.luoshi.project.internal.ProjectProblemRules;
import cn.luoshi.project.internal.ProjectRepository;
import cn.luoshi.project.internal.ProjectSummaries;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.web.multipart.MultipartFile;

/**
 * The key-project register and its monthly cycle: plans, progress reports, milestones, lights and the portfolio
 * summary.
 * <p>
 * Who may do what: the supervision office, unit handlers and unit heads whose scope covers a project's lead unit
 * register it, change it and its plan and milestones; those whose scope covers its lead unit, location or park
 * file its monthly progress; everyone who sees it (leaders, the statistics office, its enterprise) reads it.
 */
@Service
public class Projects {

    static final Set<Role> OFFICE = EnumSet.of(Role.SUPERVISOR, Role.UNIT_HANDLER, Role.UNIT_HEAD);
    static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;
    /** A month's completed investment (万元) at or above this is refused. */
    static final BigDecimal MAX_INVESTMENT = BigDecimal.TEN.pow(10);

    private final ProjectRepository repository;
    private final ProjectSummaries summaries;
    private final ProjectLights lights;
    private final Enterprises enterprises;
    private final OrgUnits units;
    private final FileStore files;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Projects(ProjectRepository repository, ProjectSummaries summaries, ProjectLights lights, Enterprises enterprises,
             OrgUnits units, FileStore files, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.summaries = summaries;
        this.lights = lights;
        this.enterprises = enterprises;
        this.units = units;
        this.files = files;
        this.events = events;
        this.clock = clock;
    }

    // ---- reading

    public PageResponse<Project> list(ProjectFilter filter, Paging paging, LuoshiUser me) {
        lights.refreshStale();
        var where = ProjectRepository.where(me.scope(), filter, unitPath(filter.unitId(), me));
        return paging.page(repository.list(where, paging), repository.count(where));
    }

    public Project get(long id, LuoshiUser me) {
        return repository.findVisible(id, me.scope()).orElseThrow(() -> DomainException.notFound("project", id));
    }

    public Optional<Project> findBySource(ProjectSource source) {
        return repository.findBySource(source.meetingId(), source.key());
    }

    /** The project with one year's months (default: this year), its milestones and problems. */
    public ProjectDetails details(long id, Integer year, LuoshiUser me) {
        lights.refreshStale();
        Project project = get(id, me);
        int y = year != null ? year : LocalDate.now(clock).getYear();
        String enterpriseName = project.enterpriseId() == null ? null
                : enterprises.find(project.enterpriseId()).map(Enterprise::name).orElse(null);
        ProjectProblemRules.Standing standing = problemStanding(project, me);
        List<ProjectProblemView> problems = repository.problems(id).stream().map(p -> new ProjectProblemView(p,
                ProjectProblemRules.allowedOnProblem(project, p, standing))).toList();
        return new ProjectDetails(project, enterpriseName, y, repository.years(id), months(id, y),
                repository.milestones(id), problems, ProjectProblemRules.allowedOnProject(project, standing),
                canEdit(project, me), canReport(project, me));
    }

    /** What the person is to the project's problem list ({@link ProjectProblemRules}). */
    ProjectProblemRules.Standing problemStanding(Project project, LuoshiUser me) {
        return new ProjectProblemRules.Standing(
                me.hasAny(Role.ENTERPRISE, Role.UNIT_HANDLER, Role.UNIT_HEAD, Role.SUPERVISOR),
                me.has(Role.ENTERPRISE), canEdit(project, me));
    }

    private List<ProjectMonth> months(long id, int year) {
        Map<Integer, List<Long>> photos = repository.photos(id, year);
        BigDecimal[] planned = new BigDecimal[13];
        BigDecimal[] completed = new BigDecimal[13];
        Object[][] rows = new Object[13][];
        for (Object[] row : repository.months(id, year)) {
            int m = (Integer) row[0];
            planned[m] = (BigDecimal) row[1];
            completed[m] = (BigDecimal) row[2];
            rows[m] = row;
        }
        List<ProjectMonth> months = new ArrayList<>(12);
        BigDecimal plannedSum = BigDecimal.ZERO;
        BigDecimal completedSum = BigDecimal.ZERO;
        YearMonth current = YearMonth.now(clock);
        for (int m = 1; m <= 12; m++) {
            plannedSum = plannedSum.add(planned[m] == null ? BigDecimal.ZERO : planned[m]);
            completedSum = completedSum.add(completed[m] == null ? BigDecimal.ZERO : completed[m]);
            // No cumulated completion for months still to come: the chart line stops at today.
            boolean future = YearMonth.of(year, m).isAfter(current);
            Object[] row = rows[m];
            months.add(new ProjectMonth(year, m, planned[m], completed[m], plannedSum,
                    future && completed[m] == null ? null : completedSum,
                    row == null ? null : (String) row[3], row == null ? null : (OffsetDateTime) row[4],
                    row == null ? null : (String) row[5], photos.getOrDefault(m, List.of())));
        }
        return months;
    }

    public ProjectSummary summary(ProjectFilter filter, Integer year, LuoshiUser me) {
        lights.refreshStale();
        int y = year != null ? year : LocalDate.now(clock).getYear();
        var where = ProjectRepository.where(me.scope(), filter, unitPath(filter.unitId(), me));
        return summaries.summary(where, y, throughMonth(y));
    }

    /** Full months elapsed in the year: all 12 for a past year, none for a future one. */
    int throughMonth(int year) {
        LocalDate today = LocalDate.now(clock);
        if (year < today.getYear()) {
            return 12;
        }
        return year > today.getYear() ? 0 : today.getMonthValue() - 1;
    }

    public boolean canEdit(Project project, LuoshiUser me) {
        return OFFICE.stream().anyMatch(me::has) && covers(me, project.leadUnitId());
    }

    public boolean canReport(Project project, LuoshiUser me) {
        return OFFICE.stream().anyMatch(me::has) && (covers(me, project.leadUnitId())
                || covers(me, project.locationUnitId()) || covers(me, project.parkId()));
    }

    public static boolean mayCreate(LuoshiUser me) {
        return OFFICE.stream().anyMatch(me::has);
    }

    private boolean covers(LuoshiUser me, Long unitId) {
        return unitId != null && units.find(unitId).map(u -> me.scope().covers(u)).orElse(false);
    }

    private String unitPath(Long unitId, LuoshiUser me) {
        return unitId == null ? null : units.getVisible(unitId, me.scope()).path();
    }

    // ---- registering and changing

    @Transactional
    public Project create(NewProject project, LuoshiUser actor) {
        if (!mayCreate(actor)) {
            throw DomainException.forbidden("error.forbidden");
        }
        List<FieldProblem> problems = check(project, actor, null);
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        return insert(project, actor, true);
    }

    /**
     * Registers a project named elsewhere (a speech): the same source registered twice gives back the project of
     * the first registration instead of a duplicate.
     */
    @Transactional
    public Project register(NewProject project, LuoshiUser actor) {
        if (project.source() != null) {
            Optional<Project> existing = findBySource(project.source());
            if (existing.isPresent()) {
                return existing.get();
            }
            // Two reviewers registering the same speech at once: the unique source key lets one insert through.
            lights.lockSource(project.source().meetingId(), project.source().key());
            existing = findBySource(project.source());
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        return create(project, actor);
    }

    /** Inserts a checked project; an import passes audit=false and refreshes lights and audits once for all rows. */
    @Transactional
    Project insert(NewProject project, LuoshiUser actor, boolean audit) {
        String code = StringUtils.hasText(project.code()) ? project.code().strip()
                : "XM" + project.startYear() + "-" + String.format("%05d", repository.nextCodeNumber());
        Enterprise enterprise = enterpriseOf(project.enterpriseCreditCode());
        long id = repository.insert(code, project, enterprise == null ? null : enterprise.id(),
                enterprise == null ? null : enterprise.creditCode(), actor.getUsername());
        if (!audit) {
            return repository.find(id).orElseThrow();
        }
        lights.refresh(List.of(id));
        Project created = repository.find(id).orElseThrow();
        events.publishEvent(new AuditRecord("project.created", "Project", String.valueOf(id), created.leadUnitId(),
                "登记重点项目「" + created.name() + "」（" + code + "）", null, created));
        return created;
    }

    @Transactional
    public Project update(long id, NewProject changes, int version, LuoshiUser actor) {
        Project before = editable(id, actor);
        List<FieldProblem> problems = check(changes, actor, id);
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        return apply(before, changes, version, true);
    }

    /** Writes checked changes; an import passes audit=false (see {@link #insert}). */
    @Transactional
    Project apply(Project before, NewProject changes, int version, boolean audit) {
        String code = StringUtils.hasText(changes.code()) ? changes.code().strip() : before.code();
        Enterprise enterprise = enterpriseOf(changes.enterpriseCreditCode());
        if (!repository.update(before.id(), code, changes, enterprise == null ? null : enterprise.id(),
                enterprise == null ? null : enterprise.creditCode(), version)) {
            throw DomainException.staleVersion(before.name());
        }
        if (!audit) {
            return before;
        }
        lights.refresh(List.of(before.id()));
        Project after = repository.find(before.id()).orElseThrow();
        events.publishEvent(new AuditRecord("project.updated", "Project", String.valueOf(before.id()),
                after.leadUnitId(), "修改重点项目「" + after.name() + "」", before, after));
        return after;
    }

    /** Sets a year's plan; without month figures the plan is spread evenly over the twelve months. */
    @Transactional
    public ProjectYear savePlan(long id, AnnualPlan plan, LuoshiUser actor) {
        Project project = editable(id, actor);
        List<FieldProblem> problems = new ArrayList<>();
        if (plan.year() == null || plan.year() < project.startYear() - 1 || plan.year() > project.endYear() + 1) {
            problems.add(new FieldProblem("year", "project.error.planYear", project.startYear(), project.endYear()));
        }
        if (plan.planned() == null || plan.planned().signum() < 0) {
            problems.add(new FieldProblem("planned", "validation.PositiveOrZero"));
        }
        List<BigDecimal> months = plan.months();
        if (problems.isEmpty()) {
            if (months == null || months.stream().allMatch(m -> m == null)) {
                months = spreadEvenly(plan.planned());
            } else if (months.size() != 12 || months.stream().anyMatch(m -> m != null && m.signum() < 0)) {
                problems.add(new FieldProblem("months", "project.error.monthPlans"));
            } else {
                BigDecimal sum = months.stream().filter(m -> m != null).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.compareTo(plan.planned()) != 0) {
                    problems.add(new FieldProblem("months", "project.error.monthPlanSum", sum.toPlainString(),
                            plan.planned().toPlainString()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        ProjectYear before = repository.years(id).stream().filter(y -> y.year() == plan.year()).findFirst()
                .orElse(null);
        repository.savePlan(id, plan.year(), plan.planned(), months);
        repository.touch(id);
        lights.refresh(List.of(id));
        ProjectYear after = repository.years(id).stream().filter(y -> y.year() == plan.year()).findFirst()
                .orElseThrow();
        events.publishEvent(new AuditRecord("project.plan.saved", "Project", String.valueOf(id),
                project.leadUnitId(), "设定项目「" + project.name() + "」" + plan.year() + "年投资计划 "
                        + plan.planned().toPlainString() + " 万元", before, new PlanChange(after, months)));
        return after;
    }

    /** What the audit log keeps of a plan change. */
    record PlanChange(ProjectYear year, List<BigDecimal> months) {
    }

    static List<BigDecimal> spreadEvenly(BigDecimal annual) {
        BigDecimal month = annual.divide(BigDecimal.valueOf(12), 2, RoundingMode.DOWN);
        List<BigDecimal> months = new ArrayList<>();
        for (int m = 1; m <= 11; m++) {
            months.add(month);
        }
        // December takes the rounding remainder, so the months add up to the year exactly.
        months.add(annual.subtract(month.multiply(BigDecimal.valueOf(11))));
        return months;
    }

    /**
     * Files a month's progress: the investment completed in the month (given directly, or as the year-to-date
     * total), the physical progress, milestones reached, a new stage and photos of the site.
     */
    @Transactional
    public ProjectMonth fileProgress(long id, MonthlyProgress report, List<MultipartFile> photos, LuoshiUser actor) {
        Project project = get(id, actor);
        if (!canReport(project, actor)) {
            throw DomainException.forbidden("project.error.report");
        }
        LocalDate today = LocalDate.now(clock);
        BigDecimal completed = checkProgress(project, report, today);
        List<ProjectMonth> beforeMonths = months(id, report.year());
        ProjectMonth before = beforeMonths.get(report.month() - 1);
        String text = StringUtils.hasText(report.physicalProgress()) ? report.physicalProgress().strip() : null;
        repository.saveProgress(id, report.year(), report.month(), completed, text, actor.getUsername(),
                OffsetDateTime.now(clock));
        List<String> reached = new ArrayList<>();
        if (report.milestonesReached() != null) {
            for (MonthlyProgress.Reached r : report.milestonesReached()) {
                Milestone m = repository.milestone(r.milestoneId()).orElseThrow();
                LocalDate date = r.date() != null ? r.date() : today;
                repository.updateMilestone(m.id(), m.name(), m.plannedDate(), date);
                reached.add(m.name());
            }
        }
        if (report.stage() != null && report.stage() != project.stage()) {
            repository.setStage(id, report.stage());
        } else {
            repository.touch(id);
        }
        if (photos != null) {
            for (MultipartFile photo : photos) {
                if (photo != null && !photo.isEmpty()) {
                    StoredFile file = files.store(photo, FileStore.IMAGES, MAX_PHOTO_BYTES, actor.getUsername());
                    repository.insertPhoto(id, report.year(), report.month(), file.id(), OffsetDateTime.now(clock));
                }
            }
        }
        lights.refresh(List.of(id));
        ProjectMonth after = months(id, report.year()).get(report.month() - 1);
        events.publishEvent(new AuditRecord("project.progress.filed", "Project", String.valueOf(id),
                project.leadUnitId(), "报送项目「" + project.name() + "」" + report.year() + "年" + report.month()
                        + "月进展：当月完成投资 " + completed.toPlainString() + " 万元"
                        + (reached.isEmpty() ? "" : "，达成节点 " + String.join("、", reached))
                        + (report.stage() != null && report.stage() != project.stage()
                        ? "，阶段 " + project.stage() + " → " + report.stage() : ""),
                before, after));
        return after;
    }

    /** Checks a report and returns the month's completed investment. */
    private BigDecimal checkProgress(Project project, MonthlyProgress r, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.year() == null) {
            problems.add(new FieldProblem("year", "validation.NotNull"));
        }
        if (r.month() == null || r.month() < 1 || r.month() > 12) {
            problems.add(new FieldProblem("month", "project.error.month"));
        }
        if (problems.isEmpty() && YearMonth.of(r.year(), r.month()).isAfter(YearMonth.from(today))) {
            problems.add(new FieldProblem("month", "project.error.futureMonth", r.year(), r.month()));
        }
        if (r.completed() == null && r.completedYtd() == null) {
            problems.add(new FieldProblem("completed", "project.error.completedMissing"));
        }
        if (r.completed() != null && r.completed().signum() < 0) {
            problems.add(new FieldProblem("completed", "validation.PositiveOrZero"));
        }
        // project_month holds 14 digits, 2 after the point; no month's investment comes near 10^10 万元.
        if (r.completed() != null && r.completed().abs().compareTo(MAX_INVESTMENT) >= 0) {
            problems.add(new FieldProblem("completed", "validation.Max"));
        }
        if (r.completedYtd() != null && r.completedYtd().abs().compareTo(MAX_INVESTMENT) >= 0) {
            problems.add(new FieldProblem("completedYtd", "validation.Max"));
        }
        if (r.physicalProgress() != null && r.physicalProgress().strip().length() > 2000) {
            problems.add(new FieldProblem("physicalProgress", "validation.tooLong", 2000));
        }
        if (r.milestonesReached() != null) {
            for (int i = 0; i < r.milestonesReached().size(); i++) {
                MonthlyProgress.Reached reached = r.milestonesReached().get(i);
                Optional<Milestone> m = reached.milestoneId() == null ? Optional.empty()
                        : repository.milestone(reached.milestoneId()).filter(x -> x.projectId() == project.id());
                if (m.isEmpty()) {
                    problems.add(new FieldProblem("milestonesReached[" + i + "]", "project.error.milestone"));
                } else if (reached.date() != null && reached.date().isAfter(today)) {
                    problems.add(new FieldProblem("milestonesReached[" + i + "]", "project.error.reachedFuture",
                            m.get().name()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        BigDecimal completed = r.completed();
        if (r.completedYtd() != null) {
            BigDecimal before = repository.completedBefore(project.id(), r.year(), r.month());
            BigDecimal fromYtd = r.completedYtd().subtract(before);
            if (fromYtd.signum() < 0) {
                throw DomainException.invalidFields(List.of(new FieldProblem("completedYtd",
                        "project.error.ytdBelowEarlier", r.completedYtd().toPlainString(), before.toPlainString())));
            }
            if (completed != null && completed.compareTo(fromYtd) != 0) {
                throw DomainException.invalidFields(List.of(new FieldProblem("completedYtd",
                        "project.error.ytdMismatch", completed.toPlainString(), r.completedYtd().toPlainString(),
                        before.toPlainString())));
            }
            completed = fromYtd;
        }
        return completed;
    }

    // ---- milestones

    @Transactional
    public Milestone addMilestone(long id, String name, LocalDate plannedDate, LuoshiUser actor) {
        Project project = editable(id, actor);
        checkMilestone(name, plannedDate);
        int order = repository.milestones(id).size();
        long mid = repository.insertMilestone(id, name.strip(), plannedDate, null, order);
        repository.touch(id);
        lights.refresh(List.of(id));
        Milestone created = repository.milestone(mid).orElseThrow();
        events.publishEvent(new AuditRecord("project.milestone.added", "Project", String.valueOf(id),
                project.leadUnitId(), "项目「" + project.name() + "」新增节点「" + created.name() + "」（计划 "
                        + plannedDate + "）", null, created));
        return created;
    }

    @Transactional
    public Milestone changeMilestone(long milestoneId, String name, LocalDate plannedDate, LocalDate reachedDate,
                                     LuoshiUser actor) {
        Milestone before = repository.milestone(milestoneId)
                .orElseThrow(() -> DomainException.notFound("project.milestone", milestoneId));
        Project project = editable(before.projectId(), actor);
        checkMilestone(name, plannedDate);
        if (reachedDate != null && reachedDate.isAfter(LocalDate.now(clock))) {
            throw DomainException.invalidFields(List.of(new FieldProblem("reachedDate", "project.error.reachedFuture",
                    name)));
        }
        repository.updateMilestone(milestoneId, name.strip(), plannedDate, reachedDate);
        repository.touch(project.id());
        lights.refresh(List.of(project.id()));
        Milestone after = repository.milestone(milestoneId).orElseThrow();
        events.publishEvent(new AuditRecord("project.milestone.changed", "Project", String.valueOf(project.id()),
                project.leadUnitId(), "修改项目「" + project.name() + "」节点「" + after.name() + "」", before, after));
        return after;
    }

    @Transactional
    public void removeMilestone(long milestoneId, LuoshiUser actor) {
        Milestone before = repository.milestone(milestoneId)
                .orElseThrow(() -> DomainException.notFound("project.milestone", milestoneId));
        Project project = editable(before.projectId(), actor);
        repository.deleteMilestone(milestoneId);
        repository.touch(project.id());
        lights.refresh(List.of(project.id()));
        events.publishEvent(new AuditRecord("project.milestone.removed", "Project", String.valueOf(project.id()),
                project.leadUnitId(), "删除项目「" + project.name() + "」节点「" + before.name() + "」", before, null));
    }

    private static void checkMilestone(String name, LocalDate plannedDate) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!StringUtils.hasText(name)) {
            problems.add(new FieldProblem("name", "validation.NotBlank"));
        } else if (name.strip().length() > 200) {
            problems.add(new FieldProblem("name", "validation.tooLong", 200));
        }
        if (plannedDate == null) {
            problems.add(new FieldProblem("plannedDate", "validation.NotNull"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
    }

    // ---- photos

    /** Adds photos of the site to a month (also possible with the progress report itself). */
    @Transactional
    public List<Long> addPhotos(long id, int year, int month, List<MultipartFile> photos, LuoshiUser actor) {
        Project project = get(id, actor);
        if (!canReport(project, actor)) {
            throw DomainException.forbidden("project.error.report");
        }
        if (month < 1 || month > 12) {
            throw DomainException.invalidFields(List.of(new FieldProblem("month", "project.error.month")));
        }
        List<Long> ids = new ArrayList<>();
        for (MultipartFile photo : photos) {
            if (photo != null && !photo.isEmpty()) {
                StoredFile file = files.store(photo, FileStore.IMAGES, MAX_PHOTO_BYTES, actor.getUsername());
                repository.insertPhoto(id, year, month, file.id(), OffsetDateTime.now(clock));
                ids.add(file.id());
            }
        }
        if (ids.isEmpty()) {
            throw DomainException.invalidFields(List.of(new FieldProblem("file", "validation.NotNull")));
        }
        events.publishEvent(new AuditRecord("project.photos.added", "Project", String.valueOf(id),
                project.leadUnitId(), "上传项目「" + project.name() + "」" + year + "年" + month + "月现场照片 "
                        + ids.size() + " 张", null, ids));
        return ids;
    }

    /** A photo's bytes, if it belongs to a project the user may see. */
    public StoredFile photo(long fileId, LuoshiUser me) {
        long projectId = repository.projectOfPhoto(fileId)
                .orElseThrow(() -> DomainException.notFound("files.file", fileId));
        get(projectId, me);
        return files.find(fileId).orElseThrow(() -> DomainException.notFound("files.file", fileId));
    }

    public InputStream openPhoto(long fileId, LuoshiUser me) throws java.io.IOException {
        photo(fileId, me);
        return files.open(fileId);
    }

    // ---- checks

    private Project editable(long id, LuoshiUser actor) {
        Project project = get(id, actor);
        if (!canEdit(project, actor)) {
            throw DomainException.forbidden("project.error.edit");
        }
        return project;
    }

    private Enterprise enterpriseOf(String creditCode) {
        if (!StringUtils.hasText(creditCode)) {
            return null;
        }
        return enterprises.findByCreditCode(creditCode).orElse(null);
    }

    /** Every problem with a project's fields, checked against the actor's scope; empty when it may be saved. */
    public List<FieldProblem> check(NewProject p, LuoshiUser actor, Long self) {
        List<FieldProblem> problems = new ArrayList<>();
        if (StringUtils.hasText(p.code())) {
            if (p.code().strip().length() > 40) {
                problems.add(new FieldProblem("code", "validation.tooLong", 40));
            } else {
                repository.findByCode(p.code().strip()).filter(x -> self == null || x.id() != self)
                        .ifPresent(x -> problems.add(new FieldProblem("code", "project.error.codeTaken",
                                p.code().strip())));
            }
        }
        if (!StringUtils.hasText(p.name())) {
            problems.add(new FieldProblem("name", "validation.NotBlank"));
        } else if (p.name().strip().length() > 200) {
            problems.add(new FieldProblem("name", "validation.tooLong", 200));
        }
        if (p.category() == null) {
            problems.add(new FieldProblem("category", "validation.NotNull"));
        }
        if (p.programme() != null && p.programme().strip().length() > 60) {
            problems.add(new FieldProblem("programme", "validation.tooLong", 60));
        }
        if (p.leaderInCharge() != null && p.leaderInCharge().strip().length() > 100) {
            problems.add(new FieldProblem("leaderInCharge", "validation.tooLong", 100));
        }
        if (p.location() != null && p.location().strip().length() > 300) {
            problems.add(new FieldProblem("location", "validation.tooLong", 300));
        }
        if (p.leadUnitId() == null) {
            problems.add(new FieldProblem("leadUnitId", "validation.NotNull"));
        } else {
            Optional<OrgUnit> lead = units.find(p.leadUnitId()).filter(u -> actor.scope().covers(u));
            if (lead.isEmpty()) {
                problems.add(new FieldProblem("leadUnitId", "project.error.leadUnit"));
            }
        }
        if (p.parkId() != null && units.find(p.parkId()).filter(u -> u.kind() == OrgUnitKind.PARK).isEmpty()) {
            problems.add(new FieldProblem("parkId", "enterprise.error.unitKind.PARK"));
        }
        if (p.locationUnitId() != null
                && units.find(p.locationUnitId()).filter(u -> u.kind() == OrgUnitKind.REGION).isEmpty()) {
            problems.add(new FieldProblem("locationUnitId", "enterprise.error.unitKind.REGION"));
        }
        if (p.totalInvestment() == null) {
            problems.add(new FieldProblem("totalInvestment", "validation.NotNull"));
        } else if (p.totalInvestment().signum() < 0) {
            problems.add(new FieldProblem("totalInvestment", "validation.PositiveOrZero"));
        } else if (p.totalInvestment().compareTo(new BigDecimal("999999999999")) > 0) {
            problems.add(new FieldProblem("totalInvestment", "validation.Max"));
        }
        if (p.startYear() == null || p.startYear() < 1990 || p.startYear() > 2100) {
            problems.add(new FieldProblem("startYear", "enterprise.error.year"));
        }
        if (p.endYear() == null || p.endYear() < 1990 || p.endYear() > 2100) {
            problems.add(new FieldProblem("endYear", "enterprise.error.year"));
        } else if (p.startYear() != null && p.endYear() < p.startYear()) {
            problems.add(new FieldProblem("endYear", "project.error.endBeforeStart"));
        }
        if (StringUtils.hasText(p.enterpriseCreditCode())) {
            String code = CreditCode.normalise(p.enterpriseCreditCode());
            if (!CreditCode.isValid(code)) {
                problems.add(new FieldProblem("enterpriseCreditCode", "enterprise.error.creditCode", code));
            } else if (enterprises.findByCreditCode(code).isEmpty()) {
                problems.add(new FieldProblem("enterpriseCreditCode", "project.error.enterpriseUnknown", code));
            }
        }
        return problems;
    }
}
