package cn.luoshi.task;

import java.util.Map;

/**
 * How many rungs of each kind were raised on one unit's tasks in a period (the unit that led the task when the rung
 * was raised). {@code counts} has every rung, zeros included.
 */
public record UnitEscalations(long unitId, String unitName, Map<EscalationRung, Long> counts, long total) {
}
