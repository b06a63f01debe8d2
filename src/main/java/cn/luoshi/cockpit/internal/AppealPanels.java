package cn.luoshi.cockpit.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

import cn.luoshi.appeal.Appeal;
import cn.luoshi.appeal.AppealFigures;
import cn.luoshi.appeal.AppealQuery;
import cn.luoshi.appeal.AppealStatistics;
import cn.luoshi.appeal.AppealStats;
import cn.luoshi.appeal.Appeals;
import cn.luoshi.cockpit.CockpitView;
import cn.luoshi.cockpit.CockpitView.Count;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.LuoshiUser;
import org.springframework.stereotype.Component;

/**
 * The appeal panel: the year's appeals to the month's end as the appeal statistics page counts them (same
 * service, same period), and the appeals overdue today as the appeal list shows them ({@code overdue=true}).
 */
@Component
class AppealPanels {

    private static final int TOP_CATEGORIES = 5;
    private static final int OVERDUE_SHOWN = 10;

    private final AppealStatistics statistics;
    private final Appeals appeals;

    AppealPanels(AppealStatistics statistics, Appeals appeals) {
        this.statistics = statistics;
        this.appeals = appeals;
    }

    CockpitView.AppealPanel panel(LuoshiUser me, YearMonth month) {
        LocalDate from = month.atDay(1).withDayOfYear(1);
        LocalDate to = month.atEndOfMonth();
        AppealStats stats = statistics.stats(me, null, null, from, to);
        String period = "from=" + from + "&to=" + to;
        AppealFigures all = stats.overall();
        List<CockpitView.Category> top = stats.byCategory().stream().filter(c -> c.total() > 0)
                .sorted(Comparator.comparingLong(AppealFigures::total).reversed().thenComparing(AppealFigures::key))
                .limit(TOP_CATEGORIES)
                .map(c -> new CockpitView.Category(c.key(), c.label(), new Count(c.total(),
                        "/appeals/dashboard?category=" + Links.encode(c.key()) + "&" + period), c.onTimeRate()))
                .toList();
        PageResponse<Appeal> overdue = appeals.list(new AppealQuery(null, null, null, true, null, null, null, null,
                null, null), me, new Paging(0, OVERDUE_SHOWN));
        List<CockpitView.OverdueAppeal> overdueList = overdue.content().stream().map(a -> new CockpitView
                .OverdueAppeal(a.id(), a.code(), a.title(), a.enterpriseName(),
                a.responsibleUnit() == null ? a.dispatchUnit().name() : a.responsibleUnit().name(), a.status().name(),
                a.answerDueAt(), "/appeals/" + a.id())).toList();
        return new CockpitView.AppealPanel(from, to, new Count(all.total(), "/appeals/dashboard?" + period),
                all.responseRate(), all.onTimeRate(), all.resolutionRate(), all.satisfactionRate(), all.rated(),
                top, new Count(overdue.totalElements(), "/appeals?overdue=true"), overdueList);
    }
}
