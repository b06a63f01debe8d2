package cn.luoshi.task.internal;

import java.time.OffsetDateTime;

import cn.luoshi.task.EscalationRung;

/**
 * One rung raised on a task: who raised it (a user, or the daily round when {@code raisedById} is null), why, the
 * unit's response and how it ended ({@code outcome} and {@code closedAt} are null while it is open).
 */
public record EscalationRow(long id, Ref task, Ref unit, EscalationRung rung, Long raisedById, String raisedBy,
                            OffsetDateTime raisedAt, String reason, boolean skipped, String response,
                            String respondedBy, OffsetDateTime respondedAt, EscalationOutcome outcome,
                            String outcomeNote, String closedBy, OffsetDateTime closedAt, int version) {

    public boolean open() {
        return closedAt == null;
    }

    public boolean responded() {
        return respondedAt != null;
    }

    /** Raised by the daily round from the lights (not by a person). */
    public boolean byRound() {
        return raisedById == null;
    }
}
