package cn.luoshi.org.internal.web;

import java.util.List;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.web.FormErrors;
import cn.luoshi.common.web.Messages;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnitKind;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.org.internal.RegionImport;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The org tree page and the unit page with its administrative actions. */
@Controller
class OrgPagesController {

    private final OrgUnits units;
    private final RegionImport regions;
    private final Messages messages;

    OrgPagesController(OrgUnits units, RegionImport regions, Messages messages) {
        this.units = units;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/org")
    String tree(@AuthenticationPrincipal LuoshiUser me, @RequestParam(defaultValue = "false") boolean inactive,
                Model model) {
        model.addAttribute("roots", units.tree(me.scope(), inactive));
        model.addAttribute("inactive", inactive);
        model.addAttribute("isAdmin", me.has(Role.ADMIN));
        model.addAttribute("kinds", OrgUnitKind.values());
        model.addAttribute("provinces", regions.provinces());
        return "org/tree";
    }

    @GetMapping("/org/units/{id}")
    String unit(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, Model model) {
        OrgUnit unit = units.getVisible(id, me.scope());
        model.addAttribute("unit", unit);
        model.addAttribute("parent", unit.parentId() == null ? null : units.find(unit.parentId()).orElse(null));
        model.addAttribute("children", units.children(id));
        model.addAttribute("isAdmin", me.has(Role.ADMIN));
        model.addAttribute("kinds", OrgUnitKind.values());
        List<OrgUnit> targets = units.visible(me.scope(), false).stream().filter(u -> !u.isWithin(unit)).toList();
        model.addAttribute("moveTargets", targets);
        return "org/unit";
    }

    @PostMapping("/org/units")
    String create(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) Long parentId,
                  @RequestParam String name, @RequestParam(required = false) String code,
                  @RequestParam OrgUnitKind kind, @RequestParam(defaultValue = "0") int sortOrder,
                  RedirectAttributes redirect) {
        try {
            OrgUnit created = units.create(parentId, code, name, kind, sortOrder, me);
            redirect.addFlashAttribute("flashSuccess", messages.get("common.saved") + "：" + created.name());
            return "redirect:/org/units/" + created.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
            return parentId == null ? "redirect:/org" : "redirect:/org/units/" + parentId;
        }
    }

    @PostMapping("/org/units/{id}/rename")
    String rename(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @RequestParam String name,
                  @RequestParam(required = false) String code, @RequestParam int version,
                  RedirectAttributes redirect) {
        return act(id, redirect, () -> units.rename(id, name, code, version, me));
    }

    @PostMapping("/org/units/{id}/move")
    String move(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                @RequestParam(required = false) Long parentId, @RequestParam int version,
                RedirectAttributes redirect) {
        return act(id, redirect, () -> units.move(id, parentId, version, me));
    }

    @PostMapping("/org/units/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @RequestParam int version,
                      RedirectAttributes redirect) {
        return act(id, redirect, () -> units.deactivate(id, version, me));
    }

    @PostMapping("/org/units/{id}/activate")
    String activate(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @RequestParam int version,
                    RedirectAttributes redirect) {
        return act(id, redirect, () -> units.activate(id, version, me));
    }

    @PostMapping("/org/import")
    String importRegions(@AuthenticationPrincipal LuoshiUser me, @RequestParam String province,
                         @RequestParam(required = false) Long parentId, RedirectAttributes redirect) {
        try {
            RegionImport.Report report = regions.importProvince(province, parentId, me);
            redirect.addFlashAttribute("flashSuccess", messages.get("org.import.done", report.created(),
                    report.renamed(), report.unchanged()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/org";
    }

    private String act(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flashSuccess", messages.get("common.saved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/org/units/" + id;
    }
}
