package cn.luoshi.audit.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Streams the log in chain order with a cursor, so verifying millions of rows needs little memory. */
@Component
public class AuditChainReader {

    /** What is wrong with one row on its own. */
    public enum RowProblem {
        CONTENT_ALTERED, CHAIN_BROKEN
    }

    /**
     * Called per row with its id, its stored hash and the problem found there (null when the row is sound); returns
     * whether to go on.
     */
    public interface RowVisitor {
        boolean visit(long id, String hash, RowProblem problem);
    }

    private final DataSource dataSource;
    private final TransactionTemplate transactions;

    AuditChainReader(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
    }

    public void walk(RowVisitor visitor) {
        // A cursor needs a transaction in PostgreSQL (autocommit off) for the fetch size to take effect.
        transactions.executeWithoutResult(status -> {
            var connection = DataSourceUtils.getConnection(dataSource);
            try (PreparedStatement statement = connection.prepareStatement("""
                    select id, occurred_at, actor, actor_id, action, entity_type, entity_id, unit_id, summary,
                           before_json, after_json, prev_hash, hash
                    from audit_event order by id""")) {
                statement.setFetchSize(2000);
                try (ResultSet rs = statement.executeQuery()) {
                    String expectedPrev = AuditChain.GENESIS;
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        String prev = rs.getString(12);
                        String stored = rs.getString(13);
                        RowProblem problem = null;
                        if (!expectedPrev.equals(prev)) {
                            problem = RowProblem.CHAIN_BROKEN;
                        } else {
                            String computed = AuditChain.hash(prev, id, rs.getObject(2, OffsetDateTime.class),
                                    rs.getString(3), rs.getObject(4, Long.class), rs.getString(5), rs.getString(6),
                                    rs.getString(7), rs.getObject(8, Long.class), rs.getString(9), rs.getString(10),
                                    rs.getString(11));
                            if (!computed.equals(stored)) {
                                problem = RowProblem.CONTENT_ALTERED;
                            }
                        }
                        if (!visitor.visit(id, stored, problem)) {
                            return;
                        }
                        expectedPrev = stored;
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Cannot read the audit log", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
    }
}
