package cn.luoshi.task;

import java.time.LocalDate;

/** What registering a meeting needs; the speech text is optional. */
public record NewMeeting(String title, LocalDate meetingDate, String occasion, Long organiserUnitId,
                         String speakerRole, String speechText) {
}
