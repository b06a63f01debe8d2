package cn.luoshi.target.internal.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.target.Decomposition;
import cn.luoshi.target.DecompositionResult;
import cn.luoshi.target.NewTarget;
import cn.luoshi.target.Target;
import cn.luoshi.target.TargetProgress;
import cn.luoshi.target.TargetStatus;
import cn.luoshi.target.Targets;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Targets, their decomposition and their attainment; every answer within the caller's data scope. */
@RestController
@RequestMapping("/api/v1/targets")
@PreAuthorize(TargetApiController.READERS)
class TargetApiController {

    static final String READERS = "hasAnyRole('LEADER', 'SUPERVISOR', 'UNIT_HANDLER', 'UNIT_HEAD', 'STATISTICIAN', "
            + "'ADMIN')";
    static final String EDITORS = "hasAnyRole('STATISTICIAN', 'SUPERVISOR', 'ADMIN')";

    private final Targets targets;
    private final OrgUnits units;

    TargetApiController(Targets targets, OrgUnits units) {
        this.targets = targets;
        this.units = units;
    }

    @GetMapping
    PageResponse<Target> list(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) String unit,
                              @RequestParam(required = false) Integer year,
                              @RequestParam(required = false) TargetStatus status,
                              @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        return targets.list(unitId(unit), year, status, me, Paging.of(page, size));
    }

    @PostMapping
    @PreAuthorize(EDITORS)
    ResponseEntity<Target> create(@AuthenticationPrincipal LuoshiUser me, @Valid @RequestBody NewTarget target) {
        Target created = targets.register(target, me);
        return ResponseEntity.created(URI.create("/api/v1/targets/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    Target get(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return targets.getVisible(id, me);
    }

    record UpdateRequest(@Valid @NotNull NewTarget target, @NotNull Integer version) {
    }

    @PutMapping("/{id}")
    @PreAuthorize(EDITORS)
    Target update(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                  @Valid @RequestBody UpdateRequest request) {
        return targets.update(id, request.target(), request.version(), me);
    }

    record VersionRequest(@NotNull Integer version) {
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize(EDITORS)
    Target publish(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                   @Valid @RequestBody VersionRequest request) {
        return targets.publish(id, request.version(), me);
    }

    /** Splits the target among units below its own; for additive indicators a gap is refused unless accepted. */
    @PostMapping("/{id}/decompose")
    @PreAuthorize(EDITORS)
    DecompositionResult decompose(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                                  @Valid @RequestBody Decomposition decomposition) {
        return targets.decompose(id, decomposition, me);
    }

    @GetMapping("/{id}/children")
    List<Target> children(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return targets.children(id, me);
    }

    /**
     * Attainment of a unit's targets (default: the caller's scope unit) running in a year (default: this year) as
     * of a day (default: today), with lights and the progress of each decomposition.
     */
    @GetMapping("/progress")
    List<TargetProgress> progress(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) String unit,
                                  @RequestParam(required = false) Integer year,
                                  @RequestParam(required = false)
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return targets.progress(unitId(unit), year, asOf, me);
    }

    @GetMapping("/{id}/progress")
    TargetProgress progressOf(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                              @RequestParam(required = false) Integer year,
                              @RequestParam(required = false)
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return targets.progressOf(id, year, asOf, me);
    }

    /** A unit named by its code (990100) or its id. */
    private Long unitId(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var byCode = units.findByCode(text.strip());
        if (byCode.isPresent()) {
            return byCode.get().id();
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalidFields(List.of(new FieldProblem("unit", "indicator.error.badUnit", text)));
        }
    }
}
