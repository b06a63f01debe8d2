package cn.luoshi.appeal;

/**
 * Published after every change of an appeal's status, so that e.g. a project's problem list can follow the appeal
 * it became (matched by {@code sourceKey}, {@code projectId} or {@code taskId}).
 */
public record AppealStatusChanged(long appealId, String code, AppealStatus from, AppealStatus to, Long projectId,
                                  Long taskId, String sourceKey) {
}
