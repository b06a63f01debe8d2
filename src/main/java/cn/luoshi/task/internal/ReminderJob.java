package cn.luoshi.task.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

import cn.luoshi.common.jobs.JobClaims;
import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.org.Role;
import cn.luoshi.task.EscalationRung;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily round of the supervision office, done by the system: reminds units of reports falling due, raises each
 * task to the rung of the escalation ladder its light calls for (blue 提醒, yellow 催办, red 督办), with an entry on
 * the task's timeline, and lifts the round's own rung when the light has recovered without a report (a deadline
 * extended, thresholds eased).
 *
 * <p>It is triggered every hour of the working day, but the first node to claim the day does the work, inside the
 * claim's transaction; the others (and later triggers) find the day claimed and do nothing. Every message carries
 * a deduplication key and a rung is raised at most once for one light, so even an unclaimed second run would send
 * nothing twice.
 */
@Component
public class ReminderJob {

    static final String JOB = "task-reminders";
    /** Units hear about a report this many days before it falls due. */
    static final int REPORT_NOTICE_DAYS = 2;

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final TaskRepository tasks;
    private final TaskEvents timeline;
    private final TaskNotices notices;
    private final EscalationLadder ladder;
    private final JobClaims claims;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReminderJob(TaskRepository tasks, TaskEvents timeline, TaskNotices notices, EscalationLadder ladder,
                JobClaims claims, TransactionTemplate transactions, Clock clock) {
        this.tasks = tasks;
        this.timeline = timeline;
        this.notices = notices;
        this.ladder = ladder;
        this.claims = claims;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What one run did; {@code ran} is false when the day had already been claimed. {@code alerted},
     * {@code reminded} and {@code supervised} count the rungs raised (提醒, 催办, 督办), {@code recovered} the rungs
     * lifted.
     */
    public record Outcome(LocalDate day, boolean ran, int reportNotices, int alerted, int reminded, int supervised,
                          int recovered) {
    }

    @Scheduled(cron = "${luoshi.tasks.reminder-cron:0 5 8-20 * * *}", zone = "${luoshi.zone:Asia/Shanghai}")
    void onSchedule() {
        Outcome outcome = runToday();
        if (outcome.ran()) {
            log.info("Task reminders for {}: {} report notices, {} 提醒, {} 催办, {} 督办, {} lifted", outcome.day(),
                    outcome.reportNotices(), outcome.alerted(), outcome.reminded(), outcome.supervised(),
                    outcome.recovered());
        }
    }

    /** Runs the day's round unless another node (or an earlier trigger) already did. */
    public Outcome runToday() {
        return transactions.execute(status -> {
            LocalDate today = LocalDate.now(clock);
            if (!claims.claim(JOB, today.toString())) {
                return new Outcome(today, false, 0, 0, 0, 0, 0);
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            int reportNotices = remindReports(today, now);
            // Lifted first: a task whose red turned yellow drops 督办 and may be raised to 催办 in the same round.
            int recovered = 0;
            for (TaskRow task : tasks.overEscalated(today)) {
                recovered += ladder.recover(task, task.schedule(), now) ? 1 : 0;
            }
            int[] raised = escalate(today, now);
            return new Outcome(today, true, reportNotices, raised[0], raised[1], raised[2], recovered);
        });
    }

    /** The escalation part alone, without claiming the day (the demo city lights up its board with it). */
    void escalateOnly(LocalDate today, OffsetDateTime now) {
        escalate(today, now);
    }

    private int remindReports(LocalDate today, OffsetDateTime now) {
        int sent = 0;
        for (TaskRow task : tasks.reportsDueBy(today.plusDays(REPORT_NOTICE_DAYS))) {
            LocalDate due = task.nextReportDue();
            if (due.isBefore(today)) {
                notices.toLeadUnit(task, "TASK_REPORT_OVERDUE", "task-" + task.id() + "-report-overdue-" + due,
                        "task.notice.reportOverdue", due);
                if (!timeline.hasEntry(task.id(), TaskEventKind.REPORT_OVERDUE, due.toString())) {
                    timeline.record(task.id(), TaskEventKind.REPORT_OVERDUE, Actor.DAILY_ROUND, now,
                            due.toString());
                }
            } else {
                notices.toUnitRoles(task.leadUnitId(), Set.of(Role.UNIT_HANDLER), task,
                        "TASK_REPORT_DUE", "task-" + task.id() + "-report-due-" + due, "task.notice.reportDue", due);
            }
            sent++;
        }
        return sent;
    }

    /** Raises each task to the rung its light calls for; the counts of 提醒, 催办 and 督办 raised. */
    private int[] escalate(LocalDate today, OffsetDateTime now) {
        int[] raised = new int[3];
        for (TaskRow task : tasks.needingEscalation(today)) {
            StatusLight light = task.lightOn(today);
            EscalationRung rung = EscalationRung.forLight(light).orElse(null);
            if (rung == null) {
                continue;
            }
            LocalDate since = switch (rung) {
                case ALERT -> task.schedule().blueFrom();
                case REMINDER -> task.schedule().yellowFrom();
                default -> task.schedule().redFrom();
            };
            String reason = light == StatusLight.RED && today.isAfter(task.dueDate()) ? "OVERDUE" : light.name();
            String text = notices.text("task.escalation.reason." + reason, task.progress(),
                    task.timeProgressOn(today), task.dueDate());
            if (ladder.raiseByRound(task, rung, since, text, now)) {
                raised[rung.ordinal()]++;
            }
        }
        return raised;
    }
}
