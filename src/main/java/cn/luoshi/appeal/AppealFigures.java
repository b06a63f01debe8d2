package cn.luoshi.appeal;

/**
 * The counts behind the 三率 (and satisfaction) of one group of appeals, with the rates in percent (null when
 * nothing was due yet).
 *
 * @param dueForAcceptance dispatched appeals that were signed for or whose acceptance deadline has passed
 * @param dueForAnswer     appeals answered or past their answer deadline (withdrawn and duplicates left out)
 * @param countable        appeals that count for the resolution rate (withdrawn and duplicates left out)
 * @param resolved         closed after an answer (rated or not rated in time)
 * @param responseRate     响应率: signed for within the acceptance deadline / due for acceptance
 * @param onTimeRate       按时办结率: answered within the answer deadline / due for an answer
 * @param resolutionRate   办结率: resolved / countable
 * @param satisfactionRate 满意率: satisfied or basically satisfied / rated
 */
public record AppealFigures(String key, String label, long total, long dueForAcceptance, long acceptedOnTime,
                            long dueForAnswer, long answeredOnTime, long countable, long resolved, long rated,
                            long satisfied, long overdue, Double responseRate, Double onTimeRate,
                            Double resolutionRate, Double satisfactionRate) {

    public static AppealFigures of(String key, String label, long total, long dueForAcceptance, long acceptedOnTime,
                                   long dueForAnswer, long answeredOnTime, long countable, long resolved, long rated,
                                   long satisfied, long overdue) {
        return new AppealFigures(key, label, total, dueForAcceptance, acceptedOnTime, dueForAnswer, answeredOnTime,
                countable, resolved, rated, satisfied, overdue, rate(acceptedOnTime, dueForAcceptance),
                rate(answeredOnTime, dueForAnswer), rate(resolved, countable), rate(satisfied, rated));
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
