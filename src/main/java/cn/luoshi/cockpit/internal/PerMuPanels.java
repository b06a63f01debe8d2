package cn.luoshi.cockpit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.luoshi.cockpit.CockpitView;
import cn.luoshi.cockpit.CockpitView.Count;
import cn.luoshi.enterprise.PerMuOverview;
import cn.luoshi.enterprise.PerMuStanding;
import cn.luoshi.org.LuoshiUser;
import org.springframework.stereotype.Component;

/** The per-mu panel: the latest published run's grades, and by park, with the run's result filters behind them. */
@Component
class PerMuPanels {

    private final PerMuOverview overview;

    PerMuPanels(PerMuOverview overview) {
        this.overview = overview;
    }

    CockpitView.PerMuPanel panel(LuoshiUser me) {
        return overview.latestPublished(me).map(this::panel).orElse(null);
    }

    private CockpitView.PerMuPanel panel(PerMuStanding s) {
        String run = "/enterprises/per-mu/runs/" + s.run().id();
        Map<String, Count> grades = new LinkedHashMap<>();
        s.grades().forEach((grade, n) -> grades.put(grade, new Count(n, run + "?grade=" + Links.encode(grade))));
        return new CockpitView.PerMuPanel(s.run().id(), s.run().year(), s.run().regionName(), s.run().publishedAt(),
                s.run().ratedCount(), grades, s.parks().stream().map(p -> {
                    Map<String, Count> byGrade = new LinkedHashMap<>();
                    String park = run + "?park=" + p.parkId() + "&grade=";
                    byGrade.put("A", new Count(p.a(), park + "A"));
                    byGrade.put("B", new Count(p.b(), park + "B"));
                    byGrade.put("C", new Count(p.c(), park + "C"));
                    byGrade.put("D", new Count(p.d(), park + "D"));
                    return new CockpitView.ParkGrades(p.parkId(), p.parkName(), byGrade);
                }).toList(), run);
    }
}
