/**
 * Enterprise appeals (企业诉求 / 问题清单): intake from the public form, staff, on-site meetings, the API and Open311;
 * dispatch, acceptance and answer within working-day SLAs, transfer, escalation, the enterprise's rating, supervisor
 * callbacks and the 三率 statistics. Other modules file appeals through {@link cn.luoshi.appeal.Appeals#file} and
 * listen to {@link cn.luoshi.appeal.AppealStatusChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enterprise appeals")
package cn.luoshi.appeal;
