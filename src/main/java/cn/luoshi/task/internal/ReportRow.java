package cn.luoshi.task.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A stored progress report. */
record ReportRow(long id, long taskId, long unitId, BigDecimal percent, String text, String status,
                 Long reportedBy, String reporterName, OffsetDateTime reportedAt) {

    static final String PENDING = "PENDING";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";

    boolean pending() {
        return PENDING.equals(status);
    }
}
