package cn.luoshi.appeal.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import cn.luoshi.appeal.Appeal;
import cn.luoshi.appeal.AppealStatus;
import cn.luoshi.appeal.AppealStatusChanged;
import cn.luoshi.appeal.CloseReason;
import cn.luoshi.common.LuoshiProperties;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.jobs.JobClaims;
import cn.luoshi.notify.NotificationRequested;
import cn.luoshi.notify.Recipients;
import cn.luoshi.org.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every hour, on one node only: reminds the unit of an appeal not signed for in time (level 1), raises an appeal
 * not answered in time to the supervisors watching over the unit (level 2, flagged), and closes answered appeals the
 * enterprise did not rate within the tier's rating days. Each step is recorded in the appeal's history and the
 * audit log; messages carry a dedup key, so a repeated run sends nothing twice.
 */
@Component
public class SlaEscalation {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final AppealRepository repository;
    private final WorkingCalendar calendar;
    private final JobClaims claims;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    SlaEscalation(JdbcClient jdbc, AppealRepository repository, WorkingCalendar calendar, JobClaims claims,
                  TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
                  LuoshiProperties properties) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.calendar = calendar;
        this.claims = claims;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.zone = properties.zone();
    }

    @Scheduled(cron = "${luoshi.appeals.sla-cron:0 7 * * * *}", zone = "${luoshi.zone:Asia/Shanghai}")
    void hourly() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        transactions.executeWithoutResult(status -> {
            if (claims.claim("appeal-sla", now.atZoneSameInstant(zone)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH")))) {
                run(now);
            }
        });
    }

    /** One pass; returns how many appeals it changed. */
    public int run(OffsetDateTime now) {
        int changed = 0;
        for (long id : ids("""
                select id from appeal where status = 'DISPATCHED' and accept_due_at < ? and escalation_level = 0
                order by accept_due_at limit ?""", now)) {
            changed += escalate(id, now, 1) ? 1 : 0;
        }
        for (long id : ids("""
                select id from appeal where status in ('SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'REOPENED')
                  and answer_due_at < ? and escalation_level < 2
                order by answer_due_at limit ?""", now)) {
            changed += escalate(id, now, 2) ? 1 : 0;
        }
        for (long id : ids("""
                select a.id from appeal a where a.status = 'ANSWERED' and a.answered_at < ?
                order by a.answered_at limit ?""", now.minusDays(1))) {
            changed += closeUnrated(id, now) ? 1 : 0;
        }
        return changed;
    }

    private List<Long> ids(String sql, OffsetDateTime before) {
        return jdbc.sql(sql).params(before, BATCH).query(Long.class).list();
    }

    private boolean escalate(long id, OffsetDateTime now, int level) {
        Appeal a = repository.findUnscoped(id, now).orElseThrow();
        if (!repository.escalate(id, level, level >= 2)) {
            return false;
        }
        String what = level == 1 ? "签收超时" : "答复超时";
        repository.addEvent(id, now, "系统", "ESCALATE", a.status(), a.status(), null, null, what);
        Long unit = a.responsibleUnitId() != null ? a.responsibleUnitId() : a.dispatchUnit().id();
        events.publishEvent(new AuditRecord("appeal.escalated", "Appeal", String.valueOf(id), unit,
                "诉求 " + a.code() + " " + what + "，升级督办（" + level + "级）", null,
                java.util.Map.of("code", a.code(), "escalationLevel", level)));
        events.publishEvent(new NotificationRequested(Recipients.unit(unit, Set.of(Role.UNIT_HANDLER, Role.UNIT_HEAD)),
                "APPEAL_OVERDUE", "企业诉求" + what + "：" + a.code(), a.enterpriseName() + "：" + a.title(),
                "/appeals/" + id, "appeal-overdue-" + id + "-" + level));
        if (level >= 2) {
            events.publishEvent(new NotificationRequested(Recipients.overseersOf(unit, Set.of(Role.SUPERVISOR)),
                    "APPEAL_OVERDUE", "企业诉求答复超时，请督办：" + a.code(), a.enterpriseName() + "：" + a.title(),
                    "/appeals/" + id, "appeal-overdue-supervisor-" + id));
        }
        return true;
    }

    private boolean closeUnrated(long id, OffsetDateTime now) {
        Appeal a = repository.findUnscoped(id, now).orElseThrow();
        int ratingDays = jdbc.sql("""
                        select t.rating_days from appeal_category c join appeal_sla_tier t on t.code = c.sla_tier
                        where c.code = ?""").param(a.categoryCode()).query(Integer.class).single();
        OffsetDateTime deadline = calendar.plusWorkingDays(a.answeredAt().atZoneSameInstant(zone), ratingDays)
                .toOffsetDateTime();
        if (!deadline.isBefore(now)) {
            return false;
        }
        if (!repository.update(id, a.version(), AppealState.of(a).closed(CloseReason.NO_RATING, now), now)) {
            return false;
        }
        repository.addEvent(id, now, "系统", "AUTO_CLOSE", a.status(), AppealStatus.CLOSED, null, null,
                "答复后 " + ratingDays + " 个工作日内未评价");
        events.publishEvent(new AuditRecord("appeal.closed", "Appeal", String.valueOf(id),
                a.responsibleUnitId(), "诉求 " + a.code() + " 逾期未评价，自动办结", null,
                java.util.Map.of("code", a.code(), "status", "CLOSED", "closeReason", "NO_RATING")));
        events.publishEvent(new AppealStatusChanged(id, a.code(), a.status(), AppealStatus.CLOSED, a.projectId(),
                a.taskId(), null));
        return true;
    }
}
