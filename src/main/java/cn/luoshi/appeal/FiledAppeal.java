package cn.luoshi.appeal;

import java.time.OffsetDateTime;

/**
 * What the filer gets back: the appeal's code, the follow-up token (shown once, kept only as a hash) with which the
 * enterprise can check this one appeal without an account, and the answer deadline. Nothing else.
 *
 * @param existing          true when a {@code sourceKey} matched an appeal filed earlier (no new appeal, no new token)
 * @param deadlineEstimated the deadline counts days of a year without a State Council holiday notice (估算)
 */
public record FiledAppeal(long id, String code, String followUpToken, AppealStatus status,
                          OffsetDateTime answerDueAt, boolean existing, boolean deadlineEstimated) {
}
