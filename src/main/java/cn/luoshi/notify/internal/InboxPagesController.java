package cn.luoshi.notify.internal;

import cn.luoshi.common.web.Paging;
import cn.luoshi.notify.Inbox;
import cn.luoshi.org.LuoshiUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class InboxPagesController {

    private final Inbox inbox;

    InboxPagesController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    String inbox(@AuthenticationPrincipal LuoshiUser me, @RequestParam(defaultValue = "false") boolean unread,
                 @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("notifications", inbox.list(me.id(), unread, Paging.of(page, 20)));
        model.addAttribute("unread", unread);
        return "notify/inbox";
    }

    @GetMapping("/inbox/badge")
    String badge(@AuthenticationPrincipal LuoshiUser me, Model model) {
        model.addAttribute("count", inbox.unreadCount(me.id()));
        return "notify/badge :: badge";
    }

    /** Opening a message marks it read and follows its link. */
    @GetMapping("/inbox/{id}/open")
    String open(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        inbox.markRead(me.id(), id);
        return "redirect:" + inbox.link(me.id(), id).filter(l -> StringUtils.hasText(l) && l.startsWith("/"))
                .orElse("/inbox");
    }

    @PostMapping("/inbox/{id}/read")
    String read(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        inbox.markRead(me.id(), id);
        return "redirect:/inbox";
    }

    @PostMapping("/inbox/read-all")
    String readAll(@AuthenticationPrincipal LuoshiUser me) {
        inbox.markAllRead(me.id());
        return "redirect:/inbox";
    }
}
