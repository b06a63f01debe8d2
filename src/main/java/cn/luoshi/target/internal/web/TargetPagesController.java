package cn.luoshi.target.internal.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.web.FormErrors;
import cn.luoshi.common.web.Messages;
import cn.luoshi.indicator.Indicators;
import cn.luoshi.indicator.RankBy;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.target.Decomposition;
import cn.luoshi.target.DecompositionResult;
import cn.luoshi.target.NewTarget;
import cn.luoshi.target.ProgressProfile;
import cn.luoshi.target.Target;
import cn.luoshi.target.TargetComparator;
import cn.luoshi.target.TargetProgress;
import cn.luoshi.target.Targets;
import cn.luoshi.target.internal.GrowthRules;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The target pages: a unit's targets with their lights, one target with its decomposition. */
@Controller
@PreAuthorize(TargetApiController.READERS)
class TargetPagesController {

    private final Targets targets;
    private final Indicators indicators;
    private final OrgUnits units;
    private final Messages messages;
    private final GrowthRules growthRules;
    private final Clock clock;

    TargetPagesController(Targets targets, Indicators indicators, OrgUnits units, Messages messages,
                          GrowthRules growthRules, Clock clock) {
        this.targets = targets;
        this.indicators = indicators;
        this.units = units;
        this.messages = messages;
        this.growthRules = growthRules;
        this.clock = clock;
    }

