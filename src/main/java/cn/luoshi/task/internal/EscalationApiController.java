package cn.luoshi.task.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.task.EscalationRung;
import cn.luoshi.task.UnitEscalations;
import com.fasterxml.jackson.annotation.JsonAlias;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The escalation ladder over HTTP: the rungs of one task and the steps on them (answered with the task, as every
 * task step is), the office's list of rungs and the counts per unit. 404 for a task outside the scope, 403 for the
 * wrong role, 409 for a rung the task's state does not allow, 400 for a skipped rung without its reason.
 */
@RestController
@RequestMapping("/api/v1")
class EscalationApiController {

    private final EscalationLadder ladder;
    private final TaskViews views;

    EscalationApiController(EscalationLadder ladder, TaskViews views) {
        this.ladder = ladder;
        this.views = views;
    }

    /** {@code all}: closed rungs too (by default only the open ones). */
    @GetMapping("/escalations")
    @PreAuthorize("isAuthenticated() and !hasRole('ENTERPRISE')")
    PageResponse<EscalationRow> list(@AuthenticationPrincipal LuoshiUser me,
                                     @RequestParam(required = false) EscalationRung rung,
                                     @RequestParam(required = false) Long unit,
                                     @RequestParam(defaultValue = "false") boolean all,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        return ladder.list(rung, unit, all, me, Paging.of(page, size));
    }

    /** Rungs raised per unit and rung from {@code from} to {@code to} inclusive (default: this year so far). */
    @GetMapping("/escalations/counts")
    @PreAuthorize("isAuthenticated() and !hasRole('ENTERPRISE')")
    List<UnitEscalations> counts(@AuthenticationPrincipal LuoshiUser me,
                                 @RequestParam(required = false) LocalDate from,
                                 @RequestParam(required = false) LocalDate to) {
        return ladder.counts(from, to, me);
    }

    @GetMapping("/tasks/{id}/escalations")
    List<EscalationRow> ofTask(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return ladder.ofTask(id, me);
    }

    /** A rung above the next one needs {@code reason}. */
    record EscalationRaiseRequest(EscalationRung rung, @JsonAlias("comment") String reason) {
    }

    @PostMapping("/tasks/{id}/escalations")
    ResponseEntity<TaskDetail> raise(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                                     @RequestBody EscalationRaiseRequest r) {
        long escalationId = ladder.raise(id, r.rung(), r.reason(), me);
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + id + "/escalations/" + escalationId))
                .body(views.detail(id, me));
    }

    record EscalationResponseRequest(@JsonAlias({"response", "comment"}) String text) {
    }

    @PostMapping("/tasks/{id}/escalations/{escalationId}/response")
    TaskDetail respond(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                       @PathVariable long escalationId, @RequestBody EscalationResponseRequest r) {
        ladder.respond(id, escalationId, r.text(), me);
        return views.detail(id, me);
    }

    /** {@code outcome}: RECTIFIED (default) or CONCLUDED. */
    record EscalationClosureRequest(EscalationOutcome outcome, @JsonAlias("comment") String note) {
    }

    @PostMapping("/tasks/{id}/escalations/{escalationId}/closure")
    TaskDetail close(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @PathVariable long escalationId,
                     @RequestBody EscalationClosureRequest r) {
        ladder.close(id, escalationId, r.outcome(), r.note(), me);
        return views.detail(id, me);
    }
}
