package cn.luoshi.appeal;

import java.time.OffsetDateTime;

/**
 * Filters of the appeal list; null means "any". {@code todo} keeps what that to-do asks of the signed-in user
 * ({@code todoUnitId} is the user's unit).
 */
public record AppealQuery(Long unitId, AppealStatus status, String categoryCode, Boolean overdue, Boolean flagged,
                          Long meetingId, Long open311ClientId, OffsetDateTime from, OffsetDateTime to, String text,
                          AppealTodo todo, Long todoUnitId) {

    public AppealQuery(Long unitId, AppealStatus status, String categoryCode, Boolean overdue, Boolean flagged,
                       Long meetingId, Long open311ClientId, OffsetDateTime from, OffsetDateTime to, String text) {
        this(unitId, status, categoryCode, overdue, flagged, meetingId, open311ClientId, from, to, text, null, null);
    }

    public static AppealQuery all() {
        return new AppealQuery(null, null, null, null, null, null, null, null, null, null);
    }
}
