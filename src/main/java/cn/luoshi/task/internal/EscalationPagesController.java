package cn.luoshi.task.internal;

import java.time.Clock;
import java.time.LocalDate;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.web.FormErrors;
import cn.luoshi.common.web.Messages;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.Role;
import cn.luoshi.task.EscalationRung;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office's list of rungs on the ladder (督办台账) and the ladder's forms on the task page. */
@Controller
class EscalationPagesController {

    private final EscalationLadder ladder;
    private final TaskFormOptions options;
    private final Messages messages;
    private final Clock clock;

    EscalationPagesController(EscalationLadder ladder, TaskFormOptions options, Messages messages, Clock clock) {
        this.ladder = ladder;
        this.options = options;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/tasks/escalations")
    String list(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) EscalationRung rung,
                @RequestParam(required = false) Long unit, @RequestParam(defaultValue = "false") boolean all,
                @RequestParam(required = false) Integer page, Model model) {
        if (me.has(Role.ENTERPRISE)) {
            throw DomainException.forbidden("error.forbidden");
        }
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("escalations", ladder.list(rung, unit, all, me, Paging.of(page, null)));
        model.addAttribute("counts", ladder.counts(today.withDayOfYear(1), today, me));
        model.addAttribute("rungs", EscalationRung.values());
        model.addAttribute("units", options.units(me));
        model.addAttribute("rung", rung);
        model.addAttribute("unit", unit);
        model.addAttribute("all", all);
        model.addAttribute("baseUrl", "/tasks/escalations?all=" + all + (rung == null ? "" : "&rung=" + rung)
                + (unit == null ? "" : "&unit=" + unit));
        return "task/escalations";
    }

    @PostMapping("/tasks/{id:\\d+}/escalations")
    String raise(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                 @RequestParam(required = false) EscalationRung rung, @RequestParam(required = false) String reason,
                 RedirectAttributes redirect) {
        return act(id, redirect, "task.done.escalated", () -> ladder.raise(id, rung, reason, me));
    }

    @PostMapping("/tasks/{id:\\d+}/escalations/{escalationId:\\d+}/response")
    String respond(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @PathVariable long escalationId,
                   @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return act(id, redirect, "task.done.escalationResponded",
                () -> ladder.respond(id, escalationId, text, me));
    }

    @PostMapping("/tasks/{id:\\d+}/escalations/{escalationId:\\d+}/closure")
    String close(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @PathVariable long escalationId,
                 @RequestParam(required = false) EscalationOutcome outcome,
                 @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(id, redirect, "task.done.escalationClosed",
                () -> ladder.close(id, escalationId, outcome, note, me));
    }

    private String act(long id, RedirectAttributes redirect, String doneCode, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flashSuccess", messages.get(doneCode));
        } catch (DomainException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", FormErrors.message(e, messages));
        }
        return "redirect:/tasks/" + id;
    }
}
