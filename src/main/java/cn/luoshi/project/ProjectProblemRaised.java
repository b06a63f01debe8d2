package cn.luoshi.project;

import cn.luoshi.org.LuoshiUser;

/**
 * Published in the transaction that raises a problem on a project. With route {@link ProblemRoute#APPEAL} the appeal
 * module files the appeal on the raiser's authority and links it back with {@link ProjectProblems#linkAppeal}; if it
 * refuses, the problem is not raised either.
 *
 * @param enterpriseCreditCode the credit code of the project's enterprise, null when it has none
 * @param unitId               the project's lead unit
 * @param raisedBy             who raised it
 */
public record ProjectProblemRaised(long projectId, long problemId, String projectName, String enterpriseCreditCode,
                                   String enterpriseName, long unitId, String text, ProblemReport report,
                                   LuoshiUser raisedBy) {
}
