package cn.luoshi.project;

import java.time.LocalDate;

/** A milestone node (节点) of a project: planned for a date, reached on another (or not yet). */
public record Milestone(long id, long projectId, String name, LocalDate plannedDate, LocalDate reachedDate,
                        int sortOrder) {

    public boolean reached() {
        return reachedDate != null;
    }

    /** Past its planned date and not reached: this alone turns the project red. */
    public boolean overdue(LocalDate today) {
        return reachedDate == null && today.isAfter(plannedDate);
    }

    public boolean reachedLate() {
        return reachedDate != null && reachedDate.isAfter(plannedDate);
    }
}
