package cn.luoshi.appeal.internal.web;

import java.util.List;

import cn.luoshi.appeal.Appeal;
import cn.luoshi.appeal.Appeals;
import cn.luoshi.appeal.FiledAppeal;
import cn.luoshi.appeal.Rating;
import cn.luoshi.appeal.internal.AppealCatalog;
import cn.luoshi.appeal.internal.PublicIntakeGuard;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.web.FormErrors;
import cn.luoshi.common.web.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The enterprise-facing pages that need no account: the appeal form, the receipt with the follow-up link, and the
 * follow-up page of one appeal (status, history, answer, rating). Laid out for a phone first.
 */
@Controller
@RequestMapping("/public/appeals")
class PublicAppealPagesController {

    private final Appeals appeals;
    private final AppealCatalog catalog;
    private final PublicIntakeGuard guard;
    private final Messages messages;

    PublicAppealPagesController(Appeals appeals, AppealCatalog catalog, PublicIntakeGuard guard, Messages messages) {
        this.appeals = appeals;
        this.catalog = catalog;
        this.guard = guard;
        this.messages = messages;
    }

    @GetMapping({"", "/new"})
    String form(Model model) {
        model.addAttribute("form", new AppealForm());
        return show(model);
    }

    private String show(Model model) {
        model.addAttribute("categories", catalog.categories(true));
        model.addAttribute("action", "/public/appeals");
        model.addAttribute("publicForm", true);
        return "appeal/public-form";
    }

    @PostMapping
    String submit(@ModelAttribute("form") AppealForm form,
                  @RequestPart(name = "files", required = false) List<MultipartFile> files, HttpServletRequest request,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            guard.check(ClientAddress.of(request));
            FiledAppeal filed = appeals.filePublic(form.toCommand(), files == null ? List.of() : files);
            redirect.addFlashAttribute("code", filed.code());
            redirect.addFlashAttribute("token", filed.followUpToken());
            redirect.addFlashAttribute("answerDueAt", filed.answerDueAt());
            redirect.addFlashAttribute("deadlineEstimated", filed.deadlineEstimated());
            return "redirect:/public/appeals/receipt";
        } catch (DomainException e) {
            FormErrors.addTo(model, e, messages);
            response.setStatus(e.status().value());
            return show(model);
        }
    }

    @GetMapping("/receipt")
    String receipt(Model model) {
        if (!model.containsAttribute("code")) {
            return "redirect:/public/appeals/new";
        }
        Object code = model.getAttribute("code");
        Object token = model.getAttribute("token");
        model.addAttribute("trackUrl", UriComponentsBuilder.fromPath("/public/appeals/track")
                .queryParam("code", code).queryParam("token", token).build().encode().toUriString());
        return "appeal/public-receipt";
    }

    @GetMapping("/track")
    String track(@RequestParam(required = false) String code, @RequestParam(required = false) String token,
                 HttpServletRequest request, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("token", token);
        if (code == null || code.isBlank() || token == null || token.isBlank()) {
            return "appeal/public-track";
        }
        try {
            guard.checkLookup(ClientAddress.of(request));
            Appeal appeal = appeals.byToken(code, token);
            model.addAttribute("appeal", appeal);
            model.addAttribute("history", appeals.historyByToken(code, token));
            model.addAttribute("ratings", Rating.values());
        } catch (DomainException e) {
            model.addAttribute("formError", messages.get(e.code(), e.args()));
        }
        return "appeal/public-track";
    }

    @PostMapping("/track/rating")
    String rate(@RequestParam String code, @RequestParam String token, @RequestParam(required = false) Rating rating,
                @RequestParam(required = false) String comment, @RequestParam(required = false) Integer version,
                HttpServletRequest request, RedirectAttributes redirect) {
        try {
            guard.checkLookup(ClientAddress.of(request));
            Appeal appeal = appeals.byToken(code, token);
            appeals.rateWithToken(appeal.id(), token, rating, comment, version);
            redirect.addFlashAttribute("flashSuccess", messages.get("appeal.page.rated"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/public/appeals/track").queryParam("code", code)
                .queryParam("token", token).build().encode().toUriString();
    }
}
