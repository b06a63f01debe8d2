package cn.luoshi.indicator.internal.imports;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import cn.luoshi.indicator.ObservationKind;
import cn.luoshi.indicator.Period;
import org.postgresql.copy.CopyIn;

/**
 * Streams checked values into the import's temporary staging table with PostgreSQL COPY, in 256 KB chunks: the
 * fastest way into the database, and nothing reaches the real table until the whole file has passed.
 */
final class StagingCopy {

    private static final int CHUNK = 256 * 1024;

    private final CopyIn copy;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK + 1024);
    private final StringBuilder line = new StringBuilder(96);
    private SQLException failure;
    private boolean closed;

    StagingCopy(CopyIn copy) {
        this.copy = copy;
    }

    /** Columns: indicator_id, period, kind, unit_id, period_type, period_ord, value (text format, tab-separated). */
    void write(int indicatorId, long unitId, Period period, ObservationKind kind, BigDecimal value) {
        if (failure != null || closed) {
            return;
        }
        line.setLength(0);
        line.append(indicatorId).append('\t').append(period.code()).append('\t').append(kind.name()).append('\t')
                .append(unitId).append('\t').append(period.type().letter()).append('\t').append(period.ord())
                .append('\t').append(value.toPlainString()).append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.US_ASCII);
        buffer.write(bytes, 0, bytes.length);
        if (buffer.size() >= CHUNK) {
            flush();
        }
    }

    private void flush() {
        try {
            byte[] chunk = buffer.toByteArray();
            copy.writeToCopy(chunk, 0, chunk.length);
            buffer.reset();
        } catch (SQLException e) {
            failure = e;
        }
    }

    /** Ends the COPY; returns the number of rows staged. */
    long finish() throws SQLException {
        if (failure != null) {
            throw failure;
        }
        if (buffer.size() > 0) {
            flush();
            if (failure != null) {
                throw failure;
            }
        }
        closed = true;
        return copy.endCopy();
    }

    /** Abandons the COPY (the file was refused); the transaction is rolled back anyway. */
    void cancel() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the rollback that follows discards the staging table regardless
        }
    }

    boolean failed() {
        return failure != null;
    }
}
