package cn.luoshi.project;

import java.time.LocalDate;

/**
 * A problem to raise and where it should go.
 *
 * @param route        null means {@link ProblemRoute#NONE}
 * @param dueDate      for a task: its deadline (default 30 days)
 * @param contactName  for an appeal: the enterprise's contact (default: the person raising it)
 * @param contactPhone for an appeal: the contact's phone, required there
 */
public record ProblemReport(String text, ProblemRoute route, LocalDate dueDate, String contactName,
                            String contactPhone) {

    public ProblemReport {
        route = route == null ? ProblemRoute.NONE : route;
    }

    public static ProblemReport kept(String text) {
        return new ProblemReport(text, ProblemRoute.NONE, null, null, null);
    }
}
