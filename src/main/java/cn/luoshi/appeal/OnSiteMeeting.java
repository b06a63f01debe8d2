package cn.luoshi.appeal;

import java.time.LocalDate;

/** A 现场办公会: one meeting held on site where enterprises raise problems face to face. */
public record OnSiteMeeting(long id, String title, LocalDate heldOn, String location, AppealUnit hostUnit,
                            Long projectId, Long taskId, long appealCount) {
}
