package cn.luoshi.project;

/**
 * Published when a problem is raised on a project, so the task and appeal modules can turn it into a task or an
 * appeal (and link it back with {@link ProjectProblems#linkTask} or {@link ProjectProblems#linkAppeal}).
 *
 * @param enterpriseCreditCode the credit code of the project's enterprise, null when it has none
 * @param unitId               the project's lead unit
 */
public record ProjectProblemRaised(long projectId, long problemId, String enterpriseCreditCode, long unitId,
                                   String text) {
}
