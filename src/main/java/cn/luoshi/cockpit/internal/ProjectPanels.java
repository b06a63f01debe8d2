package cn.luoshi.cockpit.internal;

import java.time.YearMonth;
import java.util.List;

import cn.luoshi.cockpit.CockpitView;
import cn.luoshi.cockpit.CockpitView.Count;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.project.ProjectOverview;
import cn.luoshi.project.ProjectPlan;
import cn.luoshi.project.ProjectStanding;
import org.springframework.stereotype.Component;

/** The key-project panel by programme, with the project list's filters behind each count. */
@Component
class ProjectPanels {

    private final ProjectOverview overview;

    ProjectPanels(ProjectOverview overview) {
        this.overview = overview;
    }

    CockpitView.ProjectPanel panel(LuoshiUser me, YearMonth month) {
        ProjectStanding s = overview.standing(me, month.getYear(), month.getMonthValue());
        List<CockpitView.Programme> programmes = s.programmes().stream().map(p -> programme(p, s.year())).toList();
        List<CockpitView.RedProject> red = s.red().stream().map(p -> new CockpitView.RedProject(p.id(), p.code(),
                p.name(), p.programme(), p.leadUnitName(), p.completionRate(), "/projects/" + p.id())).toList();
        return new CockpitView.ProjectPanel(s.year(), s.throughMonth(), programme(s.total(), s.year()), programmes,
                red);
    }

    private static CockpitView.Programme programme(ProjectStanding.Programme p, int year) {
        String base = p.programme() == null ? "/projects?" : "/projects?programme=" + Links.encode(p.programme())
                + "&";
        String plan = "&planYear=" + year;
        List<CockpitView.Month> months = p.months().stream().map(m -> new CockpitView.Month(m.month(), m.planned(),
                m.completed(), m.plannedToDate(), m.completedToDate())).toList();
        String list = p.programme() == null ? "/projects" : base.substring(0, base.length() - 1);
        return new CockpitView.Programme(p.programme(), new Count(p.projects(), list),
                new Count(p.red(), base + "light=RED"),
                new Count(p.starts(), base + "plan=" + ProjectPlan.STARTS + plan),
                new Count(p.started(), base + "plan=" + ProjectPlan.STARTED + plan),
                new Count(p.ends(), base + "plan=" + ProjectPlan.ENDS + plan),
                new Count(p.ended(), base + "plan=" + ProjectPlan.ENDED + plan),
                p.planned(), p.plannedToDate(), p.completed(), p.rate(), months, list);
    }
}
