package cn.luoshi.enterprise.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.luoshi.common.web.Paging;
import cn.luoshi.enterprise.Enterprise;
import cn.luoshi.enterprise.EnterpriseDraft;
import cn.luoshi.enterprise.EnterpriseFigures;
import cn.luoshi.enterprise.EnterpriseFilter;
import cn.luoshi.org.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;

/** Plain SQL over {@code enterprise} and {@code enterprise_year}; the data scope is part of every query. */
@Repository
public class EnterpriseRepository {

    /**
     * An enterprise is visible to an enterprise account with its credit code, and to users whose scope covers its
     * region, its park or its competent department.
     */
    static final String VISIBLE = "(e.credit_code = :creditCode or " + DataScope.unitFilter("e.region_id")
            + " or " + DataScope.unitFilter("e.park_id") + " or " + DataScope.unitFilter("e.competent_unit_id")
            + ")";

    /** Region or park within the unit bound to {@code :unitPath}. */
    static final String WITHIN_UNIT = "(e.region_id in (select wu.id from org_unit wu where wu.path like :unitPath)"
            + " or e.park_id in (select wu.id from org_unit wu where wu.path like :unitPath))";

    private static final String SELECT = """
            select e.id, e.credit_code, e.name, e.industry_code, e.region_id, r.name as region_name, e.park_id,
                   p.name as park_name, e.competent_unit_id, c.name as competent_name, e.above_scale, e.specialised,
                   e.listed, e.land_mu, e.version
            from enterprise e
            join org_unit r on r.id = e.region_id
            left join org_unit p on p.id = e.park_id
            left join org_unit c on c.id = e.competent_unit_id
            """;

    private final JdbcClient jdbc;

    EnterpriseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Enterprise map(ResultSet rs, int row) throws SQLException {
        return new Enterprise(rs.getLong("id"), rs.getString("credit_code"), rs.getString("name"),
                rs.getString("industry_code"), rs.getLong("region_id"), rs.getString("region_name"),
                rs.getObject("park_id", Long.class), rs.getString("park_name"),
                rs.getObject("competent_unit_id", Long.class), rs.getString("competent_name"),
                rs.getBoolean("above_scale"), rs.getBoolean("specialised"), rs.getBoolean("listed"),
                rs.getBigDecimal("land_mu"), rs.getInt("version"));
    }

    public Optional<Enterprise> find(long id) {
        return jdbc.sql(SELECT + " where e.id = ?").param(id).query(EnterpriseRepository::map).optional();
    }

    public Optional<Enterprise> findVisible(long id, DataScope scope) {
        return jdbc.sql(SELECT + " where e.id = :id and " + VISIBLE).param("id", id)
                .param("creditCode", scope.creditCode()).param("scopePath", scope.pathPattern())
                .query(EnterpriseRepository::map).optional();
    }

    public Optional<Enterprise> findByCreditCode(String creditCode) {
        return jdbc.sql(SELECT + " where e.credit_code = ?").param(creditCode).query(EnterpriseRepository::map)
                .optional();
    }

    public List<Enterprise> list(DataScope scope, EnterpriseFilter filter, String unitPath, Paging paging) {
        Query q = where(scope, filter, unitPath);
        return q.bind(jdbc.sql(SELECT + " where " + q.sql + " order by e.name, e.id limit :limit offset :offset"))
                .param("limit", paging.size()).param("offset", paging.offset())
                .query(EnterpriseRepository::map).list();
    }

    public long count(DataScope scope, EnterpriseFilter filter, String unitPath) {
        Query q = where(scope, filter, unitPath);
        return q.bind(jdbc.sql("select count(*) from enterprise e where " + q.sql)).query(Long.class).single();
    }

