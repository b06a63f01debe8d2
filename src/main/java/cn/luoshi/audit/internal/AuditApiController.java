package cn.luoshi.audit.internal;

import java.time.OffsetDateTime;

import cn.luoshi.audit.AuditEntry;
import cn.luoshi.audit.AuditTrail;
import cn.luoshi.audit.ChainVerification;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.LuoshiUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'LEADER')")
class AuditApiController {

    private final AuditTrail trail;

    AuditApiController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/events")
    PageResponse<AuditEntry> events(@AuthenticationPrincipal LuoshiUser me,
                                    @RequestParam(required = false) String actor,
                                    @RequestParam(required = false) String action,
                                    @RequestParam(required = false) String entityType,
                                    @RequestParam(required = false) String entityId,
                                    @RequestParam(required = false) Long unit,
                                    @RequestParam(required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                                    @RequestParam(required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                                    @RequestParam(required = false) String q,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        return trail.search(me.scope(), new AuditTrail.Filter(actor, action, entityType, entityId, unit, from, to, q),
                Paging.of(page, size));
    }

    /** Whether the hash chain is intact; walks the whole log. */
    @GetMapping("/verify")
    ChainVerification verify() {
        return trail.verify();
    }
}
