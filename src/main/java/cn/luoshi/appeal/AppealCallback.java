package cn.luoshi.appeal;

import java.time.OffsetDateTime;

/** A supervisor's call-back (回访) to the enterprise after an appeal. */
public record AppealCallback(long id, long appealId, OffsetDateTime at, String supervisor, CallbackOutcome outcome,
                             String note) {
}