    private record Query(String sql, List<Object[]> params) {
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            for (Object[] p : params) {
                spec = spec.param((String) p[0], p[1]);
            }
            return spec;
        }
    }

    private static Query where(DataScope scope, EnterpriseFilter f, String unitPath) {
        StringBuilder sql = new StringBuilder(VISIBLE);
        List<Object[]> params = new ArrayList<>();
        params.add(new Object[] {"creditCode", scope.creditCode()});
        params.add(new Object[] {"scopePath", scope.pathPattern()});
        if (StringUtils.hasText(f.q())) {
            sql.append(" and (e.name ilike :q or e.credit_code = :code)");
            params.add(new Object[] {"q", "%" + f.q().strip().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%"});
            params.add(new Object[] {"code", f.q().strip().toUpperCase(java.util.Locale.ROOT)});
        }
        if (unitPath != null) {
            sql.append(" and ").append(WITHIN_UNIT);
            params.add(new Object[] {"unitPath", unitPath + "%"});
        }
        if (StringUtils.hasText(f.industry())) {
            sql.append(" and e.industry_code like :industry");
            params.add(new Object[] {"industry", f.industry().strip().toUpperCase(java.util.Locale.ROOT) + "%"});
        }
        if (f.aboveScale() != null) {
            sql.append(" and e.above_scale = :aboveScale");
            params.add(new Object[] {"aboveScale", f.aboveScale()});
        }
        if (f.specialised() != null) {
            sql.append(" and e.specialised = :specialised");
            params.add(new Object[] {"specialised", f.specialised()});
        }
        if (f.listed() != null) {
            sql.append(" and e.listed = :listed");
            params.add(new Object[] {"listed", f.listed()});
        }
        return new Query(sql.toString(), params);
    }

    public long insert(String creditCode, EnterpriseDraft d) {
        return jdbc.sql("""
                        insert into enterprise (credit_code, name, industry_code, region_id, park_id,
                                                competent_unit_id, above_scale, specialised, listed, land_mu)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(creditCode, d.name().strip(), blankToNull(d.industryCode()), d.regionId(), d.parkId(),
                        d.competentUnitId(), d.aboveScale(), d.specialised(), d.listed(), d.landMu())
                .query(Long.class).single();
    }

    public boolean update(long id, String creditCode, EnterpriseDraft d, int version) {
        return jdbc.sql("""
                        update enterprise set credit_code = ?, name = ?, industry_code = ?, region_id = ?,
                            park_id = ?, competent_unit_id = ?, above_scale = ?, specialised = ?, listed = ?,
                            land_mu = ?, version = version + 1, updated_at = now()
                        where id = ? and version = ?""")
                .params(creditCode, d.name().strip(), blankToNull(d.industryCode()), d.regionId(), d.parkId(),
                        d.competentUnitId(), d.aboveScale(), d.specialised(), d.listed(), d.landMu(), id, version)
                .update() == 1;
    }

    static EnterpriseFigures mapFigures(ResultSet rs, int row) throws SQLException {
        return new EnterpriseFigures(rs.getInt("year"), rs.getBigDecimal("revenue"), rs.getBigDecimal("tax"),
                rs.getBigDecimal("value_added"), rs.getBigDecimal("energy_tce"), rs.getBigDecimal("rd_spending"),
                rs.getObject("employees", Integer.class), rs.getBigDecimal("emissions_t"));
    }

    public List<EnterpriseFigures> figures(long enterpriseId) {
        return jdbc.sql("""
                        select year, revenue, tax, value_added, energy_tce, rd_spending, employees, emissions_t
                        from enterprise_year where enterprise_id = ? order by year desc""")
                .param(enterpriseId).query(EnterpriseRepository::mapFigures).list();
    }

    public Optional<EnterpriseFigures> figures(long enterpriseId, int year) {
        return jdbc.sql("""
                        select year, revenue, tax, value_added, energy_tce, rd_spending, employees, emissions_t
                        from enterprise_year where enterprise_id = ? and year = ?""")
                .params(enterpriseId, year).query(EnterpriseRepository::mapFigures).optional();
    }

    public void saveFigures(long enterpriseId, EnterpriseFigures f) {
        jdbc.sql("""
                        insert into enterprise_year (enterprise_id, year, revenue, tax, value_added, energy_tce,
                                                     rd_spending, employees, emissions_t, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                        on conflict (enterprise_id, year) do update set revenue = excluded.revenue,
                            tax = excluded.tax, value_added = excluded.value_added, energy_tce = excluded.energy_tce,
                            rd_spending = excluded.rd_spending, employees = excluded.employees,
                            emissions_t = excluded.emissions_t, updated_at = now()""")
                .params(enterpriseId, f.year(), f.revenue(), f.tax(), f.valueAdded(), f.energyTce(), f.rdSpending(),
                        f.employees(), f.emissionsT())
                .update();
    }

    /** Cumulative counts at or above each threshold (万元), plus how many reported revenue at all. */
    public long[] revenueCounts(DataScope scope, String unitPath, int year, List<BigDecimal> thresholds) {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < thresholds.size(); i++) {
            sql.append("count(*) filter (where y.revenue >= :t").append(i).append("), ");
        }
        sql.append("count(y.revenue) from enterprise e join enterprise_year y on y.enterprise_id = e.id and y.year = :year where ")
                .append(VISIBLE);
        if (unitPath != null) {
            sql.append(" and ").append(WITHIN_UNIT);
        }
        var spec = jdbc.sql(sql.toString()).param("year", year).param("creditCode", scope.creditCode())
                .param("scopePath", scope.pathPattern());
        for (int i = 0; i < thresholds.size(); i++) {
            spec = spec.param("t" + i, thresholds.get(i));
        }
        if (unitPath != null) {
            spec = spec.param("unitPath", unitPath + "%");
        }
        int n = thresholds.size() + 1;
        return spec.query((rs, row) -> {
            long[] counts = new long[n];
            for (int i = 0; i < n; i++) {
                counts[i] = rs.getLong(i + 1);
            }
            return counts;
        }).single();
    }

    private static String blankToNull(String s) {
        return StringUtils.hasText(s) ? s.strip().toUpperCase(java.util.Locale.ROOT) : null;
    }
}
