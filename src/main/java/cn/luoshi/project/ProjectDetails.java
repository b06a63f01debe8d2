package cn.luoshi.project;

import java.util.List;

/**
 * A project with everything its page shows: years, the months of one year, milestones and problems, and what the
 * reader may do on the problem list ({@code problemActions}: RAISE, ROUTE_TASK, ROUTE_APPEAL) and to each problem.
 */
public record ProjectDetails(Project project, String enterpriseName, int year, List<ProjectYear> years,
                             List<ProjectMonth> months, List<Milestone> milestones, List<ProjectProblemView> problems,
                             List<String> problemActions, boolean canEdit, boolean canReport) {

    public boolean canOnProblems(String action) {
        return problemActions.contains(action);
    }
}
