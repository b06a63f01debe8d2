package cn.luoshi.target;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.indicator.ChineseNumbers;
import cn.luoshi.indicator.Figure;
import cn.luoshi.indicator.Figures;
import cn.luoshi.indicator.Indicator;
import cn.luoshi.indicator.Indicators;
import cn.luoshi.indicator.Period;
import cn.luoshi.indicator.RankBy;
import cn.luoshi.notify.NotificationRequested;
import cn.luoshi.notify.Recipients;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.target.internal.Attainment;
import cn.luoshi.target.internal.TargetRepository;
import cn.luoshi.target.internal.TargetWording;
import cn.luoshi.target.internal.TargetRepository.Fields;
import cn.luoshi.target.internal.TargetRepository.Row;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Targets: registration (also from speeches, once per source), edits and publication (audited), decomposition to
 * sub-units with an additivity check, and attainment against time-progress with lights. Statisticians, the
 * supervision office and administrators maintain targets within their data scope; everyone reads within theirs.
 */
@Service
public class Targets {

    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final Set<Role> EDITORS = Set.of(Role.STATISTICIAN, Role.SUPERVISOR, Role.ADMIN);

    private final TargetRepository repository;
    private final Indicators indicators;
    private final Figures figures;
    private final OrgUnits units;
    private final Attainment attainment;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Targets(TargetRepository repository, Indicators indicators, Figures figures, OrgUnits units,
            Attainment attainment, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.indicators = indicators;
        this.figures = figures;
        this.units = units;
        this.attainment = attainment;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers a target, e.g. one a speech deploys ("力争到2026年，GDP突破X亿元"). With a source, registering the same
     * source again returns the target registered the first time and changes nothing.
     */
    @Transactional
    public Target register(NewTarget command, LuoshiUser actor) {
        requireEditor(actor);
        if (command.source() != null) {
            Optional<Row> existing = repository.findBySource(command.source().meetingId(), command.source().key());
            if (existing.isPresent()) {
                Row row = existing.get();
                if (!actor.scope().covers(row.unitPath())) {
                    throw DomainException.conflict("target.error.sourceTaken");
                }
                return toTarget(row);
            }
        }
        OrgUnit unit = units.getVisible(command.unitId(), actor.scope());
        Indicator indicator = checked(command, unit);
        TargetStatus status = Boolean.TRUE.equals(command.publish()) ? TargetStatus.PUBLISHED : TargetStatus.DRAFT;
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = repository.insert(fields(command, indicator, unit, null, status), actor.id(), now);
        Target created = get(id);
        events.publishEvent(new AuditRecord("target.created", "Target", Long.toString(id), unit.id(),
                "登记目标「" + unit.name() + "：" + created.wording() + "」"
                        + (status == TargetStatus.PUBLISHED ? "并发布" : ""), null, created));
        return created;
    }

    /** Changes a target (its unit stays); a published target's change is audited like any other. */
    @Transactional
    public Target update(long id, NewTarget command, int version, LuoshiUser actor) {
        requireEditor(actor);
        Row row = visibleRow(id, actor);
        Target before = toTarget(row);
        OrgUnit unit = units.get(row.unitId());
        if (!command.unitId().equals(row.unitId())) {
            throw DomainException.invalidFields(List.of(new FieldProblem("unitId", "target.error.unitFixed")));
        }
        Indicator indicator = checked(command, unit);
        TargetStatus status = Boolean.TRUE.equals(command.publish()) ? TargetStatus.PUBLISHED : row.status();
        if (!repository.update(id, fields(command, indicator, unit, row.parentId(), status), version,
                OffsetDateTime.now(clock))) {
            throw DomainException.staleVersion(before.wording());
        }
        Target after = get(id);
        events.publishEvent(new AuditRecord("target.updated", "Target", Long.toString(id), unit.id(),
                "修改目标「" + unit.name() + "：" + after.wording() + "」", before, after));
        return after;
    }

    /** Publishes a draft (and its decomposition): from now on units are measured against it. */
    @Transactional
    public Target publish(long id, int version, LuoshiUser actor) {
        requireEditor(actor);
        Row row = visibleRow(id, actor);
        Target before = toTarget(row);
        if (row.status() == TargetStatus.PUBLISHED) {
            throw DomainException.conflict("target.error.alreadyPublished", before.wording());
        }
        Fields fields = new Fields(row.indicatorId(), row.unitId(), row.year(), row.baseYear(), row.comparator(),
                row.measure(), row.value(), row.baseValue(), row.profile(), row.parentId(), TargetStatus.PUBLISHED,
                row.title(), row.note(), row.sourceMeetingId(), row.sourceKey());
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!repository.update(id, fields, version, now)) {
            throw DomainException.staleVersion(before.wording());
        }
        repository.setStatusOfChildren(id, TargetStatus.PUBLISHED, now);
        Target after = get(id);
        events.publishEvent(new AuditRecord("target.published", "Target", Long.toString(id), row.unitId(),
                "发布目标「" + row.unitName() + "：" + after.wording() + "」", before, after));
        return after;
    }

