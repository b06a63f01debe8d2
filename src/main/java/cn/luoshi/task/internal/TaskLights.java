package cn.luoshi.task.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.common.progress.LightRules;
import cn.luoshi.common.progress.LightThresholds;
import cn.luoshi.task.TaskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps each task's light schedule in step with its progress, dates, status and its region's thresholds. */
@Component
class TaskLights {

    private final LightRules rules;
    private final JdbcClient jdbc;

    TaskLights(LightRules rules, JdbcClient jdbc) {
        this.rules = rules;
        this.jdbc = jdbc;
    }

    LightSchedule schedule(TaskStatus status, BigDecimal progress, LocalDate start, LocalDate due, long leadUnitId) {
        return schedule(status, progress, start, due, rules.forUnit(leadUnitId));
    }

    static LightSchedule schedule(TaskStatus status, BigDecimal progress, LocalDate start, LocalDate due,
                                  LightThresholds thresholds) {
        if (status.isFinished()) {
            return LightSchedule.ALWAYS_GREEN;
        }
        return LightSchedule.of(Percent.share(progress), start, due, thresholds);
    }

    LightThresholds thresholdsFor(long leadUnitId) {
        return rules.forUnit(leadUnitId);
    }

    /**
     * After the thresholds of a region changed: recomputes the schedules of its open tasks, a thousand per
     * statement, reading each lead unit's thresholds once.
     */
    int recomputeUnder(String unitPath, TaskRepository tasks) {
        List<TaskRow> open = tasks.openUnder(unitPath);
        Map<Long, LightThresholds> byUnit = new HashMap<>();
        int done = 0;
        for (int from = 0; from < open.size(); from += 1000) {
            List<TaskRow> batch = open.subList(from, Math.min(open.size(), from + 1000));
            Long[] ids = new Long[batch.size()];
            String[] blue = new String[batch.size()];
            String[] yellow = new String[batch.size()];
            String[] red = new String[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                TaskRow t = batch.get(i);
                LightThresholds thresholds = byUnit.computeIfAbsent(t.leadUnitId(), rules::forUnit);
                LightSchedule s = schedule(t.status(), t.progress(), t.startDate(), t.dueDate(), thresholds);
                ids[i] = t.id();
                blue[i] = s.blueFrom().toString();
                yellow[i] = s.yellowFrom().toString();
                red[i] = s.redFrom().toString();
            }
            done += jdbc.sql("""
                            update task set blue_from = v.blue, yellow_from = v.yellow, red_from = v.red
                            from (select unnest(cast(:ids as bigint[])) as id, unnest(cast(:blue as date[])) as blue,
                                         unnest(cast(:yellow as date[])) as yellow,
                                         unnest(cast(:red as date[])) as red) v
                            where task.id = v.id""")
                    .param("ids", ids).param("blue", blue).param("yellow", yellow).param("red", red).update();
        }
        return done;
    }
}
