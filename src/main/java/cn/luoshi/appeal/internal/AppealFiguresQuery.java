package cn.luoshi.appeal.internal;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.appeal.AppealFigures;
import cn.luoshi.org.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statistics query: one pass over the period's appeals with grouping sets for unit, category, month and the
 * total, counting with filters. Labels are joined after aggregation, so the join touches only the result rows.
 */
@Repository
public class AppealFiguresQuery {

    private static final String COUNTS = """
            count(*) as total,
            count(*) filter (where a.dispatched_at is not null
                             and (a.accepted_at is not null or a.accept_due_at < :now)) as due_accept,
            count(*) filter (where a.accepted_at <= a.accept_due_at) as accepted_on_time,
            count(*) filter (where a.answered_at is not null or (a.answer_due_at < :now
                             and coalesce(a.close_reason, '') not in ('WITHDRAWN', 'DUPLICATE'))) as due_answer,
            count(*) filter (where a.answered_at <= a.answer_due_at) as answered_on_time,
            count(*) filter (where coalesce(a.close_reason, '') not in ('WITHDRAWN', 'DUPLICATE')) as countable,
            count(*) filter (where a.close_reason in ('RATED', 'NO_RATING', 'UNSATISFIED_AGAIN')) as resolved,
            count(*) filter (where a.rating is not null) as rated,
            count(*) filter (where a.rating in ('SATISFIED', 'BASICALLY_SATISFIED')) as satisfied,
            count(*) filter (where a.status <> 'CLOSED' and ((a.status = 'DISPATCHED' and a.accept_due_at < :now)
                             or (a.status <> 'ANSWERED' and a.answer_due_at < :now))) as overdue""";

    private final JdbcClient jdbc;

    AppealFiguresQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The statistics count an appeal for its dispatching office and its responsible unit (the 三率 are theirs), so
     * the scope is "either of them lies in the reader's scope" — the same for the summary and the live part.
     */
    static String statsScope(DataScope scope, String alias) {
        if (scope.isEnterprise() || (!scope.global() && scope.rootPath() == null)) {
            return "false";
        }
        if (scope.global()) {
            return "true";
        }
        return "(" + DataScope.unitFilter(alias + ".dispatch_unit_id") + " or "
                + DataScope.unitFilter(alias + ".responsible_unit_id") + ")";
    }

    /** One result row: which grouping ("unit", "category", "month", "all") and its figures. */
    public record Row(String group, AppealFigures figures) {
    }

    public List<Row> run(DataScope scope, String unitPath, String categoryCode, OffsetDateTime from,
                         OffsetDateTime to, OffsetDateTime now, java.time.ZoneId zone) {
        return run(scope, unitPath, categoryCode, from, to, now, zone, true);
    }

