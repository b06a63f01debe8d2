package cn.luoshi.cockpit.internal.web;

import java.util.List;

import cn.luoshi.cockpit.Cockpit;
import cn.luoshi.cockpit.CockpitView;
import cn.luoshi.cockpit.internal.IndicatorSets;
import cn.luoshi.org.LuoshiUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/cockpit?asOf=YYYY-MM}: the whole cockpit of the caller's scope as JSON, the same figures the
 * page shows; and the set of main indicators a region's cockpit shows.
 */
@RestController
@RequestMapping("/api/v1/cockpit")
@PreAuthorize("!hasRole('ENTERPRISE')")
class CockpitApiController {

    private final Cockpit cockpit;
    private final IndicatorSetViews views;
    private final IndicatorSets sets;

    CockpitApiController(Cockpit cockpit, IndicatorSetViews views, IndicatorSets sets) {
        this.cockpit = cockpit;
        this.views = views;
        this.sets = sets;
    }

    @GetMapping
    CockpitView get(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) String asOf) {
        return cockpit.picture(me, asOf);
    }

    /** The set of a region (default: the region of the caller's cockpit). */
    @GetMapping("/indicators")
    IndicatorSetViews.View indicators(@AuthenticationPrincipal LuoshiUser me,
                                      @RequestParam(required = false) Long region) {
        return views.view(views.readable(region, me));
    }

    record IndicatorSetRequest(@NotNull List<String> indicators) {
    }

    @PutMapping("/indicators/{regionId}")
    @PreAuthorize("hasAnyRole('STATISTICIAN', 'ADMIN')")
    IndicatorSetViews.View choose(@AuthenticationPrincipal LuoshiUser me, @PathVariable long regionId,
                                  @Valid @RequestBody IndicatorSetRequest request) {
        return views.view(sets.choose(regionId, request.indicators(), me));
    }

    @DeleteMapping("/indicators/{regionId}")
    @PreAuthorize("hasAnyRole('STATISTICIAN', 'ADMIN')")
    IndicatorSetViews.View reset(@AuthenticationPrincipal LuoshiUser me, @PathVariable long regionId) {
        return views.view(sets.reset(regionId, me));
    }
}
