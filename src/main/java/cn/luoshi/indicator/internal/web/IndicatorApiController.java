package cn.luoshi.indicator.internal.web;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.web.Downloads;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.indicator.Indicator;
import cn.luoshi.indicator.IndicatorDefinition;
import cn.luoshi.indicator.IndicatorSet;
import cn.luoshi.indicator.Indicators;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

/** The indicator catalogue and its import templates. */
@RestController
@RequestMapping("/api/v1/indicators")
@PreAuthorize(IndicatorApiController.READERS)
class IndicatorApiController {

    /** Every signed-in official reads statistics; enterprise accounts do not. */
    static final String READERS = "hasAnyRole('LEADER', 'SUPERVISOR', 'UNIT_HANDLER', 'UNIT_HEAD', 'STATISTICIAN', "
            + "'ADMIN')";
    static final String EDITORS = "hasAnyRole('STATISTICIAN', 'ADMIN')";

    private final Indicators indicators;
    private final OrgUnits units;
    private final Clock clock;

    IndicatorApiController(Indicators indicators, OrgUnits units, Clock clock) {
        this.indicators = indicators;
        this.units = units;
        this.clock = clock;
    }

    /** The catalogue, optionally one set or matching a name ("GDP", "社零"). */
    @GetMapping
    PageResponse<Indicator> list(@RequestParam(required = false) IndicatorSet set,
                                 @RequestParam(required = false) String q,
                                 @RequestParam(defaultValue = "false") boolean includeInactive) {
        List<Indicator> all = (includeInactive ? indicators.all() : indicators.active()).stream()
                .filter(i -> set == null || i.set() == set)
                .filter(i -> q == null || q.isBlank() || matches(i, q))
                .toList();
        return new PageResponse<>(all, 0, all.size(), all.size());
    }

    private boolean matches(Indicator indicator, String q) {
        String needle = q.strip().toUpperCase(Locale.ROOT);
        return indicator.code().contains(needle) || indicator.nameZh().contains(q.strip())
                || indicator.nameEn().toUpperCase(Locale.ROOT).contains(needle)
                || indicators.findByName(q).map(found -> found.id() == indicator.id()).orElse(false);
    }

    @GetMapping("/{code}")
    Indicator get(@PathVariable String code) {
        return indicators.get(code);
    }

    @PostMapping
    @PreAuthorize(EDITORS)
    ResponseEntity<Indicator> create(@AuthenticationPrincipal LuoshiUser me,
                                     @Valid @RequestBody IndicatorDefinition definition) {
        Indicator created = indicators.create(definition, me);
        return ResponseEntity.created(URI.create("/api/v1/indicators/" + created.code())).body(created);
    }

    record UpdateRequest(@Valid @NotNull IndicatorDefinition indicator, @NotNull Integer version) {
    }

    @PutMapping("/{code}")
    @PreAuthorize(EDITORS)
    Indicator update(@AuthenticationPrincipal LuoshiUser me, @PathVariable String code,
                     @Valid @RequestBody UpdateRequest request) {
        return indicators.update(code, request.indicator(), request.version(), me);
    }

    /**
     * The import template of an indicator set as XLSX: {@code layout=wide} (default) has one row per indicator and
     * unit of the caller's scope and one column per period of this year; {@code layout=long} one row per value.
     */
    @GetMapping("/template")
    void template(@AuthenticationPrincipal LuoshiUser me, @RequestParam(defaultValue = "ECONOMY") IndicatorSet set,
                  @RequestParam(defaultValue = "wide") String layout, HttpServletResponse response)
            throws IOException {
        List<Indicator> chosen = indicators.active().stream().filter(i -> i.set() == set && !i.derived()).toList();
        List<OrgUnit> regions = templateUnits(me);
        String name = "导入模板-" + set.name() + "-" + layout + ".xlsx";
        xlsx(response, name);
        YearMonth now = YearMonth.now(clock);
        if ("long".equalsIgnoreCase(layout)) {
            Workbooks.longTemplate(response.getOutputStream(), set.name(), chosen, regions.getFirst(), now);
        } else {
            Workbooks.wideTemplate(response.getOutputStream(), set.name(), chosen, regions, now);
        }
    }

    /** The scope unit and the regions below it: the rows a statistician fills. */
    private List<OrgUnit> templateUnits(LuoshiUser me) {
        if (me.scope().rootUnitId() == null) {
            if (me.scope().global()) {
                List<OrgUnit> roots = units.visible(me.scope(), false).stream().filter(u -> u.parentId() == null)
                        .toList();
                if (!roots.isEmpty()) {
                    return regionsUnder(roots.getFirst());
                }
            }
            throw DomainException.forbidden("indicator.error.onlyStatistician");
        }
        return regionsUnder(units.get(me.scope().rootUnitId()));
    }

    private List<OrgUnit> regionsUnder(OrgUnit root) {
        List<OrgUnit> rows = new java.util.ArrayList<>();
        rows.add(root);
        units.children(root.id()).stream().filter(u -> u.isRegion() && u.active()).forEach(rows::add);
        return rows;
    }

    static void xlsx(HttpServletResponse response, String filename) {
        Downloads.start(response, Downloads.XLSX, filename);
    }
}
