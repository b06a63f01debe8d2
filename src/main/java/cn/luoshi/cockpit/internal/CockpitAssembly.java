package cn.luoshi.cockpit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Set;

import cn.luoshi.cockpit.CockpitView;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.web.Messages;
import cn.luoshi.org.DataScope;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Puts the cockpit together from its panels for the reader's scope and month, once a minute at most for the readers
 * who would see the same picture ({@link CockpitSnapshots}; {@code luoshi.cockpit.fresh-for}).
 */
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
    private final CockpitSnapshots<Key, CockpitView> snapshots;

    /** Everything a picture depends on besides the data: two readers with the same key see the same picture. */
    private record Key(DataScope scope, Set<Role> roles, Long unitId, YearMonth month, Locale locale) {
    }

    CockpitAssembly(TaskPanels tasks, IndicatorPanels indicators, ProjectPanels projects, AppealPanels appeals,
                    PerMuPanels perMu, OrgUnits units, Messages messages, Clock clock,
                    @Value("${luoshi.cockpit.fresh-for}") Duration freshFor) {
        this.tasks = tasks;
        this.indicators = indicators;
        this.projects = projects;
        this.appeals = appeals;
        this.perMu = perMu;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
        this.snapshots = new CockpitSnapshots<>(clock, freshFor);
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
        Key key = new Key(me.scope(), Set.copyOf(me.roles()), me.unitId(), month, LocaleContextHolder.getLocale());
        return snapshots.get(key, takenAt -> take(me, month, takenAt));
    }

    /** The next reader takes a new picture: after a change to what the cockpit shows, not only to its figures. */
    @TransactionalEventListener(fallbackExecution = true)
    void forgetPictures(IndicatorSetChanged changed) {
        snapshots.clear();
    }

    private CockpitView take(LuoshiUser me, YearMonth month, Instant takenAt) {
        CockpitRegion region = CockpitRegion.of(me, units);
        CockpitView.Region where = new CockpitView.Region(region.root() == null ? null : region.root().id(),
                region.root() == null ? null : region.root().name(),
                region.statistics() == null ? null : region.statistics().id(),
                region.statistics() == null ? null : region.statistics().name());
        return new CockpitView(month.toString(), messages.get("cockpit.asOfLabel",
                String.valueOf(month.getYear()), String.valueOf(month.getMonthValue())), month.atEndOfMonth(),
                AsOf.latest(clock).toString(), LocalDate.now(clock),
                takenAt.atZone(clock.getZone()).toOffsetDateTime(), where, tasks.panel(me, region, month),
                indicators.panel(me, region, month), projects.panel(me, month), appeals.panel(me, month),
                perMu.panel(me));
    }
}
