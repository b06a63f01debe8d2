package cn.luoshi.org;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.org.internal.OrgUnitRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The org hierarchy: lookup for every module, and the guarded changes (create, rename, move, deactivate) for
 * administrators. Units are never deleted, because tasks, figures and appeals keep pointing at them.
 */
@Service
public class OrgUnits {

    private final OrgUnitRepository units;
    private final ApplicationEventPublisher events;

    OrgUnits(OrgUnitRepository units, ApplicationEventPublisher events) {
        this.units = units;
        this.events = events;
    }

    public Optional<OrgUnit> find(long id) {
        return units.find(id);
    }

    public OrgUnit get(long id) {
        return units.find(id).orElseThrow(() -> DomainException.notFound("org.unit", id));
    }

    /** The unit if the scope covers it; otherwise "not found", so nobody learns what lies outside their scope. */
    public OrgUnit getVisible(long id, DataScope scope) {
        return units.find(id).filter(scope::covers).orElseThrow(() -> DomainException.notFound("org.unit", id));
    }

    public Optional<OrgUnit> findByCode(String code) {
        return units.findByCode(code);
    }

    /** Units with this exact name, shallowest first (names repeat across regions, e.g. 发改委). */
    public List<OrgUnit> findByName(String name) {
        return units.findByName(name);
    }

    public List<OrgUnit> findAll(List<Long> ids) {
        return units.findAll(ids);
    }

    public List<OrgUnit> visible(DataScope scope, boolean includeInactive) {
        return units.inScope(scope, includeInactive);
    }

    public List<OrgUnit> children(long parentId) {
        return units.children(parentId);
    }

    public List<OrgUnit> subtree(long rootId) {
        return units.subtree(get(rootId));
    }

    /**
     * The active units of the region a scope works in: a city department's area is its whole city, since it may place
     * an enterprise or a project anywhere there, but not in another city of the province.
     */
    public List<OrgUnit> workingArea(DataScope scope) {
        if (scope.global()) {
            return units.inScope(DataScope.everything(), false);
        }
        if (scope.rootUnitId() == null) {
            return List.of();
        }
        return units.subtree(regionOf(scope.rootUnitId())).stream().filter(OrgUnit::active).toList();
    }

    /**
     * The nearest region at or above the unit: a department's or a park's city or district, a region itself (the
     * top unit when no region lies above).
     */
    public OrgUnit regionOf(long unitId) {
        OrgUnit unit = get(unitId);
        while (!unit.isRegion() && unit.parentId() != null) {
            unit = get(unit.parentId());
        }
        return unit;
    }

    /** The visible units arranged as a forest: each visible unit whose parent is not visible is a root. */
    public List<OrgUnitNode> tree(DataScope scope, boolean includeInactive) {
        List<OrgUnit> all = units.inScope(scope, includeInactive);
        Map<Long, OrgUnitNode> nodes = new LinkedHashMap<>();
        for (OrgUnit unit : all) {
            nodes.put(unit.id(), new OrgUnitNode(unit, new ArrayList<>()));
        }
        List<OrgUnitNode> roots = new ArrayList<>();
        for (OrgUnitNode node : nodes.values()) {
            OrgUnitNode parent = node.unit().parentId() == null ? null : nodes.get(node.unit().parentId());
            (parent == null ? roots : parent.children()).add(node);
        }
        Comparator<OrgUnitNode> order = Comparator.comparingInt((OrgUnitNode n) -> n.unit().sortOrder())
                .thenComparing(n -> n.unit().name());
        nodes.values().forEach(n -> n.children().sort(order));
        roots.sort(order);
        return roots;
    }

    /** A node of the tree view. */
    public record OrgUnitNode(OrgUnit unit, List<OrgUnitNode> children) {
    }

    @Transactional
    public OrgUnit create(Long parentId, String code, String name, OrgUnitKind kind, int sortOrder, LuoshiUser actor) {
        validateName(name, code);
        OrgUnit parent = null;
        if (parentId != null) {
            parent = getVisible(parentId, actor.scope());
            if (!parent.active()) {
                throw DomainException.conflict("org.error.parentInactive", parent.name());
            }
        } else if (!actor.scope().global()) {
            throw DomainException.forbidden("org.error.rootOnlyGlobal");
        }
        ensureCodeFree(code, null);
        OrgUnit created = units.insert(parent, blankToNull(code), name.strip(), kind, sortOrder);
        events.publishEvent(new AuditRecord("org.unit.created", "OrgUnit", String.valueOf(created.id()),
                created.id(), "新建单位「" + created.name() + "」", null, created));
        return created;
    }

