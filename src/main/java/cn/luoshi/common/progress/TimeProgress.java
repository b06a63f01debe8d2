package cn.luoshi.common.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** 序时进度: where a task or target should be by a given day (DESIGN.md, "时间过半、任务过半"). */
public final class TimeProgress {

    private TimeProgress() {
    }

    /** (t − s) / (d − s), clamped to [0, 1]; a task due on its start day is fully due from that day on. */
    public static double ofTask(LocalDate start, LocalDate due, LocalDate today) {
        long span = ChronoUnit.DAYS.between(start, due);
        if (span <= 0) {
            return today.isBefore(start) ? 0.0 : 1.0;
        }
        double share = (double) ChronoUnit.DAYS.between(start, today) / span;
        return Math.max(0.0, Math.min(1.0, share));
    }

    /** An annual target after month {@code m} (1–12) is due m/12, unless a seasonal profile says otherwise. */
    public static double ofYear(int completedMonths) {
        return Math.max(0, Math.min(12, completedMonths)) / 12.0;
    }

    /**
     * With a seasonal profile (each month's share of last year's total, summing to 1), the due share after month m is
     * the sum of the first m shares.
     */
    public static double ofYear(int completedMonths, double[] monthlyShares) {
        if (monthlyShares == null || monthlyShares.length != 12) {
            return ofYear(completedMonths);
        }
        double total = 0;
        double due = 0;
        for (int month = 0; month < 12; month++) {
            total += monthlyShares[month];
            if (month < completedMonths) {
                due += monthlyShares[month];
            }
        }
        return total <= 0 ? ofYear(completedMonths) : Math.max(0.0, Math.min(1.0, due / total));
    }
}
