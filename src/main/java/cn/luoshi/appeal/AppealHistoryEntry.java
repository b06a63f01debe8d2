package cn.luoshi.appeal;

import java.time.OffsetDateTime;

/** One step of an appeal's history: who did what, the status before and after, the units, the reason or answer. */
public record AppealHistoryEntry(OffsetDateTime at, String actor, String action, AppealStatus fromStatus,
                                 AppealStatus toStatus, String fromUnit, String toUnit, String note) {
}
