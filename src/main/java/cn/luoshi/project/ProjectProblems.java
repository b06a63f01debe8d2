package cn.luoshi.project;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.notify.NotificationRequested;
import cn.luoshi.notify.Recipients;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.Role;
import cn.luoshi.project.internal.ProjectRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The problems raised on projects (问题清单). Raising one publishes {@link ProjectProblemRaised}; the task and
 * appeal modules turn it into a task or an appeal and record the link here, and mark it resolved when theirs is
 * closed. The link methods are for those modules (they act on their own users' authority) and are audited.
 */
@Service
public class ProjectProblems {

    private final ProjectRepository repository;
    private final Projects projects;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectProblems(ProjectRepository repository, Projects projects, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.projects = projects;
        this.events = events;
        this.clock = clock;
    }

    public Optional<ProjectProblem> find(long problemId) {
        return repository.problem(problemId);
    }

    public List<ProjectProblem> ofProject(long projectId, LuoshiUser me) {
        projects.get(projectId, me);
        return repository.problems(projectId);
    }

    /** Anyone who sees the project except leaders and statisticians may raise a problem: the office or its enterprise. */
    @Transactional
    public ProjectProblem raise(long projectId, String text, LuoshiUser actor) {
        Project project = projects.get(projectId, actor);
        if (!actor.hasAny(Role.ENTERPRISE, Role.UNIT_HANDLER, Role.UNIT_HEAD, Role.SUPERVISOR)) {
            throw DomainException.forbidden("error.forbidden");
        }
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
        events.publishEvent(new ProjectProblemRaised(projectId, id, project.enterpriseCreditCode(),
                project.leadUnitId(), problem.text()));
        events.publishEvent(new NotificationRequested(Recipients.unit(project.leadUnitId(),
                Set.of(Role.UNIT_HANDLER, Role.UNIT_HEAD)), "PROJECT_PROBLEM", "项目问题：" + project.name(),
                problem.text(), "/projects/" + projectId + "#problems", "project-problem-" + id));
        return problem;
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
        if (!projects.canEdit(project, actor)) {
            throw DomainException.forbidden("project.error.edit");
        }
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
