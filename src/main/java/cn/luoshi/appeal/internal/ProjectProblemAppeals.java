package cn.luoshi.appeal.internal;

import java.util.List;

import cn.luoshi.appeal.AppealChannel;
import cn.luoshi.appeal.AppealStatus;
import cn.luoshi.appeal.AppealStatusChanged;
import cn.luoshi.appeal.Appeals;
import cn.luoshi.appeal.FiledAppeal;
import cn.luoshi.appeal.NewAppeal;
import cn.luoshi.project.ProblemReport;
import cn.luoshi.project.ProblemRoute;
import cn.luoshi.project.ProjectProblem;
import cn.luoshi.project.ProjectProblemRaised;
import cn.luoshi.project.ProjectProblems;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A project problem sent on as an enterprise appeal: filed in the transaction that raises it (a refusal, such as a
 * missing contact phone, refuses the problem too), dispatched to the project's lead unit, and the problem is resolved
 * when the appeal is closed.
 */
@Component
class ProjectProblemAppeals {

    static final String KEY_PREFIX = "project-problem:";

    private final Appeals appeals;
    private final ProjectProblems problems;

    ProjectProblemAppeals(Appeals appeals, ProjectProblems problems) {
        this.appeals = appeals;
        this.problems = problems;
    }

    @EventListener
    void on(ProjectProblemRaised raised) {
        ProblemReport report = raised.report();
        if (report.route() != ProblemRoute.APPEAL) {
            return;
        }
        String contact = report.contactName() != null && !report.contactName().isBlank() ? report.contactName()
                : raised.raisedBy().displayName();
        String enterprise = raised.enterpriseName() != null ? raised.enterpriseName() : raised.projectName();
        NewAppeal appeal = new NewAppeal(raised.enterpriseCreditCode(), enterprise, contact, report.contactPhone(),
                null, "OTHER", "项目问题：" + raised.projectName(), raised.text(), AppealChannel.PROJECT_PROBLEM,
                raised.unitId(), List.of(), raised.projectId(), null, null, KEY_PREFIX + raised.problemId(), null,
                null, null, true);
        FiledAppeal filed = appeals.file(appeal, raised.raisedBy());
        problems.linkAppeal(raised.problemId(), filed.id());
    }

    @EventListener
    void on(AppealStatusChanged changed) {
        if (changed.to() != AppealStatus.CLOSED || changed.projectId() == null) {
            return;
        }
        problems.ofAppeal(changed.appealId()).filter(p -> p.status() == ProjectProblem.Status.OPEN)
                .ifPresent(p -> problems.markResolved(p.id(), "企业诉求 " + changed.code() + " 已办结"));
    }
}
