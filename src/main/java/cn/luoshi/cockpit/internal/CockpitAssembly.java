package cn.luoshi.cockpit.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import cn.luoshi.cockpit.CockpitView;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.web.Messages;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import org.springframework.stereotype.Service;

/** Puts the cockpit together from its panels for the reader's scope and month. */
@Service
public class CockpitAssembly {

    private final TaskPanels tasks;
    private final IndicatorPanels indicators;
    private final ProjectPanels projects;
    private final AppealPanels appeals;
    private final PerMuPanels perMu;
    private final OrgUnits units;
    private final Messages messages;
    private final Clock clock;

    CockpitAssembly(TaskPanels tasks, IndicatorPanels indicators, ProjectPanels projects, AppealPanels appeals,
                    PerMuPanels perMu, OrgUnits units, Messages messages, Clock clock) {
        this.tasks = tasks;
        this.indicators = indicators;
        this.projects = projects;
        this.appeals = appeals;
        this.perMu = perMu;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    /** Every signed-in official reads the cockpit of its own scope; an enterprise account has none. */
    public static boolean mayRead(LuoshiUser user) {
        return !user.scope().isEnterprise() && !user.has(Role.ENTERPRISE);
    }

    public CockpitView picture(LuoshiUser me, String asOf) {
        if (!mayRead(me)) {
            throw DomainException.forbidden("error.forbidden");
        }
        YearMonth month = AsOf.parse(asOf, clock);
        CockpitRegion region = CockpitRegion.of(me, units);
        CockpitView.Region where = new CockpitView.Region(region.root() == null ? null : region.root().id(),
                region.root() == null ? null : region.root().name(),
                region.statistics() == null ? null : region.statistics().id(),
                region.statistics() == null ? null : region.statistics().name());
        return new CockpitView(month.toString(), messages.get("cockpit.asOfLabel",
                String.valueOf(month.getYear()), String.valueOf(month.getMonthValue())), month.atEndOfMonth(),
                AsOf.latest(clock).toString(), LocalDate.now(clock), where, tasks.panel(me, region, month),
                indicators.panel(me, region, month), projects.panel(me, month), appeals.panel(me, month),
                perMu.panel(me));
    }
}
