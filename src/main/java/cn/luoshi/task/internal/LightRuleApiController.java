package cn.luoshi.task.internal;

import java.util.List;

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
import org.springframework.web.bind.annotation.RestController;

/**
 * Light thresholds per region. Gaps are shares of 1 (0.1 = 10 percentage points); values above 1 are read as
 * percentages, so {@code "yellowGap": 10} works too.
 */
@RestController
@RequestMapping("/api/v1/light-rules")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class LightRuleApiController {

    private final LightRuleSettings settings;

    LightRuleApiController(LightRuleSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    List<LightRuleSettings.UnitRule> list(@AuthenticationPrincipal LuoshiUser me) {
        return settings.list(me);
    }

    @GetMapping("/{unitId}")
    LightRuleSettings.UnitRule get(@AuthenticationPrincipal LuoshiUser me, @PathVariable long unitId) {
        return settings.get(unitId, me);
    }

    record RuleRequest(@NotNull Integer blueWithinDays, @NotNull Double yellowGap, @NotNull Double redGap) {
    }

    @PutMapping("/{unitId}")
    LightRuleSettings.UnitRule set(@AuthenticationPrincipal LuoshiUser me, @PathVariable long unitId,
                                   @Valid @RequestBody RuleRequest r) {
        return settings.set(unitId, r.blueWithinDays(), share(r.yellowGap()), share(r.redGap()), me);
    }

    @DeleteMapping("/{unitId}")
    LightRuleSettings.UnitRule clear(@AuthenticationPrincipal LuoshiUser me, @PathVariable long unitId) {
        return settings.clear(unitId, me);
    }

    static double share(double value) {
        return value > 1 ? value / 100.0 : value;
    }
}
