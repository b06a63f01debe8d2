package cn.luoshi.project.internal;

import java.util.ArrayList;
import java.util.List;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.project.Project;
import cn.luoshi.project.ProjectProblem;

/**
 * Who may do what with the problems of a project (问题清单), and when: the one table the service
 * ({@code ProjectProblems}) and the project's page and API read.
 *
 * <pre>
 *   RAISE (the enterprise, a unit's handler or head, the supervision office — anyone of these who sees the project)
 *     │   ROUTE_TASK   the project office (its lead unit or above, or the supervision office): a supervised task
 *     │                for the lead unit at once
 *     │   ROUTE_APPEAL the project office, when the project has an enterprise: an appeal of that enterprise
 *     ▼
 *   OPEN ──── RESOLVE (the project office, with a note), or the task completed / the appeal closed ───► RESOLVED
 * </pre>
 *
 * Each rule asks "may this person?" (403), then "does the project or problem allow it?" (409); the text and the
 * contact an appeal needs are checked afterwards (400).
 */
public final class ProjectProblemRules {

    /** The operations on a project's problem list (RAISE, ROUTE_*) and on one problem (RESOLVE). */
    public enum Operation { RAISE, ROUTE_TASK, ROUTE_APPEAL, RESOLVE }

    /**
     * What a person is to a project it sees.
     *
     * @param raiser     may raise problems: an enterprise, a unit's handler or head, the supervision office
     * @param enterprise an enterprise account (it raises, the office routes)
     * @param office     the project office: may change the project (its lead unit or above, or the supervision
     *                   office)
     */
    public record Standing(boolean raiser, boolean enterprise, boolean office) {
    }

    private ProjectProblemRules() {
    }

    /** Throws the refusal unless allowed; {@code problem} is the one RESOLVE acts on (null for the others). */
    public static void check(Operation op, Project project, ProjectProblem problem, Standing by) {
        switch (op) {
            case RAISE -> require(by.raiser(), "project.error.raiseProblem");
            case ROUTE_TASK, ROUTE_APPEAL -> {
                require(by.raiser(), "project.error.raiseProblem");
                require(!by.enterprise() && by.office(), "project.error.routeByOffice");
                if (op == Operation.ROUTE_APPEAL && project.enterpriseCreditCode() == null) {
                    throw DomainException.conflict("project.error.appealNeedsEnterprise");
                }
            }
            case RESOLVE -> {
                require(by.office(), "project.error.edit");
                if (problem.status() != ProjectProblem.Status.OPEN) {
                    throw DomainException.conflict("project.error.problemResolved");
                }
            }
        }
    }

    /** What the person may do on the project's problem list (RAISE and the routes). */
    public static List<String> allowedOnProject(Project project, Standing by) {
        List<String> allowed = new ArrayList<>();
        for (Operation op : List.of(Operation.RAISE, Operation.ROUTE_TASK, Operation.ROUTE_APPEAL)) {
            if (permits(op, project, null, by)) {
                allowed.add(op.name());
            }
        }
        return allowed;
    }

    /** What the person may do to one problem. */
    public static List<String> allowedOnProblem(Project project, ProjectProblem problem, Standing by) {
        return permits(Operation.RESOLVE, project, problem, by) ? List.of(Operation.RESOLVE.name()) : List.of();
    }

    private static boolean permits(Operation op, Project project, ProjectProblem problem, Standing by) {
        try {
            check(op, project, problem, by);
            return true;
        } catch (DomainException refused) {
            return false;
        }
    }

    private static void require(boolean allowed, String code) {
        if (!allowed) {
            throw DomainException.forbidden(code);
        }
    }
}
