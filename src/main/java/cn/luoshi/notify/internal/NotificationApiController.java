package cn.luoshi.notify.internal;

import java.util.Map;

import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.notify.Inbox;
import cn.luoshi.notify.Notification;
import cn.luoshi.org.LuoshiUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The current user's inbox. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationApiController {

    private final Inbox inbox;

    NotificationApiController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    PageResponse<Notification> list(@AuthenticationPrincipal LuoshiUser me,
                                     @RequestParam(defaultValue = "false") boolean unread,
                                     @RequestParam(required = false) String q,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        return inbox.list(me.id(), unread, q, Paging.of(page, size));
    }

    @GetMapping("/unread-count")
    Map<String, Long> unreadCount(@AuthenticationPrincipal LuoshiUser me) {
        return Map.of("unread", inbox.unreadCount(me.id()));
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        inbox.markRead(me.id(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    Map<String, Integer> readAll(@AuthenticationPrincipal LuoshiUser me) {
        return Map.of("marked", inbox.markAllRead(me.id()));
    }
}