    @GetMapping("/targets")
    String list(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) Long unit,
                @RequestParam(required = false) Integer year,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                Model model) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        int y = year == null ? day.getYear() : year;
        List<OrgUnit> choices = units.visible(me.scope(), false);
        Long unitId = unit != null ? unit : me.scope().rootUnitId() != null ? me.scope().rootUnitId()
                : choices.isEmpty() ? null : choices.getFirst().id();
        List<TargetProgress> progress = unitId == null ? List.of() : targets.progress(unitId, y, day, me);
        model.addAttribute("progress", progress);
        model.addAttribute("units", choices);
        model.addAttribute("unitId", unitId);
        model.addAttribute("year", y);
        model.addAttribute("asOf", day);
        GrowthRules.UnitGrowthRule growthRule = unitId == null ? null : growthRules.get(unitId, me);
        model.addAttribute("growthRule", growthRule);
        model.addAttribute("growthRuleSource", growthRule == null ? null : growthRule.own() != null
                ? messages.get("target.growthRule.own") : growthRule.inheritedFrom() != null
                ? messages.get("target.growthRule.inherited", growthRule.inheritedFrom().name())
                : messages.get("target.growthRule.default"));
        model.addAttribute("canSetLights", GrowthRules.mayManage(me));
        addFormChoices(me, model);
        return "target/list";
    }

    /** The growth-target light rule of the unit shown (or back to the rule above it). */
    @PostMapping("/targets/growth-rule/{unitId}")
    String setGrowthRule(@AuthenticationPrincipal LuoshiUser me, @PathVariable long unitId,
                         @RequestParam(required = false) BigDecimal yellowPoints,
                         @RequestParam(required = false) BigDecimal redPoints,
                         @RequestParam(defaultValue = "false") boolean clear, RedirectAttributes redirect) {
        try {
            if (clear) {
                growthRules.clear(unitId, me);
            } else {
                if (yellowPoints == null || redPoints == null) {
                    throw DomainException.invalid("target.error.growthThresholds");
                }
                growthRules.set(unitId, yellowPoints, redPoints, me);
            }
            redirect.addFlashAttribute("flashSuccess", messages.get("common.saved"));
        } catch (DomainException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/targets?unit=" + unitId;
    }

    private void addFormChoices(LuoshiUser me, Model model) {
        model.addAttribute("canEdit", me.hasAny(Role.STATISTICIAN, Role.SUPERVISOR, Role.ADMIN));
        model.addAttribute("indicators", indicators.active());
        model.addAttribute("comparators", TargetComparator.values());
        model.addAttribute("profiles", ProgressProfile.values());
    }

    @PostMapping("/targets")
    @PreAuthorize(TargetApiController.EDITORS)
    String create(@AuthenticationPrincipal LuoshiUser me, @RequestParam String indicator, @RequestParam Long unitId,
                  @RequestParam Integer year, @RequestParam(required = false) Integer baseYear,
                  @RequestParam TargetComparator comparator, @RequestParam(required = false) RankBy measure,
                  @RequestParam(required = false) BigDecimal value,
                  @RequestParam(defaultValue = "LINEAR") ProgressProfile profile,
                  @RequestParam(required = false) String title, RedirectAttributes redirect) {
        try {
            Target created = targets.register(new NewTarget(indicator, unitId, year, baseYear, comparator, measure,
                    value, null, profile, title, null, null, false), me);
            redirect.addFlashAttribute("flashSuccess", messages.get("common.saved") + "：" + created.wording());
            return "redirect:/targets/" + created.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
            return "redirect:/targets?unit=" + unitId + "&year=" + year;
        }
    }

    @GetMapping("/targets/{id}")
    String detail(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                  @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                  Model model) {
        Target target = targets.getVisible(id, me);
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        TargetProgress progress = targets.progressOf(id, year, day, me);
        List<TargetProgress> children = new ArrayList<>();
        for (Target child : targets.children(id, me)) {
            children.add(targets.progressOf(child.id(), year, day, me));
        }
        model.addAttribute("target", target);
        model.addAttribute("progress", progress);
        model.addAttribute("children", children);
        model.addAttribute("parent", target.parentId() == null ? null
                : safeParent(target.parentId(), me));
        // Direct sub-units in scope, regions first: a city splits its GDP among districts, its investment also
        // among departments.
        model.addAttribute("candidates", units.children(target.unitId()).stream()
                .filter(u -> u.active() && me.scope().covers(u))
                .sorted(java.util.Comparator.comparing((OrgUnit u) -> !u.isRegion()).thenComparingInt(OrgUnit::sortOrder))
                .toList());
        java.util.Map<Long, BigDecimal> shares = new java.util.HashMap<>();
        children.forEach(c -> shares.put(c.target().unitId(), c.target().value()));
        model.addAttribute("shares", shares);
        model.addAttribute("asOf", day);
        addFormChoices(me, model);
        return "target/detail";
    }

    private Target safeParent(long parentId, LuoshiUser me) {
        try {
            return targets.getVisible(parentId, me);
        } catch (DomainException e) {
            return null;
        }
    }

    @PostMapping("/targets/{id}/publish")
    @PreAuthorize(TargetApiController.EDITORS)
    String publish(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @RequestParam int version,
                   RedirectAttributes redirect) {
        try {
            targets.publish(id, version, me);
            redirect.addFlashAttribute("flashSuccess", messages.get("target.published"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/targets/" + id;
    }

    /** The decomposition form: one value per sub-unit (blank = no share), and "accept the gap" when it must be. */
    @PostMapping("/targets/{id}/decompose")
    @PreAuthorize(TargetApiController.EDITORS)
    String decompose(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                     @RequestParam(name = "unitId") List<Long> unitIds,
                     @RequestParam(name = "value") List<String> values,
                     @RequestParam(defaultValue = "false") boolean acceptGap, RedirectAttributes redirect) {
        List<Decomposition.Share> shares = new ArrayList<>();
        for (int i = 0; i < unitIds.size() && i < values.size(); i++) {
            String v = values.get(i) == null ? "" : values.get(i).strip();
            if (!v.isEmpty()) {
                try {
                    shares.add(new Decomposition.Share(unitIds.get(i), new BigDecimal(v.replace(",", ""))));
                } catch (NumberFormatException e) {
                    redirect.addFlashAttribute("flashError", messages.get("indicator.import.problem.badNumber", v));
                    return "redirect:/targets/" + id;
                }
            }
        }
        try {
            if (shares.isEmpty()) {
                throw DomainException.invalid("target.error.noShares");
            }
            DecompositionResult result = targets.decompose(id, new Decomposition(shares, acceptGap), me);
            redirect.addFlashAttribute(result.warning() == null ? "flashSuccess" : "flashError",
                    result.warning() == null ? messages.get("target.decomposed", result.children().size())
                            : messages.get("target.decomposedWithGap", result.children().size(), result.warning()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/targets/" + id;
    }
}
