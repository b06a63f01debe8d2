package cn.luoshi.indicator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.indicator.internal.Catalogue;
import cn.luoshi.indicator.internal.Formula;
import cn.luoshi.indicator.internal.IndicatorRepository;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicator catalogue (指标库): lookup by code or by any Chinese name or alias, for tables, speeches and other
 * modules, and the guarded additions and edits statisticians make.
 */
@Service
public class Indicators {

    /** The catalogue is small and read on every ranking; a snapshot lives this long before it is read again. */
    private static final long SNAPSHOT_MILLIS = 30_000;

    private final IndicatorRepository repository;
    private final ApplicationEventPublisher events;
    private volatile Catalogue snapshot;
    private volatile long snapshotAt;

    Indicators(IndicatorRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    /** Every indicator, active or not, in catalogue order. */
    public List<Indicator> all() {
        return catalogue().all();
    }

    public List<Indicator> active() {
        return catalogue().all().stream().filter(Indicator::active).toList();
    }

    public Optional<Indicator> find(int id) {
        return catalogue().byId(id);
    }

    public Optional<Indicator> findByCode(String code) {
        return catalogue().byCode(code);
    }

    /**
     * The indicator a table header or a speech means: its code, Chinese name or an alias ("GDP", "生产总值",
     * "规上工业增加值", "工业总产值" …), ignoring width, spaces, quotes, case and a bracketed unit.
     */
    public Optional<Indicator> findByName(String name) {
        return catalogue().byName(name);
    }

    /** By code or name; "not found" otherwise. */
    public Indicator get(String codeOrName) {
        return catalogue().byCode(codeOrName).or(() -> catalogue().byName(codeOrName))
                .orElseThrow(() -> DomainException.notFound("indicator.indicator", codeOrName));
    }

    /** The snapshot the module's own services compute with. */
    public Catalogue catalogue() {
        Catalogue current = snapshot;
        if (current == null || System.currentTimeMillis() - snapshotAt > SNAPSHOT_MILLIS) {
            current = new Catalogue(repository.all());
            snapshot = current;
            snapshotAt = System.currentTimeMillis();
        }
        return current;
    }

    private void refresh() {
        snapshot = null;
    }

    @Transactional
    public Indicator create(IndicatorDefinition definition, LuoshiUser actor) {
        requireStatistician(actor);
        Catalogue catalogue = new Catalogue(repository.all());
        String code = definition.code().strip().toUpperCase(Locale.ROOT);
        List<FieldProblem> problems = new ArrayList<>();
        if (catalogue.byCode(code).isPresent()) {
            problems.add(new FieldProblem("code", "indicator.error.codeTaken", code));
        }
        Indicator draft = toIndicator(0, code, definition, 0, true);
        problems.addAll(check(draft, catalogue));
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        int id = repository.insert(draft);
        repository.replaceAliases(id, draft.aliases());
        refresh();
        Indicator created = find(id).orElseThrow();
        events.publishEvent(new AuditRecord("indicator.created", "Indicator", created.code(), actor.unitId(),
                "新增指标「" + created.nameZh() + "」（" + created.code() + "）", null, created));
        return created;
    }

    @Transactional
    public Indicator update(String code, IndicatorDefinition definition, int version, LuoshiUser actor) {
        requireStatistician(actor);
        Catalogue catalogue = new Catalogue(repository.all());
        Indicator before = catalogue.byCode(code).orElseThrow(() -> DomainException.notFound("indicator.indicator",
                code));
        Indicator after = toIndicator(before.id(), before.code(), definition, version,
                definition.active() == null || definition.active());
        // Unit, frequency and nature stay as created: stored observations were read with them.
        after = new Indicator(after.id(), after.code(), after.nameZh(), after.nameEn(), before.measureUnit(),
                before.frequency(), before.nature(), after.higherIsBetter(), after.additive(), after.decimals(),
                after.formula(), after.set(), after.sortOrder(), after.active(), version, after.aliases());
        List<FieldProblem> problems = check(after, catalogue);
        if (after.derived() && !before.derived() && repository.hasObservations(before.id())) {
            problems.add(new FieldProblem("formula", "indicator.error.formulaOnStored"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        if (!repository.update(after)) {
            throw DomainException.staleVersion(before.nameZh());
        }
        repository.replaceAliases(before.id(), after.aliases());
        refresh();
        Indicator saved = find(before.id()).orElseThrow();
        events.publishEvent(new AuditRecord("indicator.updated", "Indicator", saved.code(), actor.unitId(),
                "修改指标「" + saved.nameZh() + "」（" + saved.code() + "）", before, saved));
        return saved;
    }

    private static Indicator toIndicator(int id, String code, IndicatorDefinition d, int version, boolean active) {
        String formula = d.formula() == null || d.formula().isBlank() ? null : d.formula().strip();
        Set<String> aliases = new LinkedHashSet<>();
        if (d.aliases() != null) {
            d.aliases().stream().map(String::strip).filter(a -> !a.isEmpty()).forEach(aliases::add);
        }
        return new Indicator(id, code, d.nameZh().strip(), d.nameEn().strip(), d.measureUnit().strip(),
                d.frequency(), d.nature(), d.higherIsBetter() == null || d.higherIsBetter(),
                formula == null && Boolean.TRUE.equals(d.additive()), d.decimals() == null ? 2 : d.decimals(),
                formula, d.set(), d.sortOrder() == null ? 1000 : d.sortOrder(), active, version,
                List.copyOf(aliases));
    }

    /** Names and aliases must not collide with another indicator; a formula must parse and stay acyclic. */
    private static List<FieldProblem> check(Indicator draft, Catalogue catalogue) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        names.add(Catalogue.normalise(draft.nameZh()));
        draft.aliases().forEach(a -> names.add(Catalogue.normalise(a)));
        for (String name : names) {
            catalogue.byName(name).filter(other -> other.id() != draft.id()).ifPresent(other ->
                    problems.add(new FieldProblem("aliases", "indicator.error.nameTaken", name, other.nameZh())));
        }
        if (draft.derived()) {
            try {
                Formula formula = Formula.parse(draft.formula());
                Map<String, Indicator> codes = catalogue.codes();
                for (String ref : formula.references()) {
                    if (ref.equals(draft.code()) || !codes.containsKey(ref)) {
                        problems.add(new FieldProblem("formula", "indicator.error.formulaReference", ref));
                    } else if (dependsOn(codes.get(ref), draft.code(), catalogue, 0)) {
                        problems.add(new FieldProblem("formula", "indicator.error.formulaCycle", ref));
                    }
                }
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("formula", "indicator.error.formulaSyntax", draft.formula()));
            }
        }
        return problems;
    }

    private static boolean dependsOn(Indicator indicator, String code, Catalogue catalogue, int depth) {
        Formula formula = catalogue.formula(indicator);
        if (formula == null || depth > 20) {
            return false;
        }
        for (String ref : formula.references()) {
            if (ref.equals(code)) {
                return true;
            }
            Optional<Indicator> next = catalogue.byCode(ref);
            if (next.isPresent() && dependsOn(next.get(), code, catalogue, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    static void requireStatistician(LuoshiUser actor) {
        if (!actor.hasAny(Role.STATISTICIAN, Role.ADMIN)) {
            throw DomainException.forbidden("indicator.error.onlyStatistician");
        }
    }
}
