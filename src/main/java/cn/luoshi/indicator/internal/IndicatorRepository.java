package cn.luoshi.indicator.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.indicator.Frequency;
import cn.luoshi.indicator.Indicator;
import cn.luoshi.indicator.IndicatorSet;
import cn.luoshi.indicator.Nature;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over the catalogue: {@code indicator} and {@code indicator_alias}. */
@Repository
public class IndicatorRepository {

    private static final String COLUMNS = "id, code, name_zh, name_en, measure_unit, frequency, nature, "
            + "higher_is_better, additive, decimals, formula, category, sort_order, active, version";

    private final JdbcClient jdbc;

    IndicatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The whole catalogue with aliases, in catalogue order (two queries, whatever its size). */
    public List<Indicator> all() {
        Map<Integer, List<String>> aliases = new HashMap<>();
        jdbc.sql("select indicator_id, alias from indicator_alias order by alias").query(rs -> {
            aliases.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        return jdbc.sql("select " + COLUMNS + " from indicator order by sort_order, code")
                .query((rs, n) -> map(rs, aliases.getOrDefault(rs.getInt("id"), List.of()))).list();
    }

    private static Indicator map(ResultSet rs, List<String> aliases) throws SQLException {
        return new Indicator(rs.getInt("id"), rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("measure_unit"), Frequency.valueOf(rs.getString("frequency")),
                Nature.valueOf(rs.getString("nature")), rs.getBoolean("higher_is_better"), rs.getBoolean("additive"),
                rs.getInt("decimals"), rs.getString("formula"), IndicatorSet.valueOf(rs.getString("category")),
                rs.getInt("sort_order"), rs.getBoolean("active"), rs.getInt("version"), List.copyOf(aliases));
    }

    public int insert(Indicator i) {
        return jdbc.sql("""
                        insert into indicator (code, name_zh, name_en, measure_unit, frequency, nature,
                            higher_is_better, additive, decimals, formula, category, sort_order)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(i.code(), i.nameZh(), i.nameEn(), i.measureUnit(), i.frequency().name(), i.nature().name(),
                        i.higherIsBetter(), i.additive(), i.decimals(), i.formula(), i.set().name(), i.sortOrder())
                .query(Integer.class).single();
    }

    /** Updates what may change after creation; false when the version no longer matches. */
    public boolean update(Indicator i) {
        return jdbc.sql("""
                        update indicator set name_zh = ?, name_en = ?, higher_is_better = ?, additive = ?,
                            decimals = ?, formula = ?, category = ?, sort_order = ?, active = ?,
                            version = version + 1, updated_at = now()
                        where id = ? and version = ?""")
                .params(i.nameZh(), i.nameEn(), i.higherIsBetter(), i.additive(), i.decimals(), i.formula(),
                        i.set().name(), i.sortOrder(), i.active(), i.id(), i.version())
                .update() == 1;
    }

    public void replaceAliases(int indicatorId, List<String> aliases) {
        jdbc.sql("delete from indicator_alias where indicator_id = ?").param(indicatorId).update();
        for (String alias : aliases) {
            jdbc.sql("insert into indicator_alias (alias, indicator_id) values (?, ?)").params(alias, indicatorId)
                    .update();
        }
    }

    public boolean hasObservations(int indicatorId) {
        return jdbc.sql("select exists (select 1 from observation where indicator_id = ?)").param(indicatorId)
                .query(Boolean.class).single();
    }
}
