package cn.luoshi.task;

import java.util.Optional;

import cn.luoshi.common.progress.StatusLight;

/**
 * The rungs of the escalation ladder, lowest first. The daily round raises the first three from the lights (the
 * light order of DESIGN: blue → yellow → red); 约谈 and 问责 are the supervision office's decision.
 */
public enum EscalationRung {
    /** 提醒: the deadline is near (blue). */
    ALERT,
    /** 催办: behind time-progress (yellow). */
    REMINDER,
    /** 督办: far behind or overdue (red). */
    SUPERVISION,
    /** 约谈: the unit's head is called in. */
    INTERVIEW,
    /** 问责: accountability for the delay. */
    ACCOUNTABILITY;

    /** 1 for 提醒 … 5 for 问责: the task's {@code escalationLevel} while this rung is open. */
    public int level() {
        return ordinal() + 1;
    }

    public static Optional<EscalationRung> ofLevel(int level) {
        return level < 1 || level > values().length ? Optional.empty() : Optional.of(values()[level - 1]);
    }

    /** The rung a light calls for: blue 提醒, yellow 催办, red 督办; none for green. */
    public static Optional<EscalationRung> forLight(StatusLight light) {
        return switch (light) {
            case BLUE -> Optional.of(ALERT);
            case YELLOW -> Optional.of(REMINDER);
            case RED -> Optional.of(SUPERVISION);
            case GREEN -> Optional.empty();
        };
    }

    /** Whether the daily round may raise (and lower) this rung from the lights. */
    public boolean followsLights() {
        return compareTo(SUPERVISION) <= 0;
    }
}
