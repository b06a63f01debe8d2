package cn.luoshi.enterprise.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import cn.luoshi.enterprise.PerMuGrading;
import cn.luoshi.enterprise.PerMuInputs;
import cn.luoshi.enterprise.PerMuRule;
import cn.luoshi.enterprise.PerMuScore;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scores every enterprise of a region for one run. Enterprises are read in keyset batches (never one query per
 * enterprise) and scored in Java by the rule; each batch is streamed with COPY into a temporary staging table without
 * indexes, and one INSERT … SELECT then ranks them in region and park with window functions, grades them by share
 * when the rule says so, and writes every result row exactly once.
 */
@Component
public class PerMuComputation {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PerMuComputation.class);

    static final int BATCH = 10_000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    PerMuComputation(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    private record Candidate(long id, String creditCode, String name, long regionId, Long parkId,
                             PerMuInputs inputs) {
    }

    /** Computes and stores the results of the run (which must have none yet); returns how many were written. */
    public int compute(long runId, PerMuRule rule, String regionPath, int year) {
        jdbc.sql("drop table if exists per_mu_staging").update();
        jdbc.sql("create temp table per_mu_staging (like per_mu_result) on commit drop").update();
        long after = 0;
        int written = 0;
        long reading = 0;
        long scoring = 0;
        long copying = 0;
        while (true) {
            long t0 = System.nanoTime();
            List<Candidate> batch = jdbc.sql("""
                            select e.id, e.credit_code, e.name, e.region_id, e.park_id, e.land_mu, y.revenue, y.tax,
                                   y.value_added, y.energy_tce, y.rd_spending, y.employees, y.emissions_t
                            from enterprise e
                            left join enterprise_year y on y.enterprise_id = e.id and y.year = :year
                            where e.id > :after
                              and (e.region_id in (select u.id from org_unit u where u.path like :path)
                                   or e.park_id in (select u.id from org_unit u where u.path like :path))
                            order by e.id limit :batch""")
                    .param("year", year).param("after", after).param("path", regionPath + "%")
                    .param("batch", BATCH)
                    .query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getObject(5, Long.class), new PerMuInputs(rs.getBigDecimal(6), rs.getBigDecimal(7),
                            rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11),
                            rs.getObject(12, Integer.class), rs.getBigDecimal(13))))
                    .list();
            long t1 = System.nanoTime();
            reading += t1 - t0;
            if (batch.isEmpty()) {
                long t3 = System.nanoTime();
                rankAndStore(rule);
                log.debug("per-mu run {}: read {} ms, scored {} ms, staged {} ms, ranked and stored {} ms", runId,
                        reading / 1_000_000, scoring / 1_000_000, copying / 1_000_000,
                        (System.nanoTime() - t3) / 1_000_000);
                return written;
            }
            StringBuilder rows = new StringBuilder(batch.size() * 400);
            for (Candidate c : batch) {
                appendRow(rows, runId, c, rule.score(c.inputs()), rule);
            }
            long t2 = System.nanoTime();
            scoring += t2 - t1;
            copy(rows);
            copying += System.nanoTime() - t2;
            written += batch.size();
            after = batch.get(batch.size() - 1).id();
        }
    }

    /**
     * Ranks the staged results among the rated ones (1 = best; ties share a rank), in the region and within each
     * park, grades by rank share under a percentile rule, and writes them to {@code per_mu_result}.
     */
    private void rankAndStore(PerMuRule rule) {
        jdbc.sql("""
                        insert into per_mu_result (run_id, enterprise_id, credit_code, name, region_id, park_id, land_mu,
                            revenue, tax, value_added, energy_tce, rd_spending, employees, emissions_t, raw_values,
                            normalised, contributions, score, grade, rank_in_region, rank_in_park, not_rated)
                        select run_id, enterprise_id, credit_code, name, region_id, park_id, land_mu, revenue, tax,
                               value_added, energy_tce, rd_spending, employees, emissions_t, raw_values, normalised,
                               contributions, score,
                               case when score is null then null
                                    when not :byShare then grade
                                    when in_region::float8 / rated <= :a then 'A'
                                    when in_region::float8 / rated <= :b then 'B'
                                    when in_region::float8 / rated <= :c then 'C'
                                    else 'D' end,
                               case when score is null then null else in_region end,
                               case when score is null or park_id is null then null else in_park end,
                               not_rated
                        from (select s.*,
                                     rank() over (partition by s.score is null order by s.score desc) as in_region,
                                     rank() over (partition by s.score is null, s.park_id order by s.score desc)
                                         as in_park,
                                     count(*) over (partition by s.score is null) as rated
                              from per_mu_staging s) ranked""")
                .param("byShare", rule.grading() == PerMuGrading.PERCENTILE)
                .param("a", rule.cutA().doubleValue()).param("b", rule.cutB().doubleValue())
                .param("c", rule.cutC().doubleValue())
                .update();
        jdbc.sql("drop table per_mu_staging").update();
    }

    private static void appendRow(StringBuilder out, long runId, Candidate c, PerMuScore score, PerMuRule rule) {
        PerMuInputs in = c.inputs();
        String grade = null;
        if (score.rated() && rule.grading() == PerMuGrading.SCORE) {
            grade = PerMuRule.gradeOf(score.total(), rule.cutA(), rule.cutB(), rule.cutC());
        }
        field(out, runId).append('\t');
        field(out, c.id()).append('\t');
        field(out, c.creditCode()).append('\t');
        field(out, c.name()).append('\t');
        field(out, c.regionId()).append('\t');
        field(out, c.parkId()).append('\t');
        field(out, in.landMu()).append('\t');
        field(out, in.revenue()).append('\t');
        field(out, in.tax()).append('\t');
        field(out, in.valueAdded()).append('\t');
        field(out, in.energyTce()).append('\t');
        field(out, in.rdSpending()).append('\t');
        field(out, in.employees()).append('\t');
        field(out, in.emissionsT()).append('\t');
        field(out, score.rated() ? PerMuRepository.arrayLiteral(score.rawValues()) : null).append('\t');
        field(out, score.rated() ? PerMuRepository.arrayLiteral(score.normalised()) : null).append('\t');
        field(out, score.rated() ? PerMuRepository.arrayLiteral(score.contributions()) : null).append('\t');
        field(out, score.rated() ? BigDecimal.valueOf(score.total()) : null).append('\t');
        field(out, grade).append('\t');
        field(out, score.notRated()).append('\n');
    }

    /** One value in COPY text format: \N for null, backslash escapes for the characters COPY gives meaning to. */
    private static StringBuilder field(StringBuilder out, Object value) {
        if (value == null) {
            return out.append("\\N");
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out;
    }

    private void copy(StringBuilder rows) {
        // The transaction's own connection, so the rows commit or roll back with the run.
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy per_mu_staging (run_id, enterprise_id, credit_code, name, region_id, park_id, land_mu, revenue,
                                        tax, value_added, energy_tce, rd_spending, employees, emissions_t, raw_values,
                                        normalised, contributions, score, grade, not_rated) from stdin""",
                    new StringReader(rows.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("could not store per-mu results", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
