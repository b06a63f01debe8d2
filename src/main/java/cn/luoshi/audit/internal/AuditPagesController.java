package cn.luoshi.audit.internal;

import java.time.LocalDate;
import java.time.ZoneId;

import cn.luoshi.audit.AuditTrail;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.LuoshiUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'LEADER')")
class AuditPagesController {

    private final AuditTrail trail;
    private final ZoneId zone;

    AuditPagesController(AuditTrail trail, cn.luoshi.common.LuoshiProperties properties) {
        this.trail = trail;
        this.zone = properties.zone();
    }

    @GetMapping("/audit")
    String list(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) String actor,
                @RequestParam(required = false) String action, @RequestParam(required = false) String entityType,
                @RequestParam(required = false) String q,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Integer page, Model model) {
        var filter = new AuditTrail.Filter(actor, action, entityType, null, null,
                from == null ? null : from.atStartOfDay(zone).toOffsetDateTime(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), q);
        model.addAttribute("events", trail.search(me.scope(), filter, Paging.of(page, 30)));
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("entityType", entityType);
        model.addAttribute("q", q);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "audit/list";
    }

    @GetMapping("/audit/verify")
    String verify(Model model) {
        model.addAttribute("result", trail.verify());
        return "audit/list :: verification";
    }
}
