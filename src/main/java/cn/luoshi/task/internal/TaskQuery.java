package cn.luoshi.task.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.luoshi.org.DataScope;

/**
 * The WHERE clause of the task list, built from a filter and the reader's scope, with its named parameters. The
 * scope is always part of it, so no filter can widen what a user sees.
 */
final class TaskQuery {

    /** Urgency rank of the light on {@code :today}: 0 red … 3 green, read off the stored light schedule. */
    static final String LIGHT_RANK = "(case when t.red_from <= :today then 0 when t.yellow_from <= :today then 1"
            + " when t.blue_from <= :today then 2 else 3 end)";

    /** The text the list's search matches; the trigram index is on exactly this expression. */
    static final String SEARCH_TEXT = "(t.title || ' ' || coalesce(t.outline_path, '') || ' '"
            + " || coalesce(t.description, ''))";

    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> params = new LinkedHashMap<>();

    private TaskQuery() {
    }

    /**
     * "Lead unit or a co-unit lies in the scope, or the lead unit of its parent does", for one task: a probe of
     * task_unit and one of the parent. The unit that decomposed a task follows the parts it gave to others.
     */
    static String scopeCondition(String alias, DataScope scope) {
        if (scope.global()) {
            return "true";
        }
        return "(exists (select 1 from task_unit tu join org_unit su on su.id = tu.unit_id"
                + " where tu.task_id = " + alias + ".id and su.path like :scopePath)"
                + " or exists (select 1 from task p join org_unit pu on pu.id = p.lead_unit_id"
                + " where p.id = " + alias + ".parent_id and pu.path like :scopePath))";
    }

    /**
     * @param scope the reader's units
     * @param unit  the filter's unit and the units below it, or null without a unit filter
     */
    static TaskQuery of(TaskFilter f, ScopeUnits scope, LocalDate today, ScopeUnits unit) {
        TaskQuery query = new TaskQuery();
        query.params.put("today", today);
        query.where.append(" where ").append(scope.condition("t"));
        if (unit != null) {
            query.where.append(" and ").append(unit.condition("t"));
        }
        if (!f.statuses().isEmpty()) {
            query.where.append(" and t.status in (:statuses)");
            query.params.put("statuses", f.statuses().stream().map(Enum::name).toList());
        }
        if (f.light() != null) {
            query.where.append(switch (f.light()) {
                case RED -> " and t.red_from <= :today";
                case YELLOW -> " and t.yellow_from <= :today and t.red_from > :today";
                case BLUE -> " and t.blue_from <= :today and t.yellow_from > :today";
                case GREEN -> " and t.blue_from > :today";
            });
        }
        if (f.meetingId() != null) {
            query.where.append(" and t.source_kind = 'MEETING' and t.source_id = :meeting");
            query.params.put("meeting", f.meetingId());
        }
        if (f.leaderId() != null) {
            query.where.append(" and t.leader_id = :leader");
            query.params.put("leader", f.leaderId());
        }
        if (f.dueFrom() != null) {
            query.where.append(" and t.due_date >= :dueFrom");
            query.params.put("dueFrom", f.dueFrom());
        }
        if (f.dueTo() != null) {
            query.where.append(" and t.due_date <= :dueTo");
            query.params.put("dueTo", f.dueTo());
        }
        if (f.q() != null) {
            // Chinese has no letter case: a case-sensitive match is then the same and several times cheaper.
            boolean caseless = f.q().equals(f.q().toLowerCase(Locale.ROOT))
                    && f.q().equals(f.q().toUpperCase(Locale.ROOT));
            if (f.q().codePointCount(0, f.q().length()) < 3) {
                // Too short for the trigram index (two Chinese characters are a common search): a plain scan of
                // the rows the other conditions leave is then the fastest.
                query.where.append(caseless ? " and (strpos(" + SEARCH_TEXT + ", :q) > 0"
                        : " and (strpos(lower(" + SEARCH_TEXT + "), lower(:q)) > 0");
                query.params.put("q", f.q());
            } else {
                query.where.append(" and (" + SEARCH_TEXT + (caseless ? " like :q" : " ilike :q"));
                query.params.put("q", "%" + f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                        + "%");
            }
            if (f.q().matches("\\d{1,15}")) {
                query.where.append(" or t.id = :qid");
                query.params.put("qid", Long.parseLong(f.q()));
            }
            query.where.append(")");
        }
        if (f.parentId() != null) {
            query.where.append(" and t.parent_id = :parent");
            query.params.put("parent", f.parentId());
        } else if (f.topLevelOnly()) {
            query.where.append(" and t.parent_id is null");
        }
        if (f.tag() != null) {
            query.where.append(" and t.tags @> array[cast(:tag as text)]");
            query.params.put("tag", f.tag());
        }
        if (f.priority() != null) {
            query.where.append(" and t.priority = :priority");
            query.params.put("priority", f.priority().name());
        }
        if (f.minEscalation() != null) {
            query.where.append(" and t.escalation_level >= :escalation");
            query.params.put("escalation", f.minEscalation());
        }
        if (f.todo() != null) {
            query.where.append(" and ").append(f.todo().condition());
            query.params.putAll(TaskTodo.params(f.todoUnitId(), today));
        }
        return query;
    }

    String where() {
        return where.toString();
    }

    Map<String, Object> params() {
        return params;
    }
}
