package cn.luoshi.appeal;

/**
 * How fast appeals of a tier must be handled: signed for within {@code acceptHours} working hours of dispatch,
 * answered within {@code answerDays} working days of filing, rated within {@code ratingDays} working days of the
 * answer (otherwise the appeal closes without a rating).
 */
public record SlaTier(String code, String name, String nameEn, int acceptHours, int answerDays, int ratingDays,
                      int version) {
}
