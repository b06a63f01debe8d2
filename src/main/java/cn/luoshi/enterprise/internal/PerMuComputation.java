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
 * enterprise), scored in Java by the rule, and each batch's results are streamed into {@code per_mu_result} with
 * COPY; ranks and percentile grades then follow in one set-based statement.
 */
@Component
public class PerMuComputation {

    static final int BATCH = 5_000;

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
        long after = 0;
        int written = 0;
        while (true) {
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
            if (batch.isEmpty()) {
                return written;
            }
            StringBuilder rows = new StringBuilder(batch.size() * 400);
            for (Candidate c : batch) {
                appendRow(rows, runId, c, rule.score(c.inputs()), rule);
            }
            copy(rows);
            written += batch.size();
            after = batch.get(batch.size() - 1).id();
        }
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
                    copy per_mu_result (run_id, enterprise_id, credit_code, name, region_id, park_id, land_mu, revenue,
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