    /**
     * @param useSummary false counts every appeal from the appeal table itself (the reference the summary is
     *                   checked against in tests)
     */
    public List<Row> run(DataScope scope, String unitPath, String categoryCode, OffsetDateTime from,
                         OffsetDateTime to, OffsetDateTime now, java.time.ZoneId zone, boolean useSummary) {
        // Whole months inside the period come from the summary of settled appeals; the rest is counted live.
        java.time.LocalDate firstDay = from.atZoneSameInstant(zone).toLocalDate();
        java.time.LocalDate fullStart = firstDay.getDayOfMonth() == 1 ? firstDay : firstDay.withDayOfMonth(1)
                .plusMonths(1);
        java.time.LocalDate fullEnd = to.atZoneSameInstant(zone).toLocalDate().withDayOfMonth(1);
        if (!useSummary || !fullStart.isBefore(fullEnd)) {
            fullStart = to.atZoneSameInstant(zone).toLocalDate();
            fullEnd = fullStart;
        }
        Map<String, Object> params = new HashMap<>();
        AppealRepository.bindScope(scope, params);
        params.put("from", from);
        params.put("to", to);
        params.put("now", now);
        params.put("zone", zone.getId());
        params.put("fullStart", fullStart);
        params.put("fullEnd", fullEnd);
        params.put("fullStartAt", fullStart.atStartOfDay(zone).toOffsetDateTime());
        params.put("fullEndAt", fullEnd.atStartOfDay(zone).toOffsetDateTime());
        StringBuilder filters = new StringBuilder();
        if (unitPath != null) {
            filters.append(" and x.responsible_unit_id in (select uu.id from org_unit uu where uu.path like :unitPath)");
            params.put("unitPath", unitPath + "%");
        }
        if (categoryCode != null && !categoryCode.isBlank()) {
            filters.append(" and x.category_id = (select id from appeal_category where code = :category)");
            params.put("category", categoryCode);
        }
        String summaryWhere = statsScope(scope, "x") + filters;
        String liveWhere = statsScope(scope, "x") + filters;
        // Two levels: the cells (unit, category, month) come from the summary and from one live pass over the
        // appeals not yet settled plus the settled ones of the partial months; the grouping sets add up the cells.
        String sql = """
                with cell as (
                    select x.responsible_unit_id as unit_id, x.category_id, x.month,
                           x.total::bigint as total, x.total::bigint as due_accept,
                           x.accepted_on_time::bigint as accepted_on_time, x.total::bigint as due_answer,
                           x.answered_on_time::bigint as answered_on_time, x.countable::bigint as countable,
                           x.resolved::bigint as resolved, x.rated::bigint as rated,
                           x.satisfied::bigint as satisfied, 0::bigint as overdue
                    from appeal_settled_month x
                    where x.month >= :fullStart and x.month < :fullEnd and\s""" + summaryWhere + """

                    union all
                    select a.responsible_unit_id, a.category_id,
                           date_trunc('month', a.submitted_at at time zone :zone)::date,
                """ + COUNTS + """

                    from (select x.* from appeal x
                          where x.submitted_at >= :from and x.submitted_at < :to and (x.status <> 'CLOSED'
                            or x.accepted_at is null or x.answered_at is null or x.dispatched_at is null
                            or x.responsible_unit_id is null) and\s""" + liveWhere + """

                          union all
                          select x.* from appeal x
                          where ((x.submitted_at >= :from and x.submitted_at < :fullStartAt)
                                 or (x.submitted_at >= :fullEndAt and x.submitted_at < :to))
                            and x.status = 'CLOSED' and x.accepted_at is not null and x.answered_at is not null
                            and x.dispatched_at is not null and x.responsible_unit_id is not null
                            and\s""" + liveWhere + """
                         ) a
                    group by 1, 2, 3
                ), g as (
                    select case when grouping(unit_id) = 0 then 'unit'
                                when grouping(category_id) = 0 then 'category'
                                when grouping(month) = 0 then 'month'
                                else 'all' end as grp,
                           unit_id, category_id, to_char(month, 'YYYY-MM') as month,
                           sum(total) as total, sum(due_accept) as due_accept,
                           sum(accepted_on_time) as accepted_on_time, sum(due_answer) as due_answer,
                           sum(answered_on_time) as answered_on_time, sum(countable) as countable,
                           sum(resolved) as resolved, sum(rated) as rated, sum(satisfied) as satisfied,
                           sum(overdue) as overdue
                    from cell
                    group by grouping sets ((unit_id), (category_id), (month), ())
                )
                select g.*, u.name as unit_name, c.code as category_code, c.name as category_name
                from g
                left join org_unit u on u.id = g.unit_id
                left join appeal_category c on c.id = g.category_id
                order by g.grp, c.sort_order, g.month""";
        return jdbc.sql(sql).params(params).query((rs, n) -> {
            String group = rs.getString("grp");
            String key;
            String label;
            switch (group) {
                case "unit" -> {
                    long unit = rs.getLong("unit_id");
                    key = rs.wasNull() ? "none" : String.valueOf(unit);
                    label = rs.getString("unit_name") == null ? "（未派发）" : rs.getString("unit_name");
                }
                case "category" -> {
                    key = rs.getString("category_code");
                    label = rs.getString("category_name");
                }
                case "month" -> {
                    key = rs.getString("month");
                    label = key;
                }
                default -> {
                    key = "all";
                    label = "合计";
                }
            }
            return new Row(group, AppealFigures.of(key, label, rs.getLong("total"), rs.getLong("due_accept"),
                    rs.getLong("accepted_on_time"), rs.getLong("due_answer"), rs.getLong("answered_on_time"),
                    rs.getLong("countable"), rs.getLong("resolved"), rs.getLong("rated"), rs.getLong("satisfied"),
                    rs.getLong("overdue")));
        }).list();
    }
}
