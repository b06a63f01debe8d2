package cn.luoshi.indicator.internal.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.web.FormErrors;
import cn.luoshi.common.web.Messages;
import cn.luoshi.common.web.Paging;
import cn.luoshi.indicator.Benchmark;
import cn.luoshi.indicator.Benchmarks;
import cn.luoshi.indicator.Figure;
import cn.luoshi.indicator.Grid;
import cn.luoshi.indicator.ImportReport;
import cn.luoshi.indicator.Indicator;
import cn.luoshi.indicator.IndicatorSet;
import cn.luoshi.indicator.Indicators;
import cn.luoshi.indicator.ObservationImports;
import cn.luoshi.indicator.ObservationKind;
import cn.luoshi.indicator.Observations;
import cn.luoshi.indicator.Period;
import cn.luoshi.indicator.RankBy;
import cn.luoshi.indicator.Ranking;
import cn.luoshi.indicator.Rankings;
import cn.luoshi.indicator.internal.StatisticsAccess;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/** The statistics pages: catalogue, data grid with trend lines, import, rankings and benchmark. */
@Controller
@PreAuthorize(IndicatorApiController.READERS)
class IndicatorPagesController {

    private final Indicators indicators;
    private final Observations observations;
    private final ObservationImports imports;
    private final Rankings rankings;
    private final Benchmarks benchmarks;
    private final StatisticsAccess access;
    private final OrgUnits units;
    private final Params params;
    private final Messages messages;
    private final JsonMapper json;
    private final Clock clock;
    private final UploadFolder uploads;

    IndicatorPagesController(Indicators indicators, Observations observations, ObservationImports imports,
                             Rankings rankings, Benchmarks benchmarks, StatisticsAccess access, OrgUnits units,
                             Params params, Messages messages, JsonMapper json, Clock clock,
                             UploadFolder uploads) {
        this.indicators = indicators;
        this.observations = observations;
        this.imports = imports;
        this.rankings = rankings;
        this.benchmarks = benchmarks;
        this.access = access;
        this.units = units;
        this.params = params;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.uploads = uploads;
    }

    @GetMapping("/indicators")
    String catalogue(Model model) {
        Map<IndicatorSet, List<Indicator>> bySet = new LinkedHashMap<>();
        for (IndicatorSet set : IndicatorSet.values()) {
            bySet.put(set, new ArrayList<>());
        }
        indicators.active().forEach(i -> bySet.get(i.set()).add(i));
        model.addAttribute("bySet", bySet);
        model.addAttribute("tab", "catalogue");
        return "indicator/catalogue";
    }

    @GetMapping("/indicators/data")
    String data(@AuthenticationPrincipal LuoshiUser me, @RequestParam(defaultValue = "GDP") String indicator,
                @RequestParam(required = false) String unit, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String kind,
                Model model) {
        Indicator chosen = indicators.get(indicator);
        ObservationKind k = Params.kind(kind);
        Grid grid = GridUnits.grid(observations, units, access, me, chosen, params.unit(unit, "unit"),
                Params.period(from, "from"), Params.period(to, "to"), k);
        List<String> labels = grid.periods().stream().map(p -> Workbooks.header(p, grid.kind())).toList();
        model.addAttribute("grid", grid);
        model.addAttribute("labels", labels);
        model.addAttribute("indicator", chosen);
        model.addAttribute("indicators", indicators.active());
        model.addAttribute("regions", access.readableRegions(me));
        model.addAttribute("unitId", grid.rows().getFirst().unit().id());
        model.addAttribute("kind", grid.kind());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("chart", json.writeValueAsString(trendChart(grid, labels)));
        model.addAttribute("tab", "data");
        return "indicator/data";
    }

    @GetMapping("/indicators/data.xlsx")
    void export(@AuthenticationPrincipal LuoshiUser me, @RequestParam String indicator,
                @RequestParam(required = false) String unit, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String kind,
                HttpServletResponse response) throws IOException {
        Indicator chosen = indicators.get(indicator);
        Grid grid = GridUnits.grid(observations, units, access, me, chosen, params.unit(unit, "unit"),
                Params.period(from, "from"), Params.period(to, "to"), Params.kind(kind));
        IndicatorApiController.xlsx(response, chosen.nameZh() + ".xlsx");
        Workbooks.grid(response.getOutputStream(), grid);
    }

