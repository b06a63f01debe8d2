package cn.luoshi.appeal;

import java.time.LocalDate;
import java.util.List;

/** A 现场办公会 and the appeals raised at it, entered in one go. */
public record NewOnSiteMeeting(String title, LocalDate heldOn, String location, Long hostUnitId, Long projectId,
                               Long taskId, List<NewAppeal> appeals) {

    public NewOnSiteMeeting {
        appeals = appeals == null ? List.of() : List.copyOf(appeals);
    }
}
