package cn.luoshi.appeal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import cn.luoshi.appeal.AppealCategory;
import cn.luoshi.appeal.SlaTier;
import cn.luoshi.common.db.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Categories and SLA tiers: small reference tables read on every filing. */
@Repository
public class AppealCatalog {

    private final JdbcClient jdbc;

    AppealCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static AppealCategory category(ResultSet rs, int n) throws SQLException {
        return new AppealCategory(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                rs.getString("name_en"), rs.getString("description"), rs.getString("keywords"),
                rs.getString("group_name"), rs.getString("sla_tier"), Rows.nullableLong(rs, "default_unit_id"),
                rs.getInt("sort_order"), rs.getBoolean("active"), rs.getInt("version"));
    }

    private static SlaTier tier(ResultSet rs, int n) throws SQLException {
        return new SlaTier(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                rs.getInt("accept_hours"), rs.getInt("answer_days"), rs.getInt("rating_days"), rs.getInt("version"));
    }

    public List<AppealCategory> categories(boolean activeOnly) {
        return jdbc.sql("select * from appeal_category" + (activeOnly ? " where active" : "")
                + " order by sort_order, code").query(AppealCatalog::category).list();
    }

    public Optional<AppealCategory> category(String code) {
        return jdbc.sql("select * from appeal_category where code = ?").param(code)
                .query(AppealCatalog::category).optional();
    }

    public Optional<AppealCategory> category(long id) {
        return jdbc.sql("select * from appeal_category where id = ?").param(id)
                .query(AppealCatalog::category).optional();
    }

    public List<SlaTier> tiers() {
        return jdbc.sql("select * from appeal_sla_tier order by answer_days, code").query(AppealCatalog::tier).list();
    }

    public Optional<SlaTier> tier(String code) {
        return jdbc.sql("select * from appeal_sla_tier where code = ?").param(code).query(AppealCatalog::tier)
                .optional();
    }

    public boolean updateTier(String code, int acceptHours, int answerDays, int ratingDays, int version) {
        return jdbc.sql("""
                        update appeal_sla_tier set accept_hours = ?, answer_days = ?, rating_days = ?,
                            version = version + 1
                        where code = ? and version = ?""")
                .params(acceptHours, answerDays, ratingDays, code, version).update() == 1;
    }

    public boolean updateCategory(String code, String tier, Long defaultUnitId, boolean active, int version) {
        return jdbc.sql("""
                        update appeal_category set sla_tier = ?, default_unit_id = ?, active = ?, version = version + 1
                        where code = ? and version = ?""")
                .params(tier, defaultUnitId, active, code, version).update() == 1;
    }

    public void setDefaultUnit(String code, Long unitId) {
        jdbc.sql("update appeal_category set default_unit_id = ? where code = ?").params(unitId, code).update();
    }
}
