package cn.luoshi.enterprise;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.enterprise.internal.PerMuComputation;
import cn.luoshi.enterprise.internal.PerMuObjectionRules;
import cn.luoshi.enterprise.internal.PerMuRepository;
import cn.luoshi.notify.NotificationRequested;
import cn.luoshi.notify.Recipients;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnitKind;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.org.UserAccounts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The per-mu evaluation (亩均效益综合评价): rule versions per region and year, yearly runs over all enterprises of a
 * region, publication (which freezes a run), and objections re-scored under the run's own rule and boundaries.
 * <p>
 * Offices whose scope covers the region write rules and compute runs; a unit head, the statistics office or the
 * supervision office publishes; an enterprise sees its own published result and may object to it.
 */
@Service
public class PerMuEvaluations {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PerMuEvaluations.class);

    private static final Set<Role> COMPUTE = EnumSet.of(Role.SUPERVISOR, Role.STATISTICIAN, Role.UNIT_HANDLER,
            Role.UNIT_HEAD);
    private static final Set<Role> PUBLISH = EnumSet.of(Role.SUPERVISOR, Role.STATISTICIAN, Role.UNIT_HEAD);

    private final PerMuRepository repository;
    private final PerMuComputation computation;
    private final Enterprises enterprises;
    private final OrgUnits units;
    private final UserAccounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PerMuEvaluations(PerMuRepository repository, PerMuComputation computation, Enterprises enterprises,
                     OrgUnits units, UserAccounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.computation = computation;
        this.enterprises = enterprises;
        this.units = units;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    public static boolean computes(LuoshiUser user) {
        return COMPUTE.stream().anyMatch(user::has);
    }

    public static boolean publishes(LuoshiUser user) {
        return PUBLISH.stream().anyMatch(user::has);
    }

    // ---- rules

    public List<PerMuRule> rules(LuoshiUser me) {
        if (me.scope().isEnterprise()) {
            return List.of();
        }
        return repository.visibleRules(me.scope());
    }

    public PerMuRule rule(long id, LuoshiUser me) {
        return rules(me).stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> DomainException.notFound("perMu.rule", id));
    }

    /** Writes a new version of the region's rule for the year; earlier versions stay as they were. */
    @Transactional
    public PerMuRule writeRule(PerMuRuleDraft draft, LuoshiUser actor) {
        if (!computes(actor)) {
            throw DomainException.forbidden("error.forbidden");
        }
        OrgUnit region = validate(draft, actor);
        long id = repository.insertRule(draft, actor.getUsername(), OffsetDateTime.now(clock));
        PerMuRule rule = repository.findRule(id).orElseThrow();
        events.publishEvent(new AuditRecord("perMu.rule.written", "PerMuRule", String.valueOf(id), region.id(),
                "制定亩均评价规则「" + rule.name() + "」第 " + rule.version() + " 版", null, rule));
        return rule;
    }

    // ---- runs

    public PageResponse<PerMuRun> runs(Integer year, Paging paging, LuoshiUser me) {
        return paging.page(repository.visibleRuns(me.scope(), year, paging),
                repository.countVisibleRuns(me.scope(), year));
    }

    public PerMuRun run(long id, LuoshiUser me) {
        return repository.findVisibleRun(id, me.scope())
                .orElseThrow(() -> DomainException.notFound("perMu.run", id));
    }

    /** Starts a run: every enterprise whose region or park lies in the region is scored under the rule. */
    @Transactional
    public PerMuRun start(long regionId, Integer year, long ruleId, LuoshiUser actor) {
        if (!computes(actor)) {
            throw DomainException.forbidden("error.forbidden");
        }
        OrgUnit region = units.getVisible(regionId, actor.scope());
        PerMuRule rule = rule(ruleId, actor);
        int y = year != null ? year : rule.year();
        List<FieldProblem> problems = new ArrayList<>();
        if (rule.year() != y) {
            problems.add(new FieldProblem("rule", "perMu.error.ruleYear", rule.year(), y));
        }
        OrgUnit ruleRegion = units.get(rule.regionId());
        if (!region.isWithin(ruleRegion)) {
            problems.add(new FieldProblem("rule", "perMu.error.ruleRegion", ruleRegion.name(), region.name()));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        long runId = repository.insertRun(rule.id(), region.id(), y, actor.getUsername(), OffsetDateTime.now(clock));
        compute(runId, rule, region);
        PerMuRun run = repository.findRun(runId).orElseThrow();
        events.publishEvent(new AuditRecord("perMu.run.computed", "PerMuRun", String.valueOf(runId), region.id(),
                "计算" + region.name() + y + "年度亩均效益评价（规则第 " + rule.version() + " 版，"
                        + run.enterpriseCount() + " 家企业）", null, run));
        return run;
    }

    /** Computes a draft run again from the current register and figures. */
    @Transactional
    public PerMuRun recompute(long runId, LuoshiUser actor) {
        PerMuRun before = draftForChange(runId, actor);
        PerMuRule rule = repository.findRule(before.ruleId()).orElseThrow();
        repository.deleteResults(runId);
        compute(runId, rule, units.get(before.regionId()));
        PerMuRun after = repository.findRun(runId).orElseThrow();
        events.publishEvent(new AuditRecord("perMu.run.recomputed", "PerMuRun", String.valueOf(runId),
                before.regionId(), "重新计算" + before.regionName() + before.year() + "年度亩均效益评价", before,
                after));
        return after;
    }

    @Transactional
    public void discard(long runId, LuoshiUser actor) {
        PerMuRun before = draftForChange(runId, actor);
        repository.deleteResults(runId);
        repository.deleteRun(runId);
        events.publishEvent(new AuditRecord("perMu.run.discarded", "PerMuRun", String.valueOf(runId),
                before.regionId(), "删除未发布的" + before.regionName() + before.year() + "年度亩均效益评价", before,
                null));
    }

    /** Publishes a run: from now on it is frozen, and the evaluated enterprises see their results. */
    @Transactional
    public PerMuRun publish(long runId, int version, LuoshiUser actor) {
        if (!publishes(actor)) {
            throw DomainException.forbidden("perMu.error.publishRole");
        }
        PerMuRun before = draftForChange(runId, actor);
        if (!repository.publish(runId, version, actor.getUsername(), OffsetDateTime.now(clock))) {
            throw DomainException.staleVersion(before.regionName() + before.year());
        }
        PerMuRun after = repository.findRun(runId).orElseThrow();
        events.publishEvent(new AuditRecord("perMu.run.published", "PerMuRun", String.valueOf(runId),
                before.regionId(), "发布" + before.regionName() + before.year() + "年度亩均效益评价结果", before,
                after));
        return after;
    }

    private PerMuRun draftForChange(long runId, LuoshiUser actor) {
        if (!computes(actor)) {
            throw DomainException.forbidden("error.forbidden");
        }
        PerMuRun run = run(runId, actor);
        if (!actor.scope().covers(units.get(run.regionId()))) {
            throw DomainException.notFound("perMu.run", runId);
        }
        if (run.published()) {
            throw DomainException.conflict("perMu.error.published", run.regionName(), run.year());
        }
        return run;
    }

    private void compute(long runId, PerMuRule rule, OrgUnit region) {
        long started = System.nanoTime();
        int scored = computation.compute(runId, rule, region.path(), rule.year());
        long stored = System.nanoTime();
        repository.summarise(runId);
        long ranked = System.nanoTime();
        repository.finishRun(runId, (ranked - started) / 1_000_000);
        log.info("Per-mu run {}: {} enterprises scored, ranked and stored in {} ms, summarised in {} ms", runId, scored,
                (stored - started) / 1_000_000, (ranked - stored) / 1_000_000);
    }

    // ---- results

    public PerMuRule ruleOf(PerMuRun run) {
        return repository.findRule(run.ruleId()).orElseThrow();
    }

    /** Results best first; an enterprise account gets only its own row of a published run. */
    public PageResponse<PerMuResult> results(long runId, Long parkId, String grade, String q, Paging paging,
                                             LuoshiUser me) {
        PerMuRun run = run(runId, me);
        String own = me.scope().isEnterprise() ? me.creditCode() : null;
        PerMuRule rule = ruleOf(run);
        return paging.page(repository.results(runId, rule, own, parkId, grade, q, paging),
                repository.countResults(runId, own, parkId, grade, q));
    }

    public PerMuResult result(long runId, long enterpriseId, LuoshiUser me) {
        PerMuRun run = run(runId, me);
        PerMuResult result = repository.result(runId, enterpriseId, ruleOf(run))
                .orElseThrow(() -> DomainException.notFound("perMu.result", enterpriseId));
        if (me.scope().isEnterprise() && !result.creditCode().equals(me.creditCode())) {
            throw DomainException.notFound("perMu.result", enterpriseId);
        }
        return result;
    }

    /** How many enterprises got each grade ("-" for those not rated). */
    public Map<String, Long> gradeDistribution(long runId, LuoshiUser me) {
        PerMuRun run = run(runId, me);
        if (me.scope().isEnterprise()) {
            return new LinkedHashMap<>();
        }
        return repository.gradeDistribution(run.id());
    }

    public Map<String, long[]> gradesByPark(long runId, LuoshiUser me) {
        PerMuRun run = run(runId, me);
        if (me.scope().isEnterprise()) {
            return new LinkedHashMap<>();
        }
        return repository.gradesByPark(run.id());
    }

    /** An enterprise's results over the years, for its page (runs the user may see only). */
    public List<Object[]> history(long enterpriseId, LuoshiUser me) {
        enterprises.get(enterpriseId, me);
        return repository.resultsOf(enterpriseId, me.scope());
    }

    // ---- objections

    public List<PerMuObjection> objections(long runId, LuoshiUser me) {
        PerMuRun run = run(runId, me);
        return repository.objections(runId, ruleOf(run), me.scope().isEnterprise() ? me.creditCode() : null);
    }

    /** The objections the reader sees, each with what the reader may do to it now ({@link PerMuObjectionRules}). */
    public List<PerMuObjectionView> objectionViews(long runId, LuoshiUser me) {
        PerMuRun run = run(runId, me);
        PerMuObjectionRules.Standing standing = objectionStanding(run, me);
        return objections(runId, me).stream().map(o -> new PerMuObjectionView(o,
                PerMuObjectionRules.allowedOnObjection(run, o, standing))).toList();
    }

    /** What the reader may do on the run's objections: FILE for an enterprise that may object now. */
    public List<String> objectionActions(long runId, LuoshiUser me) {
        PerMuRun run = run(runId, me);
        return PerMuObjectionRules.allowedOnRun(run, objectionStanding(run, me));
    }

    private PerMuObjectionRules.Standing objectionStanding(PerMuRun run, LuoshiUser me) {
        boolean enterprise = me.scope().isEnterprise();
        boolean open = enterprise && enterprises.findByCreditCode(me.creditCode())
                .map(e -> repository.hasOpenObjection(run.id(), e.id())).orElse(false);
        return new PerMuObjectionRules.Standing(enterprise,
                computes(me) && me.scope().covers(units.get(run.regionId())), open);
    }

    /**
     * An enterprise objects to its published result, optionally with the figures it believes are right.
     */
    @Transactional
    public PerMuObjection fileObjection(long runId, String reason, PerMuInputs suggested, LuoshiUser actor) {
        PerMuRun run = run(runId, actor);
        PerMuObjectionRules.check(PerMuObjectionRules.Operation.FILE, run, null, objectionStanding(run, actor));
        if (!StringUtils.hasText(reason) || reason.strip().length() > 2000) {
            throw DomainException.invalidFields(List.of(new FieldProblem("reason", "validation.NotBlank")));
        }
        Enterprise enterprise = enterprises.findByCreditCode(actor.creditCode())
                .orElseThrow(() -> DomainException.notFound("enterprise", actor.creditCode()));
        long id = repository.insertObjection(runId, enterprise.id(), reason.strip(), suggested,
                actor.getUsername(), OffsetDateTime.now(clock));
        PerMuRule rule = ruleOf(run);
        PerMuObjection objection = repository.findObjection(id, rule).orElseThrow();
        events.publishEvent(new AuditRecord("perMu.objection.filed", "PerMuObjection", String.valueOf(id),
                run.regionId(), "企业「" + enterprise.name() + "」对" + run.year() + "年度亩均评价结果提出异议", null,
                objection));
        events.publishEvent(new NotificationRequested(
                Recipients.overseersOf(run.regionId(), Set.of(Role.UNIT_HANDLER, Role.UNIT_HEAD, Role.STATISTICIAN)),
                "PER_MU_OBJECTION", "亩均评价异议：" + enterprise.name(), reason.strip(),
                "/enterprises/per-mu/runs/" + runId + "#objections", "per-mu-objection-" + id));
        return objection;
    }

    /**
     * Re-scores an objection: the published inputs, corrected where the office says so, scored under the run's rule
     * and graded by the run's boundaries. The published result itself stays as it was.
     */
    @Transactional
    public PerMuObjection rescore(long objectionId, PerMuInputs corrections, String note, int version,
                                  LuoshiUser actor) {
        Decision d = decision(objectionId, PerMuObjectionRules.Operation.RESCORE, actor);
        PerMuResult published = repository.result(d.run.id(), d.objection.enterpriseId(), d.rule).orElseThrow();
        PerMuInputs base = published.inputs().correctedBy(d.objection.correctedInputs());
        PerMuInputs inputs = base.correctedBy(corrections);
        PerMuScore score = d.rule.score(inputs);
        if (!score.rated()) {
            throw DomainException.invalidFields(List.of(new FieldProblem("landMu", "perMu.error.notRatable")));
        }
        String grade = d.rule.grading() == PerMuGrading.SCORE
                ? PerMuRule.gradeOf(score.total(), d.rule.cutA(), d.rule.cutB(), d.rule.cutC())
                : PerMuRule.gradeOf(score.total(), d.run.gradeAMin(), d.run.gradeBMin(), d.run.gradeCMin());
        if (!repository.decide(objectionId, version, PerMuObjection.Status.RESCORED, inputs, score, grade, note,
                actor.getUsername(), OffsetDateTime.now(clock))) {
            throw DomainException.staleVersion(d.objection.enterpriseName());
        }
        PerMuObjection after = repository.findObjection(objectionId, d.rule).orElseThrow();
        events.publishEvent(new AuditRecord("perMu.objection.rescored", "PerMuObjection",
                String.valueOf(objectionId), d.run.regionId(),
                "复核企业「" + d.objection.enterpriseName() + "」亩均评价异议：" + published.grade() + " → " + grade,
                published, after));
        notifyEnterprise(d.objection, "亩均评价异议已复核：等级 " + grade, note);
        return after;
    }

    @Transactional
    public PerMuObjection reject(long objectionId, String note, int version, LuoshiUser actor) {
        Decision d = decision(objectionId, PerMuObjectionRules.Operation.REJECT, actor);
        if (!StringUtils.hasText(note)) {
            throw DomainException.invalidFields(List.of(new FieldProblem("note", "validation.NotBlank")));
        }
        if (!repository.decide(objectionId, version, PerMuObjection.Status.REJECTED, null, null, null, note.strip(),
                actor.getUsername(), OffsetDateTime.now(clock))) {
            throw DomainException.staleVersion(d.objection.enterpriseName());
        }
        PerMuObjection after = repository.findObjection(objectionId, d.rule).orElseThrow();
        events.publishEvent(new AuditRecord("perMu.objection.rejected", "PerMuObjection",
                String.valueOf(objectionId), d.run.regionId(),
                "驳回企业「" + d.objection.enterpriseName() + "」亩均评价异议", d.objection, after));
        notifyEnterprise(d.objection, "亩均评价异议未予采纳", note);
        return after;
    }

    private record Decision(PerMuRun run, PerMuRule rule, PerMuObjection objection) {
    }

    private Decision decision(long objectionId, PerMuObjectionRules.Operation op, LuoshiUser actor) {
        long runId = repository.runOfObjection(objectionId)
                .orElseThrow(() -> DomainException.notFound("perMu.objection", objectionId));
        PerMuRun run = repository.findVisibleRun(runId, actor.scope())
                .orElseThrow(() -> DomainException.notFound("perMu.objection", objectionId));
        PerMuRule rule = ruleOf(run);
        PerMuObjection objection = repository.findObjection(objectionId, rule).orElseThrow();
        if (actor.scope().isEnterprise() && !enterprises.findByCreditCode(actor.creditCode())
                .map(e -> e.id() == objection.enterpriseId()).orElse(false)) {
            // Another enterprise's objection does not exist for this one.
            throw DomainException.notFound("perMu.objection", objectionId);
        }
        PerMuObjectionRules.check(op, run, objection, objectionStanding(run, actor));
        return new Decision(run, rule, objection);
    }

    private void notifyEnterprise(PerMuObjection objection, String title, String body) {
        accounts.findByUsername(objection.filedBy()).ifPresent(user -> events.publishEvent(
                new NotificationRequested(Recipients.users(List.of(user.id())), "PER_MU_OBJECTION_DECIDED", title,
                        body == null ? "" : body, "/enterprises/per-mu/runs/" + objection.runId(),
                        "per-mu-objection-decided-" + objection.id())));
    }

    // ---- validation

    private OrgUnit validate(PerMuRuleDraft d, LuoshiUser actor) {
        List<FieldProblem> problems = new ArrayList<>();
        OrgUnit region = null;
        if (d.regionId() == null) {
            problems.add(new FieldProblem("regionId", "validation.NotNull"));
        } else {
            region = units.find(d.regionId()).filter(u -> actor.scope().covers(u)).orElse(null);
            if (region == null) {
                problems.add(new FieldProblem("regionId", "perMu.error.region"));
            } else if (region.kind() != OrgUnitKind.REGION && region.kind() != OrgUnitKind.PARK) {
                problems.add(new FieldProblem("regionId", "perMu.error.regionKind"));
            }
        }
        if (d.year() == null || d.year() < 2000 || d.year() > 2100) {
            problems.add(new FieldProblem("year", "enterprise.error.year"));
        }
        if (!StringUtils.hasText(d.name())) {
            problems.add(new FieldProblem("name", "validation.NotBlank"));
        } else if (d.name().strip().length() > 200) {
            problems.add(new FieldProblem("name", "validation.tooLong", 200));
        }
        if (d.grading() == null) {
            problems.add(new FieldProblem("grading", "validation.NotNull"));
        } else if (d.cutA() == null || d.cutB() == null || d.cutC() == null) {
            problems.add(new FieldProblem("cutA", "validation.NotNull"));
        } else if (d.grading() == PerMuGrading.SCORE) {
            if (!(d.cutA().compareTo(d.cutB()) > 0 && d.cutB().compareTo(d.cutC()) > 0 && d.cutC().signum() >= 0)) {
                problems.add(new FieldProblem("cutA", "perMu.error.scoreCuts"));
            }
        } else if (!(d.cutA().signum() > 0 && d.cutA().compareTo(d.cutB()) < 0 && d.cutB().compareTo(d.cutC()) < 0
                && d.cutC().compareTo(BigDecimal.ONE) <= 0)) {
            problems.add(new FieldProblem("cutA", "perMu.error.shareCuts"));
        }
        List<PerMuRule.Weighting> indicators = d.indicators() == null ? List.of() : d.indicators();
        if (indicators.isEmpty()) {
            problems.add(new FieldProblem("indicators", "validation.NotEmpty"));
        }
        Set<PerMuIndicator> seen = EnumSet.noneOf(PerMuIndicator.class);
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < indicators.size(); i++) {
            PerMuRule.Weighting w = indicators.get(i);
            String field = "indicators[" + i + "]";
            if (w.indicator() == null || !seen.add(w.indicator())) {
                problems.add(new FieldProblem(field + ".indicator", "perMu.error.indicator"));
            }
            if (w.weight() == null || w.weight().signum() <= 0) {
                problems.add(new FieldProblem(field + ".weight", "validation.Positive"));
            } else {
                total = total.add(w.weight());
            }
            if (w.benchmark() == null || w.benchmark().signum() <= 0) {
                problems.add(new FieldProblem(field + ".benchmark", "validation.Positive"));
            }
            if (w.cap() == null || w.cap().compareTo(BigDecimal.ONE) < 0 || w.cap().compareTo(BigDecimal.TEN) > 0) {
                problems.add(new FieldProblem(field + ".cap", "perMu.error.cap"));
            }
        }
        if (!indicators.isEmpty() && total.compareTo(BigDecimal.valueOf(100)) != 0) {
            problems.add(new FieldProblem("indicators", "perMu.error.weights", total.stripTrailingZeros()
                    .toPlainString()));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        return region;
    }
}
