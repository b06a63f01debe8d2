package cn.luoshi.task.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One entry of a task's timeline. Reports, extension requests and escalation levels ride along when the entry is
 * about one.
 */
public record TimelineEntry(long id, TaskEventKind kind, OffsetDateTime at, String actorName, String comment,
                            String fromStatus, String toStatus, Integer level, Report report, Extension extension) {

    TimelineEntry withFiles(List<EvidenceFile> files) {
        return new TimelineEntry(id, kind, at, actorName, comment, fromStatus, toStatus, level,
                new Report(report.id(), report.percent(), report.status(), report.unitId(), report.unitName(),
                        report.text(), files), extension);
    }

    /** A progress report as the reader may see it. */
    public record Report(long id, BigDecimal percent, String status, long unitId, String unitName, String text,
                         List<EvidenceFile> files) {
    }

    public record EvidenceFile(long id, String name, long sizeBytes) {
    }

    public record Extension(long id, LocalDate currentDue, LocalDate requestedDue, String status) {
    }
}
