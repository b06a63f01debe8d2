package cn.luoshi.enterprise.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.web.FormErrors;
import cn.luoshi.common.web.Messages;
import cn.luoshi.common.web.Paging;
import cn.luoshi.enterprise.Enterprise;
import cn.luoshi.enterprise.EnterpriseDraft;
import cn.luoshi.enterprise.EnterpriseFigures;
import cn.luoshi.enterprise.EnterpriseFilter;
import cn.luoshi.enterprise.Enterprises;
import cn.luoshi.enterprise.PerMuEvaluations;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
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

/** The enterprise register pages: list with revenue tiers, enterprise page with its figures and grades. */
@Controller
@RequestMapping("/enterprises")
class EnterprisePagesController {

    private final Enterprises enterprises;
    private final PerMuEvaluations evaluations;
    private final OrgUnits units;
    private final Messages messages;
    private final Clock clock;

    EnterprisePagesController(Enterprises enterprises, PerMuEvaluations evaluations, OrgUnits units,
                              Messages messages, Clock clock) {
        this.enterprises = enterprises;
        this.evaluations = evaluations;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) String q,
                @RequestParam(required = false) Long unit, @RequestParam(required = false) String industry,
                @RequestParam(required = false) Boolean aboveScale,
                @RequestParam(required = false) Boolean specialised, @RequestParam(required = false) Integer page,
                Model model) {
        EnterpriseFilter filter = new EnterpriseFilter(q, unit, StringUtils.hasText(industry) ? industry : null,
                aboveScale, specialised, null);
        model.addAttribute("enterprises", enterprises.list(filter, Paging.of(page, 20), me));
        model.addAttribute("tiers", enterprises.revenueTiers(unit, null, me));
        model.addAttribute("filter", filter);
        StringBuilder query = new StringBuilder();
        if (StringUtils.hasText(q)) {
            query.append("q=").append(java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (unit != null) {
            query.append(query.isEmpty() ? "" : "&").append("unit=").append(unit);
        }
        if (aboveScale != null) {
            query.append(query.isEmpty() ? "" : "&").append("aboveScale=").append(aboveScale);
        }
        model.addAttribute("query", query.toString());
        model.addAttribute("units", units.visible(me.scope(), false).stream()
                .filter(u -> u.kind() == OrgUnitKind.REGION || u.kind() == OrgUnitKind.PARK).toList());
        model.addAttribute("maintains", Enterprises.maintains(me));
        return "enterprise/list";
    }

    @GetMapping("/{id}")
    String detail(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, Model model) {
        Enterprise enterprise = enterprises.get(id, me);
        model.addAttribute("e", enterprise);
        model.addAttribute("figures", enterprises.figures(id, me));
        model.addAttribute("history", evaluations.history(id, me));
        model.addAttribute("maintains", Enterprises.maintains(me));
        model.addAttribute("lastYear", LocalDate.now(clock).getYear() - 1);
        return "enterprise/detail";
    }

    @PostMapping("/{id}/figures")
    String saveFigures(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @RequestParam int year,
                       @RequestParam(required = false) BigDecimal revenue,
                       @RequestParam(required = false) BigDecimal tax,
                       @RequestParam(required = false) BigDecimal valueAdded,
                       @RequestParam(required = false) BigDecimal energyTce,
                       @RequestParam(required = false) BigDecimal rdSpending,
                       @RequestParam(required = false) Integer employees,
                       @RequestParam(required = false) BigDecimal emissionsT, RedirectAttributes redirect) {
        try {
            enterprises.saveFigures(id, new EnterpriseFigures(year, revenue, tax, valueAdded, energyTce, rdSpending,
                    employees, emissionsT), me);
            redirect.addFlashAttribute("flashSuccess", messages.get("common.saved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/enterprises/" + id;
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal LuoshiUser me, Model model) {
        return form(me, model, null);
    }

    private String form(LuoshiUser me, Model model, EnterpriseDraft draft) {
        if (!Enterprises.maintains(me)) {
            throw DomainException.forbidden("error.forbidden");
        }
        List<OrgUnit> all = units.workingArea(me.scope());
        model.addAttribute("draft", draft);
        model.addAttribute("regions", all.stream().filter(u -> u.kind() == OrgUnitKind.REGION && u.depth() >= 1)
                .toList());
        model.addAttribute("parks", all.stream().filter(u -> u.kind() == OrgUnitKind.PARK).toList());
        model.addAttribute("departments", units.visible(me.scope(), false).stream()
                .filter(u -> u.kind() == OrgUnitKind.DEPARTMENT).toList());
        return "enterprise/form";
    }

    @PostMapping
    String register(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) String creditCode,
                    @RequestParam(required = false) String name, @RequestParam(required = false) String industryCode,
                    @RequestParam(required = false) Long regionId, @RequestParam(required = false) Long parkId,
                    @RequestParam(required = false) Long competentUnitId,
                    @RequestParam(defaultValue = "false") boolean aboveScale,
                    @RequestParam(defaultValue = "false") boolean specialised,
                    @RequestParam(defaultValue = "false") boolean listed,
                    @RequestParam(required = false) BigDecimal landMu, Model model, RedirectAttributes redirect) {
        EnterpriseDraft draft = new EnterpriseDraft(creditCode, name, industryCode, regionId, parkId,
                competentUnitId, aboveScale, specialised, listed, landMu);
        try {
            Enterprise created = enterprises.register(draft, me);
            redirect.addFlashAttribute("flashSuccess", messages.get("common.saved") + "：" + created.name());
            return "redirect:/enterprises/" + created.id();
        } catch (DomainException e) {
            FormErrors.addTo(model, e, messages);
            return form(me, model, draft);
        }
    }
}
