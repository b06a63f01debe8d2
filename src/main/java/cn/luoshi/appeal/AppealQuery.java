package cn.luoshi.appeal;

import java.time.OffsetDateTime;

/** Filters of the appeal list; null means "any". */
public record AppealQuery(Long unitId, AppealStatus status, String categoryCode, Boolean overdue, Boolean flagged,
                          Long meetingId, Long open311ClientId, OffsetDateTime from, OffsetDateTime to, String text) {

    public static AppealQuery all() {
        return new AppealQuery(null, null, null, null, null, null, null, null, null, null);
    }
}
