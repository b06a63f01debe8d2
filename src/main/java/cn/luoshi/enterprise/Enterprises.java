package cn.luoshi.enterprise;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.luoshi.common.CreditCode;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.enterprise.internal.EnterpriseRepository;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnitKind;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The enterprise register. Offices whose scope covers an enterprise's region, park or competent department see
 * and keep it; an enterprise account sees only itself.
 */
@Service
public class Enterprises {

    private static final Pattern INDUSTRY_CODE = Pattern.compile("[A-T](\\d{2}(\\d{1,2})?)?");

    private final EnterpriseRepository repository;
    private final OrgUnits units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Enterprises(EnterpriseRepository repository, OrgUnits units, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    /** Offices that keep the register and its figures. */
    public static boolean maintains(LuoshiUser user) {
        return user.hasAny(Role.SUPERVISOR, Role.STATISTICIAN, Role.UNIT_HANDLER, Role.UNIT_HEAD);
    }

    public PageResponse<Enterprise> list(EnterpriseFilter filter, Paging paging, LuoshiUser me) {
        String unitPath = filter.unitId() == null ? null : units.getVisible(filter.unitId(), me.scope()).path();
        return paging.page(repository.list(me.scope(), filter, unitPath, paging),
                repository.count(me.scope(), filter, unitPath));
    }

    public Enterprise get(long id, LuoshiUser me) {
        return repository.findVisible(id, me.scope()).orElseThrow(() -> DomainException.notFound("enterprise", id));
    }

    /** For other modules linking a record to an enterprise: no scope check, the caller applies its own. */
    public Optional<Enterprise> findByCreditCode(String creditCode) {
        if (creditCode == null) {
            return Optional.empty();
        }
        return repository.findByCreditCode(CreditCode.normalise(creditCode));
    }

    public Optional<Enterprise> find(long id) {
        return repository.find(id);
    }

    @Transactional
    public Enterprise register(EnterpriseDraft draft, LuoshiUser actor) {
        requireMaintainer(actor);
        String code = validate(draft, actor, null);
        long id = repository.insert(code, draft);
        Enterprise created = repository.find(id).orElseThrow();
        events.publishEvent(new AuditRecord("enterprise.registered", "Enterprise", String.valueOf(id),
                created.homeUnitId(), "登记企业「" + created.name() + "」（" + code + "）", null, created));
        return created;
    }

    @Transactional
    public Enterprise update(long id, EnterpriseDraft draft, int version, LuoshiUser actor) {
        requireMaintainer(actor);
        Enterprise before = get(id, actor);
        String code = validate(draft, actor, id);
        if (!repository.update(id, code, draft, version)) {
            throw DomainException.staleVersion(before.name());
        }
        Enterprise after = repository.find(id).orElseThrow();
        events.publishEvent(new AuditRecord("enterprise.updated", "Enterprise", String.valueOf(id),
                after.homeUnitId(), "修改企业「" + after.name() + "」", before, after));
        return after;
    }

    public List<EnterpriseFigures> figures(long id, LuoshiUser me) {
        get(id, me);
        return repository.figures(id);
    }

    /** Records (or corrects) one year's figures. */
    @Transactional
    public EnterpriseFigures saveFigures(long id, EnterpriseFigures figures, LuoshiUser actor) {
        requireMaintainer(actor);
        Enterprise enterprise = get(id, actor);
        validate(figures);
        EnterpriseFigures before = repository.figures(id, figures.year()).orElse(null);
        repository.saveFigures(id, figures);
        events.publishEvent(new AuditRecord("enterprise.figures.saved", "Enterprise", String.valueOf(id),
                enterprise.homeUnitId(), "录入企业「" + enterprise.name() + "」" + figures.year() + "年数据",
                before, figures));
        return figures;
    }

    /** Counts by revenue tier for a year (default: last year) within a unit (default: the whole scope). */
    public RevenueTiers revenueTiers(Long unitId, Integer year, LuoshiUser me) {
        int y = year != null ? year : LocalDate.now(clock).getYear() - 1;
        String unitPath = unitId == null ? null : units.getVisible(unitId, me.scope()).path();
        List<BigDecimal> thresholds = RevenueTiers.THRESHOLDS_YI.stream()
                .map(yi -> BigDecimal.valueOf(yi * 10_000L)).toList();
        long[] atLeast = repository.revenueCounts(me.scope(), unitPath, y, thresholds);
        List<RevenueTiers.Tier> tiers = new ArrayList<>();
        for (int i = 0; i < thresholds.size(); i++) {
            long above = i == 0 ? 0 : atLeast[i - 1];
            tiers.add(new RevenueTiers.Tier(RevenueTiers.THRESHOLDS_YI.get(i), atLeast[i] - above, atLeast[i]));
        }
        return new RevenueTiers(y, unitId, tiers, atLeast[thresholds.size()]);
    }

    private static void requireMaintainer(LuoshiUser actor) {
        if (!maintains(actor)) {
            throw DomainException.forbidden("error.forbidden");
        }
    }

    /** Checks the draft field by field and returns the normalised credit code. */
    private String validate(EnterpriseDraft d, LuoshiUser actor, Long self) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = CreditCode.normalise(d.creditCode());
        if (!StringUtils.hasText(code)) {
            problems.add(new FieldProblem("creditCode", "validation.NotBlank"));
        } else if (!CreditCode.isValid(code)) {
            problems.add(new FieldProblem("creditCode", "enterprise.error.creditCode", code));
        } else {
            repository.findByCreditCode(code).filter(e -> self == null || e.id() != self)
                    .ifPresent(e -> problems.add(new FieldProblem("creditCode", "enterprise.error.creditCodeTaken",
                            code)));
        }
        if (!StringUtils.hasText(d.name())) {
            problems.add(new FieldProblem("name", "validation.NotBlank"));
        } else if (d.name().strip().length() > 200) {
            problems.add(new FieldProblem("name", "validation.tooLong", 200));
        }
        if (StringUtils.hasText(d.industryCode())
                && !INDUSTRY_CODE.matcher(d.industryCode().strip().toUpperCase(java.util.Locale.ROOT)).matches()) {
            problems.add(new FieldProblem("industryCode", "enterprise.error.industryCode", d.industryCode()));
        }
        if (d.landMu() != null && d.landMu().signum() < 0) {
            problems.add(new FieldProblem("landMu", "validation.PositiveOrZero"));
        }
        boolean inScope = false;
        if (d.regionId() == null) {
            problems.add(new FieldProblem("regionId", "validation.NotNull"));
        } else {
            inScope |= checkUnit("regionId", d.regionId(), OrgUnitKind.REGION, actor, problems);
        }
        if (d.parkId() != null) {
            inScope |= checkUnit("parkId", d.parkId(), OrgUnitKind.PARK, actor, problems);
        }
        if (d.competentUnitId() != null) {
            inScope |= checkUnit("competentUnitId", d.competentUnitId(), OrgUnitKind.DEPARTMENT, actor, problems);
        }
        if (problems.isEmpty() && !inScope) {
            problems.add(new FieldProblem("regionId", "enterprise.error.outOfScope"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        return code;
    }

    /** True when the unit is of the right kind and within the actor's scope. */
    private boolean checkUnit(String field, long unitId, OrgUnitKind kind, LuoshiUser actor,
                              List<FieldProblem> problems) {
        Optional<OrgUnit> unit = units.find(unitId);
        if (unit.isEmpty() || unit.get().kind() != kind) {
            problems.add(new FieldProblem(field, "enterprise.error.unitKind." + kind));
            return false;
        }
        return actor.scope().covers(unit.get());
    }

    private static void validate(EnterpriseFigures f) {
        List<FieldProblem> problems = new ArrayList<>();
        if (f.year() < 1990 || f.year() > 2100) {
            problems.add(new FieldProblem("year", "enterprise.error.year"));
        }
        negative("revenue", f.revenue(), problems);
        negative("tax", f.tax(), problems);
        negative("energyTce", f.energyTce(), problems);
        negative("rdSpending", f.rdSpending(), problems);
        negative("emissionsT", f.emissionsT(), problems);
        if (f.employees() != null && f.employees() < 0) {
            problems.add(new FieldProblem("employees", "validation.PositiveOrZero"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
    }

    private static void negative(String field, BigDecimal value, List<FieldProblem> problems) {
        if (value != null && value.signum() < 0) {
            problems.add(new FieldProblem(field, "validation.PositiveOrZero"));
        }
    }
}
