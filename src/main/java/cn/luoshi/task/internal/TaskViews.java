package cn.luoshi.task.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.excel.Spreadsheets;
import cn.luoshi.common.web.Messages;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.task.SourceKind;
import cn.luoshi.task.TaskSummary;
import org.springframework.stereotype.Service;

/**
 * Reading tasks within the reader's scope: the list (one query for the page, one each for its co-units and child
 * counts), the detail with its timeline, and the Excel export with the list's filters.
 */
@Service
public class TaskViews {

    private static final int EXPORT_BATCH = 1000;

    private final TaskRepository tasks;
    private final TaskEvents timeline;
    private final TaskReports reports;
    private final TaskExtensions extensions;
    private final TaskLights lights;
    private final TaskGuard guard;
    private final OrgUnits units;
    private final Messages messages;
    private final Clock clock;

    TaskViews(TaskRepository tasks, TaskEvents timeline, TaskReports reports, TaskExtensions extensions,
              TaskLights lights, TaskGuard guard, OrgUnits units, Messages messages, Clock clock) {
        this.tasks = tasks;
        this.timeline = timeline;
        this.reports = reports;
        this.extensions = extensions;
        this.lights = lights;
        this.guard = guard;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    public PageResponse<TaskListItem> list(TaskFilter filter, LuoshiUser me, Paging paging) {
        LocalDate today = LocalDate.now(clock);
        ScopeUnits scope = ScopeUnits.of(me.scope(), units);
        ScopeUnits unit = unitFilter(filter);
        List<TaskRow> rows = tasks.page(filter, scope, today, unit, paging);
        long total = rows.size() < paging.size() && paging.page() == 0 ? rows.size()
                : tasks.count(filter, scope, today, unit);
        return paging.page(items(rows, today), total);
    }

    public Map<String, Long> lightCounts(TaskFilter filter, LuoshiUser me) {
        return tasks.countByLight(filter, ScopeUnits.of(me.scope(), units), LocalDate.now(clock),
                unitFilter(filter));
    }

    private List<TaskListItem> items(List<TaskRow> rows, LocalDate today) {
        List<Long> ids = rows.stream().map(TaskRow::id).toList();
        Map<Long, List<Ref>> coUnits = tasks.coUnits(ids);
        Map<Long, Integer> childCounts = tasks.childCounts(ids);
        return rows.stream().map(t -> TaskListItem.of(t, coUnits.getOrDefault(t.id(), List.of()),
                childCounts.getOrDefault(t.id(), 0), today)).toList();
    }

    public TaskDetail detail(long id, LuoshiUser me) {
        LocalDate today = LocalDate.now(clock);
        TaskRow task = visible(id, me);
        List<Ref> coUnits = tasks.coUnits(id);
        Ref parent = task.parentId() == null ? null : tasks.findVisible(task.parentId(), me.scope(), false)
                .map(p -> new Ref(p.id(), p.title())).orElse(null);
        List<TaskListItem> children = items(tasks.visibleChildren(id, me.scope()), today);
        int childCount = tasks.childCounts(List.of(id)).getOrDefault(id, 0);
        var pending = extensions.pending(id).map(x -> new TaskDetail.PendingExtension(x.id(), x.currentDue(),
                x.requestedDue(), x.reason(), x.requestedByName(), x.requestedAt())).orElse(null);
        TaskGuard.Standing standing = guard.standing(task, me);
        List<String> allowed = TaskRules.allowed(task, standing.by(), standing.facts());
        return TaskDetail.of(task, coUnits, parent, children, childCount, pending,
                standing.facts().openEscalation(), allowed, lights.thresholdsFor(task.leadUnitId()), today);
    }

    public List<TimelineEntry> timeline(long id, LuoshiUser me) {
        visible(id, me);
        return timeline.timeline(id, me.unitId());
    }

    /** The evidence file if it belongs to a report of this task the reader may see. */
    public long evidence(long taskId, long fileId, LuoshiUser me) {
        visible(taskId, me);
        if (!reports.fileVisible(taskId, fileId, me.unitId())) {
            throw DomainException.notFound("files.file", fileId);
        }
        return fileId;
    }

    public Optional<TaskSummary> summary(long id, LuoshiUser me) {
        LocalDate today = LocalDate.now(clock);
        return tasks.findVisible(id, me.scope(), false).map(t -> summary(t, today));
    }

    public List<TaskSummary> bySource(SourceKind kind, long sourceId, LuoshiUser me) {
        LocalDate today = LocalDate.now(clock);
        return tasks.bySource(kind, sourceId, me.scope()).stream().map(t -> summary(t, today)).toList();
    }

    static TaskSummary summary(TaskRow t, LocalDate today) {
        return new TaskSummary(t.id(), t.title(), t.status(), t.lightOn(today), t.progress(), t.dueDate(),
                t.leadUnitId(), t.leadUnitName(), t.sourceKind(), t.sourceId(), t.sourceKey());
    }

    TaskRow visible(long id, LuoshiUser me) {
        return tasks.findVisible(id, me.scope(), false).orElseThrow(() -> DomainException.notFound("task.task", id));
    }

    /** Writes the filtered list (every page of it) as one Excel sheet, in the list's order. */
    public void export(TaskFilter filter, LuoshiUser me, OutputStream out) throws IOException {
        LocalDate today = LocalDate.now(clock);
        ScopeUnits scope = ScopeUnits.of(me.scope(), units);
        ScopeUnits unit = unitFilter(filter);
        List<String> headers = List.of("task.export.id", "task.export.title", "task.export.status",
                        "task.export.light", "task.export.progress", "task.export.timeProgress",
                        "task.export.leadUnit", "task.export.coUnits", "task.export.leader", "task.export.start",
                        "task.export.due", "task.export.cycle", "task.export.priority", "task.export.meeting",
                        "task.export.outline", "task.export.parent", "task.export.escalation")
                .stream().map(code -> messages.get(code)).toList();
        Iterable<List<?>> rows = () -> new Iterator<>() {
            private int offset;
            private Iterator<List<?>> batch = List.<List<?>>of().iterator();
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (!batch.hasNext() && !exhausted) {
                    List<TaskRow> next = tasks.exportBatch(filter, scope, today, unit, offset, EXPORT_BATCH);
                    offset += next.size();
                    exhausted = next.size() < EXPORT_BATCH;
                    batch = items(next, today).stream().<List<?>>map(TaskViews.this::exportRow).iterator();
                }
                return batch.hasNext();
            }

            @Override
            public List<?> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.next();
            }
        };
        Spreadsheets.writeXlsx(out, messages.get("task.export.sheet"), headers, rows);
    }

    private List<?> exportRow(TaskListItem t) {
        List<Object> row = new ArrayList<>();
        row.add(t.id());
        row.add(t.title());
        row.add(messages.get("task.status." + t.status()));
        row.add(messages.get("task.light." + t.light()));
        row.add(t.progress());
        row.add(t.timeProgress());
        row.add(t.leadUnit().name());
        row.add(String.join("、", t.coUnits().stream().map(Ref::name).toList()));
        row.add(t.leader() == null ? "" : t.leader().name());
        row.add(t.startDate());
        row.add(t.dueDate());
        row.add(messages.get("task.cycle." + t.reportCycle()));
        row.add(messages.get("task.priority." + t.priority()));
        row.add(t.meeting() == null ? "" : t.meeting().name());
        row.add(t.outlinePath() == null ? "" : t.outlinePath());
        row.add(t.parentId());
        row.add(messages.get("task.escalation." + t.escalationLevel()));
        return row;
    }

    /** The filter's unit with the units below it; an unknown unit matches nothing. */
    private ScopeUnits unitFilter(TaskFilter filter) {
        return filter.unitId() == null ? null
                : ScopeUnits.subtree(units.find(filter.unitId()).orElse(null), units);
    }
}
