package cn.luoshi.project;

import java.util.List;

/** A project with everything its page shows: years, the months of one year, milestones and problems. */
public record ProjectDetails(Project project, String enterpriseName, int year, List<ProjectYear> years,
                             List<ProjectMonth> months, List<Milestone> milestones, List<ProjectProblem> problems,
                             boolean canEdit, boolean canReport) {
}
