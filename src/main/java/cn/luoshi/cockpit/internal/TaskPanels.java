package cn.luoshi.cockpit.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.cockpit.CockpitView;
import cn.luoshi.cockpit.CockpitView.Count;
import cn.luoshi.common.progress.StatusLight;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.task.TaskOverview;
import cn.luoshi.task.TaskStanding;
import cn.luoshi.task.TaskStatus;
import org.springframework.stereotype.Component;

/** The key-task panel, with the board filter behind each count. */
@Component
class TaskPanels {

    static final String OPEN = Links.statuses(TaskOverview.OPEN);
    static final String COUNTED = Links.statuses(TaskOverview.COUNTED);
    static final String INSTRUCTIONS = "#cockpit-instructions";

    private final TaskOverview overview;

    TaskPanels(TaskOverview overview) {
        this.overview = overview;
    }

    CockpitView.TaskPanel panel(LuoshiUser me, CockpitRegion region, YearMonth month) {
        TaskStanding s = overview.standing(me, region.raceUnits(), month.atDay(1), month.atEndOfMonth());
        Map<String, Count> byStatus = new LinkedHashMap<>();
        for (TaskStatus status : TaskStatus.values()) {
            byStatus.put(status.name(), new Count(s.byStatus().get(status), "/tasks?status=" + status.name()));
        }
        Map<String, Count> byLight = new LinkedHashMap<>();
        for (StatusLight light : List.of(StatusLight.RED, StatusLight.YELLOW, StatusLight.BLUE, StatusLight.GREEN)) {
            byLight.put(light.name(), new Count(s.openByLight().get(light), "/tasks?" + OPEN + "&light=" + light));
        }
        List<CockpitView.UrgentTask> urgent = s.urgent().stream().map(t -> new CockpitView.UrgentTask(t.id(),
                t.title(), t.status().name(), t.light().name(), t.escalationLevel() >= TaskOverview.SUPERVISED_LEVEL, t.dueDate(),
                t.overdueDays(), t.leadUnitName(), "/tasks/" + t.id())).toList();
        List<CockpitView.UnitCompletion> race = s.byUnit().stream().map(u -> new CockpitView.UnitCompletion(
                u.unitId(), u.unitName(), new Count(u.tasks(), "/tasks?unit=" + u.unitId() + "&" + COUNTED),
                new Count(u.completed(), "/tasks?unit=" + u.unitId() + "&status=COMPLETED"), u.rate())).toList();
        List<CockpitView.Instruction> items = new ArrayList<>();
        long answered = 0;
        for (TaskStanding.Instruction i : s.instructions()) {
            items.add(new CockpitView.Instruction(i.taskId(), i.taskTitle(), i.leadUnitName(), i.leaderName(),
                    i.at(), i.text(), i.answered(), i.answeredAt(), "/tasks/" + i.taskId()));
            answered += i.answered() ? 1 : 0;
        }
        CockpitView.Instructions instructions = new CockpitView.Instructions(new Count(items.size(), INSTRUCTIONS),
                new Count(answered, INSTRUCTIONS), items);
        return new CockpitView.TaskPanel(s.today(), new Count(s.total(), "/tasks"), byStatus, byLight,
                new Count(s.supervised(), "/tasks?escalation=" + TaskOverview.SUPERVISED_LEVEL), urgent, race, instructions);
    }
}
