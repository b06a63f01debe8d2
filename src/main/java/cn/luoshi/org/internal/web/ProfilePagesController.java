package cn.luoshi.org.internal.web;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.web.FormErrors;
import cn.luoshi.common.web.Messages;
import cn.luoshi.org.ApiTokens;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.UserAccounts;
import cn.luoshi.org.internal.SignedInSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's own settings: password and personal API tokens. */
@Controller
class ProfilePagesController {

    private final UserAccounts accounts;
    private final ApiTokens tokens;
    private final SignedInSession session;
    private final Messages messages;

    ProfilePagesController(UserAccounts accounts, ApiTokens tokens, Messages messages, SignedInSession session) {
        this.session = session;
        this.accounts = accounts;
        this.tokens = tokens;
        this.messages = messages;
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal LuoshiUser me, Model model) {
        model.addAttribute("tokens", tokens.list(me));
        return "org/profile";
    }

    @PostMapping("/profile/password")
    String changePassword(@AuthenticationPrincipal LuoshiUser me, @RequestParam String currentPassword,
                          @RequestParam String newPassword, RedirectAttributes redirect,
                          HttpServletRequest request, HttpServletResponse response) {
        try {
            int stamp = accounts.changeOwnPassword(me, currentPassword, newPassword);
            session.renew(me.withCredentialsVersion(stamp), request, response);
            redirect.addFlashAttribute("flashSuccess", messages.get("org.profile.passwordChanged"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/profile";
    }

    @PostMapping("/profile/tokens")
    String issue(@AuthenticationPrincipal LuoshiUser me, @RequestParam String name,
                 @RequestParam(required = false) Integer validDays, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("issuedToken", tokens.issue(me, name, validDays));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/profile";
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, RedirectAttributes redirect) {
        try {
            tokens.revoke(me, id);
            redirect.addFlashAttribute("flashSuccess", messages.get("org.profile.tokenRevoked"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/profile";
    }
}
