package cn.luoshi.project;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.enterprise.Enterprises;
import cn.luoshi.notify.NotificationRequested;
import cn.luoshi.notify.Recipients;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.Role;
import cn.luoshi.project.internal.ProjectProblemRules;
import cn.luoshi.project.internal.ProjectRepository;
import cn.luoshi.task.NewTask;
import cn.luoshi.task.RegisteredTask;
import cn.luoshi.task.SourceKind;
import cn.luoshi.task.TaskSource;
import cn.luoshi.task.TaskStatus;
import cn.luoshi.task.TaskStatusChanged;
import cn.luoshi.task.Tasks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The problems raised on projects (问题清单). The office may send a problem on as a supervised task for the lead unit
 * (registered here) or as an appeal of the project's enterprise (filed by the appeal module on
 * {@link ProjectProblemRaised}); either is linked to the problem, which is resolved when the task is completed or the
 * appeal closed. The link methods are for those modules (they act on their own users' authority) and are audited.
 */
@Service
public class ProjectProblems {

    private final ProjectRepository repository;
    private final Projects projects;
    private final Tasks tasks;
    private final Enterprises enterprises;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectProblems(ProjectRepository repository, Projects projects, Tasks tasks, Enterprises enterprises,
                    ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.projects = projects;
        this.tasks = tasks;
        this.enterprises = enterprises;
        this.events = events;
        this.clock = clock;
    }

    public Optional<ProjectProblem> find(long problemId) {
        return repository.problem(problemId);
    }

    /** The problem that became this appeal, if one did. */
    public Optional<ProjectProblem> ofAppeal(long appealId) {
        return repository.problemOfAppeal(appealId);
    }

    public List<ProjectProblem> ofProject(long projectId, LuoshiUser me) {
        projects.get(projectId, me);
        return repository.problems(projectId);
    }

    /** A problem kept on the project's list only. */
    @Transactional
    public ProjectProblem raise(long projectId, String text, LuoshiUser actor) {
        return raise(projectId, ProblemReport.kept(text), actor);
    }

    /**
     * Anyone who sees the project except leaders and statisticians may raise a problem: the office or its enterprise.
     * The project office may send it on at once as a supervised task for the lead unit or as an appeal of the
     * project's enterprise; either is linked to the problem, and the problem is resolved when that is done. Who may
     * do which is {@link ProjectProblemRules}.
     */
    @Transactional
    public ProjectProblem raise(long projectId, ProblemReport report, LuoshiUser actor) {
        Project project = projects.get(projectId, actor);
        ProjectProblemRules.Standing standing = projects.problemStanding(project, actor);
        ProjectProblemRules.check(switch (report.route()) {
            case NONE -> ProjectProblemRules.Operation.RAISE;
            case TASK -> ProjectProblemRules.Operation.ROUTE_TASK;
            case APPEAL -> ProjectProblemRules.Operation.ROUTE_APPEAL;
        }, project, null, standing);
        String text = report.text();
        if (!StringUtils.hasText(text)) {
            throw DomainException.invalidFields(List.of(new FieldProblem("text", "validation.NotBlank")));
        }
        if (text.strip().length() > 2000) {
            throw DomainException.invalidFields(List.of(new FieldProblem("text", "validation.tooLong", 2000)));
        }
        long id = repository.insertProblem(projectId, text.strip(), actor.getUsername(), OffsetDateTime.now(clock));
        ProjectProblem problem = repository.problem(id).orElseThrow();
        events.publishEvent(new AuditRecord("project.problem.raised", "ProjectProblem", String.valueOf(id),
                project.leadUnitId(), "项目「" + project.name() + "」提出问题：" + abbreviate(problem.text()), null,
                problem));
        if (report.route() == ProblemRoute.TASK) {
            LocalDate today = LocalDate.now(clock);
            LocalDate due = report.dueDate() != null ? report.dueDate() : today.plusDays(30);
            RegisteredTask task = tasks.register(new NewTask("项目问题：" + abbreviate(project.name() + "——"
                    + problem.text()), problem.text(), project.leadUnitId(), List.of(), null, null, due, null, null,
                    List.of("项目问题"), null, TaskSource.project(projectId, problem.text(), problemKey(id)), false,
                    true), actor);
            linkTask(id, task.id());
        }
        String enterpriseName = project.enterpriseId() == null ? null
                : enterprises.find(project.enterpriseId()).map(e -> e.name()).orElse(null);
        events.publishEvent(new ProjectProblemRaised(projectId, id, project.name(), project.enterpriseCreditCode(),
                enterpriseName, project.leadUnitId(), problem.text(), report, actor));
        if (report.route() == ProblemRoute.NONE) {
            events.publishEvent(new NotificationRequested(Recipients.unit(project.leadUnitId(),
                    Set.of(Role.UNIT_HANDLER, Role.UNIT_HEAD)), "PROJECT_PROBLEM", "项目问题：" + project.name(),
                    problem.text(), "/projects/" + projectId + "#problems", "project-problem-" + id));
        }
        return repository.problem(id).orElseThrow();
    }

    /** The source key of a problem's task, and of its appeal ({@code project-problem:ID}). */
    public static String problemKey(long problemId) {
        return "problem-" + problemId;
    }

    /** A problem's task was completed: the problem is solved with it. */
    @EventListener
    void on(TaskStatusChanged changed) {
        if (changed.sourceKind() != SourceKind.PROJECT || changed.to() != TaskStatus.COMPLETED
                || changed.sourceKey() == null || !changed.sourceKey().startsWith("problem-")) {
            return;
        }
        long problemId = Long.parseLong(changed.sourceKey().substring("problem-".length()));
        repository.problem(problemId).filter(p -> p.status() == ProjectProblem.Status.OPEN)
                .ifPresent(p -> markResolved(problemId, "督办任务 #" + changed.taskId() + " 已办结"));
    }

    /** Records that the problem became this task (task module). */
    @Transactional
    public ProjectProblem linkTask(long problemId, long taskId) {
        ProjectProblem before = existing(problemId);
        repository.linkTask(problemId, taskId);
        return audited(before, "project.problem.linkedTask", "问题转为督办任务 #" + taskId);
    }

    /** Records that the problem became this enterprise appeal (appeal module). */
    @Transactional
    public ProjectProblem linkAppeal(long problemId, long appealId) {
        ProjectProblem before = existing(problemId);
        repository.linkAppeal(problemId, appealId);
        return audited(before, "project.problem.linkedAppeal", "问题转为企业诉求 #" + appealId);
    }

    /** Marks the problem resolved (its task or appeal was closed); resolving twice is refused. */
    @Transactional
    public ProjectProblem markResolved(long problemId, String note) {
        ProjectProblem before = existing(problemId);
        if (!repository.resolve(problemId, StringUtils.hasText(note) ? note.strip() : null, OffsetDateTime.now(clock))) {
            throw DomainException.conflict("project.error.problemResolved");
        }
        return audited(before, "project.problem.resolved", "问题已解决" + (StringUtils.hasText(note) ? "：" + note : ""));
    }

    /** The project office resolves a problem on the project page. */
    @Transactional
    public ProjectProblem resolve(long problemId, String note, LuoshiUser actor) {
        ProjectProblem problem = existing(problemId);
        Project project = projects.get(problem.projectId(), actor);
        ProjectProblemRules.check(ProjectProblemRules.Operation.RESOLVE, project, problem,
                projects.problemStanding(project, actor));
        return markResolved(problemId, note);
    }

    private ProjectProblem existing(long problemId) {
        return repository.problem(problemId).orElseThrow(() -> DomainException.notFound("project.problem", problemId));
    }

    private ProjectProblem audited(ProjectProblem before, String action, String what) {
        ProjectProblem after = repository.problem(before.id()).orElseThrow();
        Long unit = repository.find(before.projectId()).map(Project::leadUnitId).orElse(null);
        events.publishEvent(new AuditRecord(action, "ProjectProblem", String.valueOf(before.id()), unit,
                what + "（" + abbreviate(before.text()) + "）", before, after));
        return after;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
