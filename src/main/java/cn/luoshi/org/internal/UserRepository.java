package cn.luoshi.org.internal;

import cn.luoshi.common.db.Rows;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.DataScope;
import cn.luoshi.org.Role;
import cn.luoshi.org.UserAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users with their roles gathered in the same query (no query per user). */
@Repository
public class UserRepository {

    private static final String SELECT = """
            select u.id, u.username, u.display_name, u.unit_id, ou.name as unit_name, u.scope_unit_id,
                   su.name as scope_unit_name, u.credit_code, u.phone, u.enabled, u.version, u.last_login_at,
                   u.password_hash, u.credentials_version,
                   array(select r.role from user_role r where r.user_id = u.id order by r.role) as roles
            from app_user u
            left join org_unit ou on ou.id = u.unit_id
            left join org_unit su on su.id = u.scope_unit_id
            """;

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A user row including the password hash, for sign-in only. */
    public record StoredUser(UserAccount account, String passwordHash, int credentialsVersion) {
    }

    static StoredUser map(ResultSet rs, int row) throws SQLException {
        Long unitId = rs.getObject("unit_id", Long.class);
        Long scopeUnitId = rs.getObject("scope_unit_id", Long.class);
        Array array = rs.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object r : (Object[]) array.getArray()) {
            roles.add(Role.valueOf((String) r));
        }
        var account = new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                unitId, rs.getString("unit_name"), scopeUnitId, rs.getString("scope_unit_name"), roles,
                rs.getString("credit_code"), rs.getString("phone"), rs.getBoolean("enabled"), rs.getInt("version"),
                Rows.time(rs, "last_login_at"));
        return new StoredUser(account, rs.getString("password_hash"), rs.getInt("credentials_version"));
    }

    public Optional<StoredUser> findByUsername(String username) {
        return jdbc.sql(SELECT + " where lower(u.username) = lower(?)").param(username).query(UserRepository::map)
                .optional();
    }

    public Optional<UserAccount> find(long id) {
        return jdbc.sql(SELECT + " where u.id = ?").param(id).query(UserRepository::map).optional()
                .map(StoredUser::account);
    }

    public PageResponse<UserAccount> page(DataScope scope, String q, Role role, Long unitId, Paging paging) {
        String where = " where (" + DataScope.unitFilter("u.unit_id")
                + (scope.global() ? " or u.unit_id is null" : "") + ")"
                + (q == null ? "" : " and (u.username ilike :q or u.display_name ilike :q)")
                + (role == null ? "" : " and exists (select 1 from user_role r where r.user_id = u.id and r.role = :role)")
                + (unitId == null ? "" : " and u.unit_id = :unitId");
        var count = jdbc.sql("select count(*) from app_user u" + where).param("scopePath", scope.pathPattern());
        var select = jdbc.sql(SELECT + where + " order by u.username limit :limit offset :offset")
                .param("scopePath", scope.pathPattern()).param("limit", paging.size())
                .param("offset", paging.offset());
        if (q != null) {
            String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            count = count.param("q", like);
            select = select.param("q", like);
        }
        if (role != null) {
            count = count.param("role", role.name());
            select = select.param("role", role.name());
        }
        if (unitId != null) {
            count = count.param("unitId", unitId);
            select = select.param("unitId", unitId);
        }
        long total = count.query(Long.class).single();
        List<UserAccount> content = select.query(UserRepository::map).list().stream().map(StoredUser::account)
                .toList();
        return paging.page(content, total);
    }

    public long insert(String username, String displayName, String passwordHash, Long unitId, Long scopeUnitId,
                       String creditCode, String phone, Set<Role> roles) {
        long id = jdbc.sql("""
                        insert into app_user (username, display_name, password_hash, unit_id, scope_unit_id,
                                              credit_code, phone)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(username, displayName, passwordHash, unitId, scopeUnitId, creditCode, phone)
                .query(Long.class).single();
        replaceRoles(id, roles);
        return id;
    }

    public boolean update(long id, String displayName, Long unitId, Long scopeUnitId, String creditCode, String phone,
                          boolean enabled, int version) {
        return jdbc.sql("""
                        update app_user set display_name = ?, unit_id = ?, scope_unit_id = ?, credit_code = ?,
                               phone = ?, enabled = ?, version = version + 1, updated_at = now()
                        where id = ? and version = ?""")
                .params(displayName, unitId, scopeUnitId, creditCode, phone, enabled, id, version).update() == 1;
    }

    public void replaceRoles(long id, Set<Role> roles) {
        jdbc.sql("delete from user_role where user_id = ?").param(id).update();
        for (Role role : roles) {
            jdbc.sql("insert into user_role (user_id, role) values (?, ?)").params(id, role.name()).update();
        }
    }

    public void setPassword(long id, String passwordHash) {
        jdbc.sql("update app_user set password_hash = ?, version = version + 1, updated_at = now() where id = ?")
                .params(passwordHash, id).update();
    }

    /** Ends every session of the user (they carry the old stamp); returns the new stamp. */
    public int bumpCredentials(long id) {
        return jdbc.sql("update app_user set credentials_version = credentials_version + 1 where id = ? "
                + "returning credentials_version").param(id).query(Integer.class).single();
    }

    /** The stamp a session must carry to stay signed in, or empty if the account is gone or disabled. */
    public Optional<Integer> activeCredentialsVersion(long id) {
        return jdbc.sql("select credentials_version from app_user where id = ? and enabled").param(id)
                .query(Integer.class).optional();
    }

    public int revokeTokens(long id, OffsetDateTime at) {
        return jdbc.sql("update api_token set revoked_at = ? where user_id = ? and revoked_at is null")
                .params(at, id).update();
    }

    public void touchLogin(String username, OffsetDateTime at) {
        jdbc.sql("update app_user set last_login_at = ? where lower(username) = lower(?)").params(at, username)
                .update();
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    public List<Long> idsByUnitAndRoles(long unitId, Collection<Role> roles) {
        return jdbc.sql("""
                        select distinct u.id from app_user u join user_role r on r.user_id = u.id
                        where u.unit_id = :unit and u.enabled and r.role in (:roles) order by u.id""")
                .param("unit", unitId)
                .param("roles", roles.stream().map(Enum::name).toList())
                .query(Long.class).list();
    }

    public List<Long> idsByRoleCovering(String unitPath, Collection<Role> roles) {
        // Users whose data scope contains the given unit (e.g. the supervision office of the city above it).
        return jdbc.sql("""
                        select distinct u.id from app_user u
                        join user_role r on r.user_id = u.id
                        left join org_unit s on s.id = coalesce(u.scope_unit_id, u.unit_id)
                        where u.enabled and r.role in (:roles)
                          and ((s.id is null and r.role = 'ADMIN') or :unitPath like s.path || '%')
                        order by u.id""")
                .param("unitPath", unitPath)
                .param("roles", roles.stream().map(Enum::name).toList())
                .query(Long.class).list();
    }

    public List<Long> idsByCreditCode(String creditCode) {
        return jdbc.sql("select id from app_user where credit_code = ? and enabled order by id").param(creditCode)
                .query(Long.class).list();
    }

    public Map<Long, String> displayNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, display_name from app_user where id in (:ids)").param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