    public Target get(long id) {
        return toTarget(repository.find(id).orElseThrow(() -> DomainException.notFound("target.target", id)));
    }

    /** The target if its unit lies in the user's scope, else "not found". */
    public Target getVisible(long id, LuoshiUser me) {
        return toTarget(visibleRow(id, me));
    }

    public List<Target> children(long id, LuoshiUser me) {
        visibleRow(id, me);
        return repository.children(id).stream().filter(r -> me.scope().covers(r.unitPath())).map(this::toTarget)
                .toList();
    }

    public PageResponse<Target> list(Long unitId, Integer year, TargetStatus status, LuoshiUser me, Paging paging) {
        if (unitId != null) {
            units.getVisible(unitId, me.scope());
        }
        long total = repository.count(me.scope(), unitId, year, status);
        List<Target> content = repository.list(me.scope(), unitId, year, status, paging).stream()
                .map(this::toTarget).toList();
        return paging.page(content, total);
    }

    /**
     * Splits a target among units below its own. Children get the parent's comparator and years; units already
     * holding a share and left out are removed; a share may not lie within another share's unit (it would be
     * counted twice). For additive indicators the shares (or, for growth targets, the amounts they imply on each
     * unit's base-year figure, which every unit must have) must add up to the target: a gap is refused (422) unless
     * accepted explicitly, and then kept on the parent as a visible warning.
     */
    @Transactional
    public DecompositionResult decompose(long id, Decomposition decomposition, LuoshiUser actor) {
        requireEditor(actor);
        Row parent = visibleRow(id, actor);
        if (parent.comparator() == TargetComparator.TOP_N || parent.comparator() == TargetComparator.ABOVE_AVERAGE) {
            throw DomainException.conflict("target.error.notDecomposable");
        }
        Indicator indicator = indicators.find(parent.indicatorId()).orElseThrow();
        Map<Long, BigDecimal> shares = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < decomposition.shares().size(); i++) {
            Decomposition.Share share = decomposition.shares().get(i);
            OrgUnit unit = units.find(share.unitId()).filter(u -> actor.scope().covers(u)).orElse(null);
            if (unit == null || unit.id() == parent.unitId() || !unit.path().startsWith(parent.unitPath())) {
                problems.add(new FieldProblem("shares[" + i + "].unitId", "target.error.notBelow",
                        share.unitId(), parent.unitName()));
            } else if (shares.put(unit.id(), share.value()) != null) {
                problems.add(new FieldProblem("shares[" + i + "].unitId", "target.error.twice", unit.name()));
            }
        }
        problems.addAll(nested(decomposition, shares));
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        Target before = toTarget(parent);
        List<Target> childrenBefore = repository.children(id).stream().map(this::toTarget).toList();

