package cn.luoshi.org.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import cn.luoshi.org.DataScope;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnitKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL over {@code org_unit}; subtrees are prefix matches on the materialised path. Subtrees and scopes come
 * from a copy of the whole tree kept in memory, read again whenever {@code org_tree_version} says the table changed
 * (one small row instead of thousands on each request; every node sees every change at its next read).
 */
@Repository
public class OrgUnitRepository {

    private static final String COLUMNS = "id, parent_id, code, name, kind, path, depth, sort_order, active, version";
    private static final String TREE_ORDER = " order by depth, sort_order, name";

    private final JdbcClient jdbc;

    /** The whole tree in the order of {@link #TREE_ORDER}, as of a change number. */
    private record Tree(long change, List<OrgUnit> units) {
    }

    private volatile Tree tree;

    OrgUnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OrgUnit map(ResultSet rs, int row) throws SQLException {
        long parentId = rs.getLong("parent_id");
        // Asked at once: wasNull speaks of the column read last, and the arguments below read the id first.
        Long parent = rs.wasNull() ? null : parentId;
        return new OrgUnit(rs.getLong("id"), parent, rs.getString("code"), rs.getString("name"),
                OrgUnitKind.valueOf(rs.getString("kind")), rs.getString("path"), rs.getInt("depth"),
                rs.getInt("sort_order"), rs.getBoolean("active"), rs.getInt("version"));
    }

    public Optional<OrgUnit> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from org_unit where id = ?").param(id).query(OrgUnitRepository::map)
                .optional();
    }

    public Optional<OrgUnit> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from org_unit where code = ?").param(code)
                .query(OrgUnitRepository::map).optional();
    }

    public List<OrgUnit> findByName(String name) {
        return jdbc.sql("select " + COLUMNS + " from org_unit where name = ? order by path").param(name)
                .query(OrgUnitRepository::map).list();
    }

    public List<OrgUnit> inScope(DataScope scope, boolean includeInactive) {
        String pattern = scope.pathPattern();
        if (!isPrefixPattern(pattern)) {
            return jdbc.sql("select " + COLUMNS + " from org_unit where path like :scopePath"
                            + (includeInactive ? "" : " and active") + TREE_ORDER)
                    .param("scopePath", pattern)
                    .query(OrgUnitRepository::map).list();
        }
        String prefix = pattern.substring(0, pattern.length() - 1);
        return currentTree().stream().filter(u -> u.path().startsWith(prefix) && (includeInactive || u.active()))
                .toList();
    }

    public List<OrgUnit> subtree(OrgUnit root) {
        return currentTree().stream().filter(u -> u.path().startsWith(root.path())).toList();
    }

    /** "everything under a path": a path followed by one %, with no other wildcard in it. */
    private static boolean isPrefixPattern(String pattern) {
        return pattern.endsWith("%") && pattern.indexOf('%') == pattern.length() - 1 && pattern.indexOf('_') < 0
                && pattern.indexOf('\\') < 0;
    }

    private List<OrgUnit> currentTree() {
        long change = jdbc.sql("select last_change from org_tree_version").query(Long.class).single();
        Tree kept = tree;
        if (kept == null || kept.change() != change) {
            // read after the change number: a change committed in between is read now and again next time
            kept = new Tree(change, List.copyOf(jdbc.sql("select " + COLUMNS + " from org_unit" + TREE_ORDER)
                    .query(OrgUnitRepository::map).list()));
            tree = kept;
        }
        return kept.units();
    }

    public List<OrgUnit> children(long parentId) {
        return jdbc.sql("select " + COLUMNS + " from org_unit where parent_id = ? order by sort_order, name")
                .param(parentId).query(OrgUnitRepository::map).list();
    }

    public List<OrgUnit> findAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from org_unit where id in (:ids)").param("ids", ids)
                .query(OrgUnitRepository::map).list();
    }

    public List<OrgUnit> roots() {
        return jdbc.sql("select " + COLUMNS + " from org_unit where parent_id is null order by sort_order, name")
                .query(OrgUnitRepository::map).list();
    }

    public OrgUnit insert(OrgUnit parent, String code, String name, OrgUnitKind kind, int sortOrder) {
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('org_unit', 'id'))").query(Long.class).single();
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        int depth = parent == null ? 0 : parent.depth() + 1;
        jdbc.sql("""
                        insert into org_unit (id, parent_id, code, name, kind, path, depth, sort_order)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, parent == null ? null : parent.id(), code, name, kind.name(), path, depth, sortOrder)
                .update();
        return find(id).orElseThrow();
    }

    /** Updates name and code if the version still matches; false when someone else changed the unit meanwhile. */
    public boolean rename(long id, String name, String code, int version) {
        return jdbc.sql("""
                        update org_unit set name = ?, code = ?, version = version + 1, updated_at = now()
                        where id = ? and version = ?""")
                .params(name, code, id, version).update() == 1;
    }

    public boolean setActive(long id, boolean active, int version) {
        return jdbc.sql("""
                        update org_unit set active = ?, version = version + 1, updated_at = now()
                        where id = ? and version = ?""")
                .params(active, id, version).update() == 1;
    }

    /** Re-hangs a unit and rewrites the paths of its whole subtree in one statement. */
    public boolean move(OrgUnit unit, OrgUnit newParent, int version) {
        int bumped = jdbc.sql("""
                        update org_unit set parent_id = ?, version = version + 1, updated_at = now()
                        where id = ? and version = ?""")
                .params(newParent == null ? null : newParent.id(), unit.id(), version).update();
        if (bumped != 1) {
            return false;
        }
        String newPath = (newParent == null ? "/" : newParent.path()) + unit.id() + "/";
        int depthDelta = (newParent == null ? 0 : newParent.depth() + 1) - unit.depth();
        jdbc.sql("""
                        update org_unit set path = :newPath || substr(path, :oldLength + 1), depth = depth + :delta
                        where path like :oldPattern""")
                .param("newPath", newPath)
                .param("oldLength", unit.path().length())
                .param("delta", depthDelta)
                .param("oldPattern", unit.path() + "%")
                .update();
        return true;
    }

    public boolean hasActiveChildren(long id) {
        return jdbc.sql("select exists (select 1 from org_unit where parent_id = ? and active)").param(id)
                .query(Boolean.class).single();
    }

    public long count() {
        return jdbc.sql("select count(*) from org_unit").query(Long.class).single();
    }
}
