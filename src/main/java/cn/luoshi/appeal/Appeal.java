package cn.luoshi.appeal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One appeal as its readers see it.
 *
 * @param deadlineEstimated the running deadline (signing for, answering) counts days of a year whose State Council
 *                          holiday notice the calendar does not hold yet, so it assumes Monday to Friday (估算)
 */
public record Appeal(long id, String code, String creditCode, String enterpriseName, String contactName,
                     String contactPhone, String contactEmail, String categoryCode, String categoryName,
                     String title, String content, AppealChannel channel, AppealStatus status,
                     AppealUnit dispatchUnit, AppealUnit responsibleUnit, List<AppealUnit> coUnits, Long projectId,
                     Long taskId, Long meetingId, String address, BigDecimal latitude, BigDecimal longitude,
                     OffsetDateTime submittedAt, OffsetDateTime dispatchedAt, OffsetDateTime acceptDueAt,
                     OffsetDateTime acceptedAt, OffsetDateTime answerDueAt, OffsetDateTime answeredAt, String answer,
                     OffsetDateTime closedAt, CloseReason closeReason, Rating rating, String ratingComment,
                     OffsetDateTime ratedAt, int reopenCount, boolean supervisorFlag, int escalationLevel,
                     String possibleDuplicateOf, boolean overdue, boolean deadlineEstimated,
                     OffsetDateTime updatedAt, int version) {

    /** The unit whose handlers act on the appeal now. */
    public Long responsibleUnitId() {
        return responsibleUnit == null ? null : responsibleUnit.id();
    }
}
