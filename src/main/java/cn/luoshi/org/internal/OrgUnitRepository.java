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

/** Plain SQL over {@code org_unit}; subtrees are prefix matches on the materialised path. */
@Repository
public class OrgUnitRepository {

    private static final String COLUMNS = "id, parent_id, code, name, kind, path, depth, sort_order, active, version";

    private final JdbcClient jdbc;

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
        return jdbc.sql("select " + COLUMNS + " from org_unit where path like :scopePath"
                        + (includeInactive ? "" : " and active") + " order by depth, sort_order, name")
                .param("scopePath", scope.pathPattern())
                .query(OrgUnitRepository::map).list();
    }

    public List<OrgUnit> subtree(OrgUnit root) {
        return jdbc.sql("select " + COLUMNS + " from org_unit where path like ? order by depth, sort_order, name")
                .param(root.path() + "%").query(OrgUnitRepository::map).list();
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
