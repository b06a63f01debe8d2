package cn.luoshi.task;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * 会议: where tasks are deployed.
 *
 * @param occasion    e.g. 推进会, 工作部署会议
 * @param speakerRole e.g. 市长, 市委书记
 * @param taskCount   how many tasks it is the source of
 */
public record Meeting(long id, String title, LocalDate meetingDate, String occasion, long organiserUnitId,
                      String organiserUnitName, String speakerRole, boolean hasSpeech, String createdBy,
                      OffsetDateTime createdAt, int version, long taskCount) {
}
