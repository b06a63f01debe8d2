package cn.luoshi.task.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import cn.luoshi.common.jobs.JobClaims;
import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.org.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily round of the supervision office, done by the system: reminds units of reports falling due, raises
 * tasks that turned yellow to 催办 and tasks that turned red to 督办, with an entry on each task's timeline, and
 * lowers the level of tasks whose light has recovered without a report (a deadline extended, thresholds eased).
 *
 * <p>It is triggered every hour of the working day, but the first node to claim the day does the work, inside the
 * claim's transaction; the others (and later triggers) find the day claimed and do nothing. Every message carries
 * a deduplication key and escalation only ever rises to a level the task does not have yet, so even an unclaimed
 * second run would send nothing twice.
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
    private final ProgressRollUp rollUp;
    private final JobClaims claims;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReminderJob(TaskRepository tasks, TaskEvents timeline, TaskNotices notices, ProgressRollUp rollUp,
                JobClaims claims, TransactionTemplate transactions, Clock clock) {
        this.tasks = tasks;
        this.timeline = timeline;
        this.notices = notices;
        this.rollUp = rollUp;
        this.claims = claims;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What one run did; {@code ran} is false when the day had already been claimed. */
    public record Outcome(LocalDate day, boolean ran, int reportNotices, int reminded, int supervised) {
    }

    @Scheduled(cron = "${luoshi.tasks.reminder-cron:0 5 8-20 * * *}", zone = "${luoshi.zone:Asia/Shanghai}")
    void onSchedule() {
        Outcome outcome = runToday();
        if (outcome.ran()) {
            log.info("Task reminders for {}: {} report notices, {} 催办, {} 督办", outcome.day(),
                    outcome.reportNotices(), outcome.reminded(), outcome.supervised());
        }
    }

    /** Runs the day's round unless another node (or an earlier trigger) already did. */
    public Outcome runToday() {
        return transactions.execute(status -> {
            LocalDate today = LocalDate.now(clock);
            if (!claims.claim(JOB, today.toString())) {
                return new Outcome(today, false, 0, 0, 0);
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            int reportNotices = remindReports(today, now);
            Escalated escalated = escalate(today, now);
            for (TaskRow task : tasks.overEscalated(today)) {
                rollUp.ease(task, task.schedule(), now);
            }
            return new Outcome(today, true, reportNotices, escalated.reminded(), escalated.supervised());
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
                    timeline.record(task.id(), TaskEventKind.REPORT_OVERDUE, Actor.SYSTEM, now, due.toString());
                }
            } else {
                notices.toUnitRoles(task.leadUnitId(), Set.of(Role.UNIT_HANDLER), task,
                        "TASK_REPORT_DUE", "task-" + task.id() + "-report-due-" + due, "task.notice.reportDue", due);
            }
            sent++;
        }
        return sent;
    }

    private record Escalated(int reminded, int supervised) {
    }

    /** Raises each task to the level its light calls for: yellow → 催办 (1), red → 督办 (2). */
    private Escalated escalate(LocalDate today, OffsetDateTime now) {
        int reminded = 0;
        int supervised = 0;
        for (TaskRow task : tasks.needingEscalation(today)) {
            StatusLight light = task.lightOn(today);
            int level = TaskLights.escalationFor(light);
            if (level <= task.escalationLevel()) {
                continue;
            }
            tasks.setEscalation(task.id(), level);
            LocalDate since = level == 2 ? task.schedule().redFrom() : task.schedule().yellowFrom();
            String key = "task-" + task.id() + "-escalation-" + level + "-" + since;
            String reason = light == StatusLight.RED && today.isAfter(task.dueDate()) ? "OVERDUE" : light.name();
            timeline.record(task.id(), TaskEventKind.ESCALATED, Actor.SYSTEM, now,
                    notices.text("task.escalation.reason." + reason, task.progress(), task.timeProgressOn(today),
                            task.dueDate()), null, null, null, null, level);
            notices.audit("escalated", task, tasks.find(task.id()).orElseThrow(), "task.audit.escalated",
                    task.title(), notices.text("task.escalation." + level));
            if (level == 1) {
                notices.toLeadUnit(task, "TASK_REMINDED", key, "task.notice.escalated1", task.progress(),
                        task.timeProgressOn(today), task.dueDate());
                reminded++;
            } else {
                notices.toLeadUnitAndHead(task, "TASK_SUPERVISED", key, "task.notice.escalated2", task.progress(),
                        task.timeProgressOn(today), task.dueDate());
                notices.toSupervisors(task, "TASK_SUPERVISED", key, "task.notice.escalated2", task.progress(),
                        task.timeProgressOn(today), task.dueDate());
                if (task.leaderId() != null) {
                    notices.toUsers(List.of(task.leaderId()), task, "TASK_SUPERVISED", key,
                            "task.notice.escalated2", task.progress(), task.timeProgressOn(today), task.dueDate());
                }
                supervised++;
            }
        }
        return new Escalated(reminded, supervised);
    }
}
