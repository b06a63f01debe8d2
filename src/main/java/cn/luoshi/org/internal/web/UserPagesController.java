package cn.luoshi.org.internal.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.web.FormErrors;
import cn.luoshi.common.web.Messages;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.NewUser;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.org.UserAccount;
import cn.luoshi.org.UserAccounts;
import cn.luoshi.org.UserChanges;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserPagesController {

    private final UserAccounts accounts;
    private final OrgUnits units;
    private final Messages messages;

    UserPagesController(UserAccounts accounts, OrgUnits units, Messages messages) {
        this.accounts = accounts;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping
    String list(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) String q,
                @RequestParam(required = false) Role role, @RequestParam(required = false) Integer page,
                Model model) {
        model.addAttribute("users", accounts.list(me.scope(), q, role, null, Paging.of(page, 20)));
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("roles", Role.values());
        return "org/users";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal LuoshiUser me, Model model) {
        return form(me, model, null);
    }

    @GetMapping("/{id}")
    String edit(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, Model model) {
        return form(me, model, accounts.get(id, me.scope()));
    }

    private String form(LuoshiUser me, Model model, UserAccount user) {
        model.addAttribute("user", user);
        model.addAttribute("roles", Role.values());
        model.addAttribute("units", units.visible(me.scope(), false));
        return "org/user-form";
    }

    @PostMapping
    String create(@AuthenticationPrincipal LuoshiUser me, @RequestParam String username,
                  @RequestParam String displayName, @RequestParam String password,
                  @RequestParam(required = false) Long unitId, @RequestParam(required = false) Long scopeUnitId,
                  @RequestParam(required = false) List<Role> roles, @RequestParam(required = false) String creditCode,
                  @RequestParam(required = false) String phone, Model model, RedirectAttributes redirect) {
        try {
            UserAccount created = accounts.create(new NewUser(username, displayName, password, unitId, scopeUnitId,
                    toSet(roles), creditCode, phone), me);
            redirect.addFlashAttribute("flashSuccess", messages.get("common.saved") + "：" + created.username());
            return "redirect:/admin/users";
        } catch (DomainException e) {
            FormErrors.addTo(model, e, messages);
            model.addAttribute("draft", new NewUser(username, displayName, "", unitId, scopeUnitId, toSet(roles),
                    creditCode, phone));
            return form(me, model, null);
        }
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @RequestParam String displayName,
                  @RequestParam(required = false) Long unitId, @RequestParam(required = false) Long scopeUnitId,
                  @RequestParam(required = false) List<Role> roles, @RequestParam(required = false) String creditCode,
                  @RequestParam(required = false) String phone, @RequestParam(defaultValue = "false") boolean enabled,
                  @RequestParam int version, Model model, RedirectAttributes redirect) {
        try {
            accounts.update(id, new UserChanges(displayName, unitId, scopeUnitId, toSet(roles), creditCode, phone,
                    enabled, version), me);
            redirect.addFlashAttribute("flashSuccess", messages.get("common.saved"));
            return "redirect:/admin/users/" + id;
        } catch (DomainException e) {
            FormErrors.addTo(model, e, messages);
            return form(me, model, accounts.get(id, me.scope()));
        }
    }

    @PostMapping("/{id}/password")
    String resetPassword(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                         @RequestParam String password, RedirectAttributes redirect) {
        try {
            accounts.resetPassword(id, password, me);
            redirect.addFlashAttribute("flashSuccess", messages.get("org.users.passwordReset"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/admin/users/" + id;
    }

    private static Set<Role> toSet(List<Role> roles) {
        return roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }
}
