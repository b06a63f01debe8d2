package cn.luoshi.enterprise.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.web.FormErrors;
import cn.luoshi.common.web.Messages;
import cn.luoshi.common.web.Paging;
import cn.luoshi.enterprise.PerMuEvaluations;
import cn.luoshi.enterprise.PerMuGrading;
import cn.luoshi.enterprise.PerMuIndicator;
import cn.luoshi.enterprise.PerMuInputs;
import cn.luoshi.enterprise.PerMuRule;
import cn.luoshi.enterprise.PerMuRuleDraft;
import cn.luoshi.enterprise.PerMuRun;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnitKind;
import cn.luoshi.org.OrgUnits;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The per-mu evaluation pages: runs and rules, a run with its grade distribution and explanations, objections. */
@Controller
@RequestMapping("/enterprises/per-mu")
class PerMuPagesController {

    private final PerMuEvaluations evaluations;
    private final OrgUnits units;
    private final Messages messages;
    private final Clock clock;

    PerMuPagesController(PerMuEvaluations evaluations, OrgUnits units, Messages messages, Clock clock) {
        this.evaluations = evaluations;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String overview(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) Integer page,
                    Model model) {
        model.addAttribute("runs", evaluations.runs(null, Paging.of(page, 20), me));
        model.addAttribute("rules", evaluations.rules(me));
        model.addAttribute("computes", PerMuEvaluations.computes(me));
        model.addAttribute("regions", units.visible(me.scope(), false).stream()
                .filter(u -> u.kind() == OrgUnitKind.REGION || u.kind() == OrgUnitKind.PARK).toList());
        return "enterprise/per-mu";
    }

    @PostMapping("/runs")
    String start(@AuthenticationPrincipal LuoshiUser me, @RequestParam Long regionId, @RequestParam Long ruleId,
                 RedirectAttributes redirect) {
        try {
            PerMuRun run = evaluations.start(regionId, null, ruleId, me);
            redirect.addFlashAttribute("flashSuccess", messages.get("perMu.page.computed", run.enterpriseCount(),
                    run.computedMs()));
            return "redirect:/enterprises/per-mu/runs/" + run.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
            return "redirect:/enterprises/per-mu";
        }
    }

    @GetMapping("/runs/{id}")
    String run(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
               @RequestParam(required = false) Long park, @RequestParam(required = false) String grade,
               @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        PerMuRun run = evaluations.run(id, me);
        model.addAttribute("run", run);
        model.addAttribute("rule", evaluations.ruleOf(run));
        model.addAttribute("results", evaluations.results(id, park, StringUtils.hasText(grade) ? grade : null, q,
                Paging.of(page, 20), me));
        Map<String, Long> grades = evaluations.gradeDistribution(id, me);
        model.addAttribute("grades", grades);
        Map<String, long[]> byPark = evaluations.gradesByPark(id, me);
        model.addAttribute("parkNames", new ArrayList<>(byPark.keySet()));
        List<List<Long>> parkSeries = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            List<Long> series = new ArrayList<>();
            for (long[] counts : byPark.values()) {
                series.add(counts[g]);
            }
            parkSeries.add(series);
        }
        model.addAttribute("parkSeries", parkSeries);
        model.addAttribute("objections", evaluations.objectionViews(id, me));
        model.addAttribute("objectionActions", evaluations.objectionActions(id, me));
        model.addAttribute("filterPark", park);
        model.addAttribute("filterGrade", grade);
        model.addAttribute("q", q);
        String base = "/enterprises/per-mu/runs/" + id + "?grade=" + (grade == null ? "" : grade)
                + (park == null ? "" : "&park=" + park)
                + (StringUtils.hasText(q) ? "&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8) : "");
        model.addAttribute("base", base);
        boolean canChange = PerMuEvaluations.computes(me) && me.scope().covers(units.get(run.regionId()));
        model.addAttribute("canChange", canChange);
        model.addAttribute("canPublish", canChange && PerMuEvaluations.publishes(me));
        return "enterprise/run";
    }

