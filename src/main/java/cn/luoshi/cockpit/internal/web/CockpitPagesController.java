package cn.luoshi.cockpit.internal.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.luoshi.cockpit.Cockpit;
import cn.luoshi.cockpit.CockpitView;
import cn.luoshi.cockpit.internal.CockpitAssembly;
import cn.luoshi.cockpit.internal.IndicatorSets;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.web.Messages;
import cn.luoshi.indicator.Indicator;
import cn.luoshi.indicator.Indicators;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The cockpit page and the form that chooses a region's main indicators. */
@Controller
class CockpitPagesController {

    private final Cockpit cockpit;
    private final IndicatorSets sets;
    private final IndicatorSetViews views;
    private final Indicators indicators;
    private final OrgUnits units;
    private final Messages messages;
    private final JsonMapper json;

    CockpitPagesController(Cockpit cockpit, IndicatorSets sets, IndicatorSetViews views, Indicators indicators,
                           OrgUnits units, Messages messages, JsonMapper json) {
        this.cockpit = cockpit;
        this.sets = sets;
        this.views = views;
        this.indicators = indicators;
        this.units = units;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/cockpit")
    String page(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) String asOf, Model model) {
        if (!CockpitAssembly.mayRead(me)) {
            return "redirect:/";
        }
        CockpitView view;
        try {
            view = cockpit.picture(me, asOf);
        } catch (DomainException refused) {
            if (!"cockpit.error.asOf".equals(refused.code())) {
                throw refused;
            }
            // a month that cannot be read: say so and show the latest complete month
            model.addAttribute("asOfError", messages.get(refused.code(), refused.args()));
            view = cockpit.picture(me, null);
        }
        model.addAttribute("view", view);
        model.addAttribute("json", json.writeValueAsString(view));
        return "cockpit/page";
    }

    @GetMapping("/cockpit/indicators")
    String indicatorsForm(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) Long region,
                          Model model) {
        List<OrgUnit> regions = units.visible(me.scope(), false).stream().filter(OrgUnit::isRegion).toList();
        OrgUnit chosen = region != null ? sets.choosable(region, me)
                : sets.cockpitRegion(me).filter(u -> me.scope().covers(u))
                .map(u -> sets.choosable(u.id(), me))
                .orElseGet(() -> {
                    if (regions.isEmpty()) {
                        throw DomainException.notFound("org.unit", "-");
                    }
                    return sets.choosable(regions.getFirst().id(), me);
                });
        IndicatorSets.IndicatorSet set = sets.of(chosen);
        Set<Indicator> ordered = new LinkedHashSet<>(set.indicators());
        ordered.addAll(indicators.active());
        model.addAttribute("regions", regions);
        model.addAttribute("region", chosen);
        model.addAttribute("set", views.view(set));
        model.addAttribute("chosenCodes", set.codes());
        model.addAttribute("choices", new ArrayList<>(ordered));
        return "cockpit/indicators";
    }

    @PostMapping("/cockpit/indicators")
    String chooseIndicators(@AuthenticationPrincipal LuoshiUser me, @RequestParam long region,
                            @RequestParam(name = "indicators", required = false) List<String> codes,
                            @RequestParam(defaultValue = "save") String action, RedirectAttributes redirect) {
        try {
            if ("reset".equals(action)) {
                sets.reset(region, me);
            } else {
                sets.choose(region, codes, me);
            }
            redirect.addFlashAttribute("flashSuccess", messages.get("cockpit.indicators.saved"));
        } catch (DomainException refused) {
            if (refused.status().value() == 404) {
                throw refused;
            }
            String detail = refused.fieldProblems().isEmpty() ? messages.get(refused.code(), refused.args())
                    : messages.get(refused.fieldProblems().getFirst().code(),
                    refused.fieldProblems().getFirst().args());
            redirect.addFlashAttribute("flashError", detail);
        }
        return "redirect:/cockpit/indicators?region=" + region;
    }
}