        boolean additive = indicator.additive() && parent.value() != null;
        BigDecimal sum = null;
        BigDecimal gap = null;
        String warning = null;
        if (additive) {
            Totals totals = totals(parent, indicator, shares);
            sum = totals.sum();
            gap = totals.gap();
            if (gap != null && gap.signum() != 0) {
                warning = gapWarning(totals, indicator);
                if (!Boolean.TRUE.equals(decomposition.acceptGap())) {
                    throw DomainException.unprocessable("target.error.gap", plain(totals.target()),
                            plain(totals.sum()), plain(gap.abs()),
                            new DefaultMessageSourceResolvable(gap.signum() > 0 ? "target.gap.less" : "target.gap.more"),
                            indicator.measureUnit());
                }
            }
        }

        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<Long, Row> existing = new HashMap<>();
        repository.children(id).forEach(c -> existing.put(c.unitId(), c));
        Set<Long> kept = new HashSet<>();
        List<Target> children = new ArrayList<>();
        for (var entry : shares.entrySet()) {
            Row child = existing.get(entry.getKey());
            long childId;
            if (child == null) {
                childId = repository.insert(new Fields(parent.indicatorId(), entry.getKey(), parent.year(),
                        parent.baseYear(), parent.comparator(), parent.measure(), entry.getValue(), null,
                        parent.profile(), parent.id(), parent.status(), null, null, null, null), actor.id(), now);
            } else {
                childId = child.id();
                repository.setChildValue(childId, entry.getValue(), parent.status(), now);
            }
            kept.add(entry.getKey());
            Target saved = get(childId);
            children.add(saved);
            if (child == null || child.value() == null || child.value().compareTo(entry.getValue()) != 0) {
                events.publishEvent(new NotificationRequested(
                        Recipients.unit(entry.getKey(), Set.of(Role.UNIT_HEAD, Role.UNIT_HANDLER, Role.STATISTICIAN)),
                        "TARGET_ASSIGNED", "下达目标：" + saved.wording(),
                        parent.unitName() + "将目标「" + before.wording() + "」分解下达，贵单位承担：" + saved.wording(),
                        "/targets/" + childId, "target-" + childId + "-" + saved.version()));
            }
        }
        for (Row child : existing.values()) {
            if (!kept.contains(child.unitId())) {
                if (child.children() > 0) {
                    throw DomainException.conflict("target.error.childDecomposed", child.unitName());
                }
                repository.delete(child.id());
            }
        }
        BigDecimal accepted = warning == null ? null : gap;
        if (!repository.setAcceptedGap(id, accepted, parent.version(), now)) {
            throw DomainException.staleVersion(before.wording());
        }
        Target after = get(id);
        Map<String, Object> beforeShares = new LinkedHashMap<>();
        childrenBefore.forEach(c -> beforeShares.put(c.unitName(), c.value()));
        Map<String, Object> afterShares = new LinkedHashMap<>();
        children.forEach(c -> afterShares.put(c.unitName(), c.value()));
        events.publishEvent(new AuditRecord("target.decomposed", "Target", Long.toString(id), parent.unitId(),
                "分解目标「" + parent.unitName() + "：" + after.wording() + "」至 " + children.size() + " 个单位"
                        + (warning == null ? "" : "（" + warning + "）"),
                beforeShares, afterShares));
        return new DecompositionResult(after, children, additive, sum, gap, warning);
    }

    /**
     * A share cannot sit inside another share's unit: 城关区's share already holds what its departments do, so the
     * two would be counted twice.
     */
    private List<FieldProblem> nested(Decomposition decomposition, Map<Long, BigDecimal> shares) {
        Map<Long, OrgUnit> chosen = new HashMap<>();
        units.findAll(List.copyOf(shares.keySet())).forEach(u -> chosen.put(u.id(), u));
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < decomposition.shares().size(); i++) {
            OrgUnit unit = chosen.get(decomposition.shares().get(i).unitId());
            if (unit == null) {
                continue;
            }
            for (OrgUnit outer : chosen.values()) {
                if (outer.id() != unit.id() && unit.isWithin(outer)) {
                    problems.add(new FieldProblem("shares[" + i + "].unitId", "target.error.nestedShares",
                            unit.name(), outer.name()));
                    break;
                }
            }
        }
        return problems;
    }

    /** The parent's amount and what the shares add up to (amounts implied by growth rates for growth targets). */
    private record Totals(BigDecimal target, BigDecimal sum, BigDecimal gap) {
    }

    private Totals totals(Row parent, Indicator indicator, Map<Long, BigDecimal> shares) {
        int scale = indicator.decimals();
        if (parent.comparator() == TargetComparator.REACH || parent.comparator() == TargetComparator.EXCEED) {
            BigDecimal sum = shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            return new Totals(parent.value(), sum, parent.value().subtract(sum).setScale(scale, RoundingMode.HALF_UP));
        }
        if (parent.comparator() == TargetComparator.GROWTH) {
            // Each share is a growth rate: compare the amounts they imply on each unit's base-year value.
            int baseYear = parent.baseYear() != null ? parent.baseYear() : parent.year() - 1;
            Period base = Period.year(baseYear);
            List<Long> ids = new ArrayList<>(shares.keySet());
            ids.add(parent.unitId());
            Map<Long, BigDecimal> bases = new HashMap<>();
            figures.levels(indicator, ids, base, null).forEach((unit, figure) -> bases.put(unit, figure.value()));
            if (parent.baseValue() != null) {
                bases.put(parent.unitId(), parent.baseValue());
            }
            requireBases(parent, indicator, baseYear, shares.keySet(), bases);
            int years = parent.year() - baseYear;
            BigDecimal target = grown(bases.get(parent.unitId()), parent.value(), years);
            BigDecimal sum = BigDecimal.ZERO;
            for (var share : shares.entrySet()) {
                sum = sum.add(grown(bases.get(share.getKey()), share.getValue(), years));
            }
            return new Totals(target.setScale(scale, RoundingMode.HALF_UP), sum.setScale(scale, RoundingMode.HALF_UP),
                    target.subtract(sum).setScale(scale, RoundingMode.HALF_UP));
        }
        return new Totals(null, null, null);
    }

    /**
     * A growth share is an amount only on its unit's base-year figure: without one the sum cannot be checked, so the
     * decomposition is refused naming every unit (the target's own unit first) that lacks it.
     */
    private void requireBases(Row parent, Indicator indicator, int baseYear, Set<Long> shareUnits,
                              Map<Long, BigDecimal> bases) {
        List<Long> ids = new ArrayList<>();
        ids.add(parent.unitId());
        ids.addAll(shareUnits);
        List<String> names = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        String year = Integer.toString(baseYear);
        int index = -1;
        for (Long id : ids) {
            if (!bases.containsKey(id)) {
                String name = id == parent.unitId() ? parent.unitName() : units.get(id).name();
                names.add(name);
                problems.add(new FieldProblem(index < 0 ? "baseValue" : "shares[" + index + "].unitId",
                        "target.error.missingBase", name, year));
            }
            index++;
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "target.error.noBaseFigure", problems, String.join("、", names), year, indicator.nameZh());
        }
    }

    private static BigDecimal grown(BigDecimal base, BigDecimal ratePercent, int years) {
        BigDecimal factor = BigDecimal.ONE.add(ratePercent.divide(BigDecimal.valueOf(100), PRECISION));
        return base.multiply(factor.pow(years, PRECISION), PRECISION);
    }

    private static String gapWarning(Totals totals, Indicator indicator) {
        return "分解合计" + plain(totals.sum()) + indicator.measureUnit() + "，比目标" + plain(totals.target())
                + indicator.measureUnit() + (totals.gap().signum() > 0 ? "少" : "多") + plain(totals.gap().abs())
                + indicator.measureUnit();
    }

    /** Attainment of the unit's targets running in the year, with the progress of their decomposition below. */
    public List<TargetProgress> progress(Long unitId, Integer year, LocalDate asOf, LuoshiUser me) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        int y = year == null ? day.getYear() : year;
        Long unit = unitId != null ? unitId : me.scope().rootUnitId();
        if (unit == null) {
            return List.of();
        }
        units.getVisible(unit, me.scope());
        List<TargetProgress> result = new ArrayList<>();
        for (Row row : repository.list(me.scope(), unit, y, null, new Paging(0, Paging.MAX_SIZE))) {
            Target target = toTarget(row);
            TargetProgress progress = attainment.evaluate(target, y, day);
            List<TargetProgress> children = repository.children(row.id()).stream()
                    .filter(c -> me.scope().covers(c.unitPath()))
                    .map(c -> attainment.evaluate(toTarget(c), y, day)).toList();
            result.add(new TargetProgress(progress.target(), progress.actual(), progress.dataPeriod(),
                    progress.dataLabel(), progress.milestone(), progress.attainment(), progress.timeProgress(),
                    progress.light(), progress.rank(), progress.growth(), progress.seasonal(), progress.summary(),
                    progress.summaryEn(), children));
        }
        return result;
    }

    /** One target's attainment (for its page). */
    public TargetProgress progressOf(long id, Integer year, LocalDate asOf, LuoshiUser me) {
        Target target = getVisible(id, me);
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        int y = year == null ? Math.min(target.year(), day.getYear()) : year;
        return attainment.evaluate(target, y, day);
    }

    // ---- helpers ----

    private Row visibleRow(long id, LuoshiUser me) {
        return repository.find(id).filter(r -> me.scope().covers(r.unitPath()))
                .orElseThrow(() -> DomainException.notFound("target.target", id));
    }

    private Indicator checked(NewTarget command, OrgUnit unit) {
        List<FieldProblem> problems = new ArrayList<>();
        Indicator indicator = indicators.findByCode(command.indicator())
                .or(() -> indicators.findByName(command.indicator())).orElse(null);
        if (indicator == null) {
            problems.add(new FieldProblem("indicator", "indicator.import.problem.unknownIndicator",
                    command.indicator()));
        }
        if (command.baseYear() != null && command.baseYear() >= command.year()) {
            problems.add(new FieldProblem("baseYear", "target.error.baseYear", command.baseYear(), command.year()));
        }
        BigDecimal value = command.value();
        switch (command.comparator()) {
            case TOP_N -> {
                if (value != null && (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0)) {
                    problems.add(new FieldProblem("value", "target.error.topN"));
                }
                if (unit.parentId() == null) {
                    problems.add(new FieldProblem("unitId", "indicator.error.noSiblings", unit.name()));
                }
            }
            case DOUBLE -> {
                if (value != null) {
                    problems.add(new FieldProblem("value", "target.error.noValueForDouble"));
                }
                // Twice what, from when: "三年翻一番" is a path from its base year, never from the year before.
                if (command.baseYear() == null) {
                    problems.add(new FieldProblem("baseYear", "target.error.baseYearRequired"));
                }
            }
            case ABOVE_AVERAGE -> {
                if (unit.parentId() == null) {
                    problems.add(new FieldProblem("unitId", "indicator.error.noSiblings", unit.name()));
                }
            }
            default -> {
                if (value != null && value.signum() < 0 && command.comparator() != TargetComparator.GROWTH) {
                    problems.add(new FieldProblem("value", "validation.PositiveOrZero"));
                }
            }
        }
        if (command.source() != null && (command.source().key() == null || command.source().key().isBlank())) {
            problems.add(new FieldProblem("source.key", "validation.NotBlank"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        return indicator;
    }

    private static Fields fields(NewTarget c, Indicator indicator, OrgUnit unit, Long parentId, TargetStatus status) {
        RankBy measure = c.measure() != null ? c.measure()
                : c.comparator() == TargetComparator.ABOVE_AVERAGE ? RankBy.GROWTH : RankBy.VALUE;
        return new Fields(indicator.id(), unit.id(), c.year(), c.baseYear(), c.comparator(), measure, c.value(),
                c.baseValue(), c.profile() == null ? ProgressProfile.LINEAR : c.profile(), parentId, status,
                blankToNull(c.title()), blankToNull(c.note()), c.source() == null ? null : c.source().meetingId(),
                c.source() == null ? null : c.source().key().strip());
    }

    Target toTarget(Row row) {
        Indicator indicator = indicators.find(row.indicatorId()).orElseThrow();
        String area = row.unitParentName() == null ? "" : ChineseNumbers.wholeOf(row.unitParentName());
        return new Target(row.id(), indicator.code(), indicator.nameZh(), indicator.measureUnit(), row.unitId(),
                row.unitName(), row.year(), row.baseYear(), row.comparator(), row.measure(), row.value(),
                row.baseValue(), row.profile(), row.parentId(), row.status(), row.title(), row.note(),
                row.sourceMeetingId(), row.sourceKey(), row.acceptedGap(),
                TargetWording.of(row, indicator, area), row.children(), row.version(), row.createdAt(),
                row.updatedAt());
    }

    static void requireEditor(LuoshiUser actor) {
        if (EDITORS.stream().noneMatch(actor::has)) {
            throw DomainException.forbidden("target.error.onlyEditors");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String plain(BigDecimal value) {
        if (value == null) {
            return "X";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