    /** Distinct colours per unit, so a unit's yearly pieces of a cumulative series share one colour. */
    private static final String[] PALETTE = {"#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272",
            "#fc8452", "#9a60b4", "#ea7ccc", "#8d6e63"};

    /**
     * One line per unit. Cumulative values restart every January, so their line is broken at each new year (one
     * piece per year, same name and colour) instead of plunging from December to January.
     */
    private Map<String, Object> trendChart(Grid grid, List<String> labels) {
        boolean cumulative = grid.kind() == ObservationKind.YTD;
        List<Map<String, Object>> series = new ArrayList<>();
        int index = 0;
        for (Grid.Row row : grid.rows()) {
            String color = PALETTE[index++ % PALETTE.length];
            List<Integer> years = grid.periods().stream().map(Period::year).distinct().toList();
            for (int year : cumulative ? years : List.of(0)) {
                List<BigDecimal> values = new ArrayList<>();
                for (int i = 0; i < grid.periods().size(); i++) {
                    Figure f = row.cells().get(i);
                    boolean inPiece = !cumulative || grid.periods().get(i).year() == year;
                    values.add(f == null || !inPiece ? null : f.value());
                }
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("name", row.unit().name());
                line.put("type", "line");
                line.put("color", color);
                line.put("connectNulls", false);
                line.put("data", values);
                series.add(line);
            }
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("type", "scroll", "top", 0));
        option.put("grid", Map.of("left", 60, "right", 20, "top", 40, "bottom", 40));
        option.put("xAxis", Map.of("type", "category", "data", labels));
        option.put("yAxis", Map.of("type", "value", "name", grid.kind() == ObservationKind.GROWTH ? "%"
                : grid.indicator().measureUnit()));
        option.put("series", series);
        return option;
    }

    // ---- import ----

    @GetMapping("/indicators/import")
    String importPage(@AuthenticationPrincipal LuoshiUser me, Model model) {
        model.addAttribute("sets", IndicatorSet.values());
        model.addAttribute("canImport", me.hasAny(Role.STATISTICIAN, Role.ADMIN));
        model.addAttribute("recent", imports.recent(me, new Paging(0, 10)));
        model.addAttribute("tab", "import");
        return "indicator/import";
    }

    /**
     * Starts a background check of the file and answers with the progress panel, which polls until the preview (or
     * the refusal) is ready; nothing is written until the user confirms the preview.
     */
    @PostMapping("/indicators/import")
    @PreAuthorize(IndicatorApiController.EDITORS)
    String startImport(@AuthenticationPrincipal LuoshiUser me, @RequestParam("file") MultipartFile file,
                       Model model) throws IOException {
        try {
            if (file.isEmpty()) {
                throw DomainException.invalid("error.badUpload");
            }
            Path saved = uploads.save(file);
            long id = imports.startInBackground(saved, file.getOriginalFilename() == null ? "upload"
                    : file.getOriginalFilename(), me, true);
            return progress(me, id, model);
        } catch (DomainException e) {
            model.addAttribute("uploadError", FormErrors.message(e, messages));
            return "indicator/import :: progress";
        }
    }

    /** Writes a previewed file; answers with the progress panel of the import that writes it. */
    @PostMapping("/indicators/import/{id}/confirm")
    @PreAuthorize(IndicatorApiController.EDITORS)
    String confirmImport(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, Model model) {
        try {
            return progress(me, imports.confirm(id, me), model);
        } catch (DomainException e) {
            model.addAttribute("uploadError", FormErrors.message(e, messages));
            return "indicator/import :: progress";
        }
    }

    @GetMapping("/indicators/import/{id}")
    String progress(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, Model model) {
        ImportReport report = imports.status(id, me);
        model.addAttribute("report", report);
        List<String> problems = report.problems().stream()
                .map(p -> ImportMessages.text(messages, org.springframework.context.i18n.LocaleContextHolder
                        .getLocale(), p)).toList();
        model.addAttribute("problemTexts", problems);
        return "indicator/import :: progress";
    }

    // ---- rankings ----