    /** For system set-up (bootstrap, demo, reference imports): no actor, no scope check. */
    @Transactional
    public OrgUnit createSystem(Long parentId, String code, String name, OrgUnitKind kind, int sortOrder) {
        OrgUnit parent = parentId == null ? null : get(parentId);
        OrgUnit created = units.insert(parent, blankToNull(code), name, kind, sortOrder);
        events.publishEvent(new AuditRecord("org.unit.created", "OrgUnit", String.valueOf(created.id()),
                created.id(), "新建单位「" + created.name() + "」", null, created));
        return created;
    }

    @Transactional
    public OrgUnit rename(long id, String name, String code, int version, LuoshiUser actor) {
        validateName(name, code);
        OrgUnit before = getVisible(id, actor.scope());
        ensureCodeFree(code, id);
        if (!units.rename(id, name.strip(), blankToNull(code), version)) {
            throw DomainException.staleVersion(before.name());
        }
        OrgUnit after = get(id);
        events.publishEvent(new AuditRecord("org.unit.renamed", "OrgUnit", String.valueOf(id), id,
                "单位「" + before.name() + "」更名为「" + after.name() + "」", before, after));
        return after;
    }

    @Transactional
    public OrgUnit move(long id, Long newParentId, int version, LuoshiUser actor) {
        OrgUnit before = getVisible(id, actor.scope());
        OrgUnit newParent = newParentId == null ? null : getVisible(newParentId, actor.scope());
        if (newParent == null && !actor.scope().global()) {
            throw DomainException.forbidden("org.error.rootOnlyGlobal");
        }
        if (newParent != null && newParent.isWithin(before)) {
            throw DomainException.conflict("org.error.moveIntoOwnSubtree", before.name(), newParent.name());
        }
        if (!units.move(before, newParent, version)) {
            throw DomainException.staleVersion(before.name());
        }
        OrgUnit after = get(id);
        events.publishEvent(new AuditRecord("org.unit.moved", "OrgUnit", String.valueOf(id), id,
                "单位「" + before.name() + "」移至「" + (newParent == null ? "顶层" : newParent.name()) + "」下",
                before, after));
        return after;
    }

    @Transactional
    public OrgUnit deactivate(long id, int version, LuoshiUser actor) {
        OrgUnit before = getVisible(id, actor.scope());
        if (units.hasActiveChildren(id)) {
            throw DomainException.conflict("org.error.hasActiveChildren", before.name());
        }
        return setActive(before, false, version, "停用单位「" + before.name() + "」");
    }

    @Transactional
    public OrgUnit activate(long id, int version, LuoshiUser actor) {
        OrgUnit before = getVisible(id, actor.scope());
        if (before.parentId() != null && !get(before.parentId()).active()) {
            throw DomainException.conflict("org.error.parentInactive", get(before.parentId()).name());
        }
        return setActive(before, true, version, "启用单位「" + before.name() + "」");
    }

    private OrgUnit setActive(OrgUnit before, boolean active, int version, String summary) {
        if (!units.setActive(before.id(), active, version)) {
            throw DomainException.staleVersion(before.name());
        }
        OrgUnit after = get(before.id());
        events.publishEvent(new AuditRecord(active ? "org.unit.activated" : "org.unit.deactivated", "OrgUnit",
                String.valueOf(before.id()), before.id(), summary, before, after));
        return after;
    }

    private void validateName(String name, String code) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!StringUtils.hasText(name)) {
            problems.add(new FieldProblem("name", "validation.NotBlank"));
        } else if (name.strip().length() > 200) {
            problems.add(new FieldProblem("name", "validation.tooLong", 200));
        }
        if (code != null && code.strip().length() > 32) {
            problems.add(new FieldProblem("code", "validation.tooLong", 32));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
    }

    private void ensureCodeFree(String code, Long self) {
        if (!StringUtils.hasText(code)) {
            return;
        }
        units.findByCode(code.strip()).filter(u -> self == null || u.id() != self).ifPresent(u -> {
            throw DomainException.invalidFields(List.of(new FieldProblem("code", "org.error.codeTaken", code,
                    u.name())));
        });
    }

    private static String blankToNull(String s) {
        return StringUtils.hasText(s) ? s.strip() : null;
    }
}
