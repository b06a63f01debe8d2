package cn.luoshi.indicator.internal.web;

import java.util.Arrays;
import java.util.List;

import cn.luoshi.indicator.Benchmark;
import cn.luoshi.indicator.Benchmarks;
import cn.luoshi.indicator.Indicators;
import cn.luoshi.indicator.Ranking;
import cn.luoshi.indicator.Rankings;
import cn.luoshi.org.LuoshiUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Rankings among siblings and two-region benchmarks. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize(IndicatorApiController.READERS)
class StatisticsApiController {

    private final Indicators indicators;
    private final Rankings rankings;
    private final Benchmarks benchmarks;
    private final Params params;

    StatisticsApiController(Indicators indicators, Rankings rankings, Benchmarks benchmarks, Params params) {
        this.indicators = indicators;
        this.rankings = rankings;
        this.benchmarks = benchmarks;
        this.params = params;
    }

    /**
     * {@code indicator}, {@code period}, {@code by=value|growth}, and {@code parent=} (rank its children) or
     * {@code unit=} (rank it among its siblings); units by id or code. Optional {@code kind} ranks another kind
     * than the headline value (cumulative for flows, level for stocks).
     */
    @GetMapping("/rankings")
    Ranking rank(@AuthenticationPrincipal LuoshiUser me, @RequestParam String indicator,
                 @RequestParam String period, @RequestParam(required = false) String by,
                 @RequestParam(required = false) String parent, @RequestParam(required = false) String unit,
                 @RequestParam(required = false) String kind) {
        return rankings.rank(indicators.get(indicator), Params.requiredPeriod(period, "period"), Params.by(by),
                Params.kind(kind), params.unit(parent, "parent"), params.unit(unit, "unit"), me);
    }

    /** Two regions side by side; {@code indicators} is an optional comma-separated list of codes or names. */
    @GetMapping("/benchmark")
    Benchmark benchmark(@AuthenticationPrincipal LuoshiUser me, @RequestParam String a, @RequestParam String b,
                        @RequestParam String period, @RequestParam(required = false) String indicators) {
        List<String> codes = indicators == null || indicators.isBlank() ? List.of()
                : Arrays.stream(indicators.split("[,，]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return benchmarks.compare(params.requiredUnit(a, "a"), params.requiredUnit(b, "b"), Params.requiredPeriod(period, "period"),
                codes, me);
    }
}
