package cn.luoshi.target.internal.web;

import java.math.BigDecimal;
import java.util.List;

import cn.luoshi.org.LuoshiUser;
import cn.luoshi.target.internal.GrowthRules;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * The light thresholds of growth targets per region, in percentage points below the target rate
 * ({@code "yellowPoints": 0.5, "redPoints": 2}); the counterpart of {@code /api/v1/light-rules} for time-progress.
 */
@RestController
@RequestMapping("/api/v1/growth-light-rules")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class GrowthRuleApiController {

    private final GrowthRules rules;

    GrowthRuleApiController(GrowthRules rules) {
        this.rules = rules;
    }

    @GetMapping
    List<GrowthRules.UnitGrowthRule> list(@AuthenticationPrincipal LuoshiUser me) {
        return rules.list(me);
    }

    @GetMapping("/{unitId}")
    GrowthRules.UnitGrowthRule get(@AuthenticationPrincipal LuoshiUser me, @PathVariable long unitId) {
        return rules.get(unitId, me);
    }

    record GrowthRuleRequest(@NotNull BigDecimal yellowPoints, @NotNull BigDecimal redPoints) {
    }

    @PutMapping("/{unitId}")
    GrowthRules.UnitGrowthRule set(@AuthenticationPrincipal LuoshiUser me, @PathVariable long unitId,
                             @Valid @RequestBody GrowthRuleRequest request) {
        return rules.set(unitId, request.yellowPoints(), request.redPoints(), me);
    }

    @DeleteMapping("/{unitId}")
    GrowthRules.UnitGrowthRule clear(@AuthenticationPrincipal LuoshiUser me, @PathVariable long unitId) {
        return rules.clear(unitId, me);
    }
}