    @PostMapping("/runs/{id}/publish")
    String publish(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @RequestParam int version,
                   RedirectAttributes redirect) {
        try {
            evaluations.publish(id, version, me);
            redirect.addFlashAttribute("flashSuccess", messages.get("perMu.page.published"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/enterprises/per-mu/runs/" + id;
    }

    @PostMapping("/runs/{id}/recompute")
    String recompute(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, RedirectAttributes redirect) {
        try {
            PerMuRun run = evaluations.recompute(id, me);
            redirect.addFlashAttribute("flashSuccess", messages.get("perMu.page.computed", run.enterpriseCount(),
                    run.computedMs()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/enterprises/per-mu/runs/" + id;
    }

    @PostMapping("/runs/{id}/discard")
    String discard(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, RedirectAttributes redirect) {
        try {
            evaluations.discard(id, me);
            redirect.addFlashAttribute("flashSuccess", messages.get("perMu.page.discarded"));
            return "redirect:/enterprises/per-mu";
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
            return "redirect:/enterprises/per-mu/runs/" + id;
        }
    }

    @PostMapping("/runs/{id}/objections")
    String object(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @RequestParam String reason,
                  @RequestParam(required = false) BigDecimal landMu, @RequestParam(required = false) BigDecimal tax,
                  @RequestParam(required = false) BigDecimal valueAdded, RedirectAttributes redirect) {
        try {
            evaluations.fileObjection(id, reason, new PerMuInputs(landMu, null, tax, valueAdded, null, null, null,
                    null), me);
            redirect.addFlashAttribute("flashSuccess", messages.get("perMu.page.objectionFiled"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/enterprises/per-mu/runs/" + id + "#objections";
    }

    @PostMapping("/objections/{id}/decide")
    String decide(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @RequestParam long runId,
                  @RequestParam String decision, @RequestParam int version,
                  @RequestParam(required = false) String note, @RequestParam(required = false) BigDecimal landMu,
                  @RequestParam(required = false) BigDecimal tax,
                  @RequestParam(required = false) BigDecimal valueAdded, RedirectAttributes redirect) {
        try {
            if ("reject".equals(decision)) {
                evaluations.reject(id, note, version, me);
            } else {
                evaluations.rescore(id, new PerMuInputs(landMu, null, tax, valueAdded, null, null, null, null), note,
                        version, me);
            }
            redirect.addFlashAttribute("flashSuccess", messages.get("common.saved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/enterprises/per-mu/runs/" + runId + "#objections";
    }

    // ---- rules

    @GetMapping("/rules/new")
    String ruleForm(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) Long from, Model model) {
        if (!PerMuEvaluations.computes(me)) {
            throw DomainException.forbidden("error.forbidden");
        }
        PerMuRule template = from == null ? null : evaluations.rule(from, me);
        model.addAttribute("template", template);
        Map<PerMuIndicator, PerMuRule.Weighting> weights = new java.util.EnumMap<>(PerMuIndicator.class);
        if (template != null) {
            template.indicators().forEach(w -> weights.put(w.indicator(), w));
        }
        model.addAttribute("weights", weights);
        model.addAttribute("indicators", PerMuIndicator.values());
        model.addAttribute("regions", units.visible(me.scope(), false).stream()
                .filter(u -> u.kind() == OrgUnitKind.REGION || u.kind() == OrgUnitKind.PARK).toList());
        model.addAttribute("year", template != null ? template.year() : LocalDate.now(clock).getYear() - 1);
        return "enterprise/rule-form";
    }

    @PostMapping("/rules")
    String writeRule(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) Long regionId,
                     @RequestParam(required = false) Integer year, @RequestParam(required = false) String name,
                     @RequestParam(required = false) PerMuGrading grading,
                     @RequestParam(required = false) BigDecimal cutA, @RequestParam(required = false) BigDecimal cutB,
                     @RequestParam(required = false) BigDecimal cutC,
                     @RequestParam(required = false) List<String> indicator,
                     @RequestParam(required = false) List<String> weight,
                     @RequestParam(required = false) List<String> benchmark,
                     @RequestParam(required = false) List<String> cap, RedirectAttributes redirect) {
        List<PerMuRule.Weighting> weightings = new ArrayList<>();
        for (int i = 0; indicator != null && i < indicator.size(); i++) {
            if (!StringUtils.hasText(weight.get(i))) {
                continue; // an indicator without weight is not part of the rule
            }
            weightings.add(new PerMuRule.Weighting(PerMuIndicator.valueOf(indicator.get(i)), decimal(weight.get(i)),
                    decimal(benchmark.get(i)), decimal(cap.get(i))));
        }
        try {
            PerMuRule rule = evaluations.writeRule(new PerMuRuleDraft(regionId, year, name, grading, cutA, cutB, cutC,
                    weightings), me);
            redirect.addFlashAttribute("flashSuccess", messages.get("perMu.page.ruleWritten", rule.version()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
            return "redirect:/enterprises/per-mu/rules/new";
        }
        return "redirect:/enterprises/per-mu";
    }

    private static BigDecimal decimal(String text) {
        try {
            return StringUtils.hasText(text) ? new BigDecimal(text.strip()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