    @GetMapping("/indicators/rankings")
    String rankingsPage(@AuthenticationPrincipal LuoshiUser me, @RequestParam(defaultValue = "GDP") String indicator,
                        @RequestParam(required = false) String period, @RequestParam(required = false) String by,
                        @RequestParam(required = false) String parent, Model model) {
        Indicator chosen = indicators.get(indicator);
        Period p = period == null || period.isBlank() ? Period.year(YearMonth.now(clock).getYear() - 1)
                : Params.requiredPeriod(period, "period");
        OrgUnit home = homeRegion(me);
        Long parentId = params.unit(parent, "parent");
        if (parentId == null) {
            parentId = home.parentId() != null && access.canReadChildrenOf(me, units.get(home.parentId()))
                    ? home.parentId() : home.id();
        }
        OrgUnit parentUnit = units.get(parentId);
        Long focus = home.parentId() != null && home.parentId().equals(parentId) ? home.id() : null;
        RankBy rankBy = Params.by(by);
        Ranking ranking = rankings.rank(chosen, p, rankBy, null, parentId, focus, me);
        model.addAttribute("ranking", ranking);
        model.addAttribute("indicator", chosen);
        model.addAttribute("indicators", indicators.active());
        model.addAttribute("period", p.code());
        model.addAttribute("by", rankBy);
        model.addAttribute("parentId", parentUnit.id());
        model.addAttribute("parents", access.readableRegions(me).stream()
                .filter(u -> access.canReadChildrenOf(me, u) && !units.children(u.id()).isEmpty()).toList());
        model.addAttribute("chart", json.writeValueAsString(barChart(ranking)));
        model.addAttribute("tab", "rankings");
        return "indicator/rankings";
    }

    private Map<String, Object> barChart(Ranking ranking) {
        List<String> names = new ArrayList<>();
        List<Map<String, Object>> values = new ArrayList<>();
        for (Ranking.Entry entry : ranking.entries()) {
            if (entry.value() == null) {
                continue;
            }
            names.add(entry.unit().name());
            values.add(Map.of("value", entry.value(), "itemStyle", Map.of("color", entry.focus() ? "#b3261e"
                    : "#6b8fb5")));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("grid", Map.of("left", 60, "right", 20, "top", 30, "bottom", 40));
        option.put("xAxis", Map.of("type", "category", "data", names));
        option.put("yAxis", Map.of("type", "value", "name", ranking.by() == RankBy.GROWTH ? "%"
                : ranking.measureUnit()));
        option.put("series", List.of(Map.of("type", "bar", "data", values, "label",
                Map.of("show", true, "position", "top"))));
        return option;
    }

    // ---- benchmark ----

    @GetMapping("/indicators/benchmark")
    String benchmarkPage(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) String a,
                         @RequestParam(required = false) String b, @RequestParam(required = false) String period,
                         Model model) {
        OrgUnit home = homeRegion(me);
        Long aId = params.unit(a, "a");
        if (aId == null) {
            aId = home.id();
        }
        OrgUnit first = access.readable(me, aId);
        Long bId = params.unit(b, "b");
        if (bId == null && first.parentId() != null) {
            bId = units.children(first.parentId()).stream()
                    .filter(u -> u.id() != first.id() && u.kind() == first.kind() && access.canRead(me, u))
                    .map(OrgUnit::id).findFirst().orElse(null);
        }
        Period p = period == null || period.isBlank() ? Period.year(YearMonth.now(clock).getYear() - 1)
                : Params.requiredPeriod(period, "period");
        model.addAttribute("regions", access.readableRegions(me));
        model.addAttribute("aId", aId);
        model.addAttribute("bId", bId);
        model.addAttribute("period", p.code());
        if (bId != null) {
            Benchmark benchmark = benchmarks.compare(aId, bId, p, List.of(), me);
            model.addAttribute("benchmark", benchmark);
        }
        model.addAttribute("tab", "benchmark");
        return "indicator/benchmark";
    }

    /**
     * The region a user's figures are about: the scope unit, or for a department's scope the region it belongs to
     * (市发改委 ranks and compares 示例市).
     */
    private OrgUnit homeRegion(LuoshiUser me) {
        return units.regionOf(GridUnits.root(units, access, me, null).id());
    }

    /** Numbers as tables show them: the indicator's decimals, no exponent. */
    static String shown(BigDecimal value, int decimals) {
        if (value == null) {
            return "";
        }
        return value.setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static boolean computed(Figure figure) {
        return figure != null && figure.computed();
    }
}
