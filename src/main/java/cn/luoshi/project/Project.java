package cn.luoshi.project;

import java.math.BigDecimal;

import cn.luoshi.common.progress.StatusLight;

/**
 * A key project (重点项目). Investment in 万元.
 *
 * @param programme      the programme it is tracked under, e.g. "122" or 十大重点基础工程
 * @param leadUnitId     the unit responsible (牵头单位); the project belongs to it for scope and audit
 * @param locationUnitId the region it is built in
 * @param light          the light as of {@code lightDate}: completed against plan and time-progress, milestones
 * @param completionRate completed this year ÷ the year's plan (0–1+), null without a plan
 * @param timeProgress   the share of the year's plan due by now (序时进度)
 */
public record Project(long id, String code, String name, ProjectCategory category, String programme,
                      Long enterpriseId, String enterpriseCreditCode, Long parkId, String parkName, long leadUnitId,
                      String leadUnitName, Long locationUnitId, String locationUnitName, String leaderInCharge,
                      String location, BigDecimal totalInvestment, int startYear, int endYear, ProjectStage stage,
                      StatusLight light, java.time.LocalDate lightDate, BigDecimal completionRate,
                      BigDecimal timeProgress, Long sourceMeetingId, String sourceKey, int version) {
}
