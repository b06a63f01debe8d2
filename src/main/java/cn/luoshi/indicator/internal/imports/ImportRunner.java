package cn.luoshi.indicator.internal.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import cn.luoshi.common.db.Rows;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.indicator.ImportProblem;
import cn.luoshi.indicator.ImportChange;
import cn.luoshi.indicator.ImportReport;
import cn.luoshi.indicator.ImportStatus;
import cn.luoshi.indicator.ObservationsImported;
import cn.luoshi.indicator.internal.Catalogue;
import cn.luoshi.indicator.internal.IndicatorRepository;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnits;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one import, all or nothing: streams the file through {@link ObservationRows} into a temporary staging table
 * (COPY) while checking every cell; if any cell is wrong the transaction is rolled back and the report lists the
 * problems; otherwise one join sorts the staged values into new and changed ones (unchanged ones are left alone),
 * one statement keeps the values about to be replaced in the history, one joined update and one insert write the
 * rest, all in the same transaction, with one audit record for the whole file. Progress is written to
 * {@code observation_import} in short transactions of its own, so a page polling any node can show it.
 */
@Component
public class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final int PROGRESS_EVERY_ROWS = 20_000;
    /** Serialises writers of {@code observation} (imports and single corrections). */
    public static final long WRITE_LOCK = 7215301L;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separate;
    private final IndicatorRepository indicators;
    private final OrgUnits units;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json;

    ImportRunner(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions,
                 IndicatorRepository indicators, OrgUnits units, ApplicationEventPublisher events, Clock clock,
                 JsonMapper json) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.indicators = indicators;
        this.units = units;
        this.events = events;
        this.clock = clock;
        this.json = json;
    }

    /** Registers an import about to run and returns its id (for the progress page). */
    public long open(String filename, long sizeBytes, LuoshiUser actor) {
        return separate.execute(status -> jdbc.sql("""
                        insert into observation_import (filename, status, phase, size_bytes, unit_id, actor_id,
                                                        started_at)
                        values (?, 'RUNNING', 'READING', ?, ?, ?, ?) returning id""")
                .params(truncate(filename, 255), sizeBytes, actor.scope().rootUnitId(), actor.id(),
                        OffsetDateTime.now(clock))
                .query(Long.class).single());
    }

    /** Runs an opened import to its end; the report says DONE or REJECTED (nothing written). */
    public ImportReport run(long importId, InputStream input, String filename, LuoshiUser actor) {
        return run(importId, input, filename, actor, false);
    }

    /**
     * Runs an opened import; as a preview it checks everything and finds what would change exactly as the import
     * would, then writes nothing but the preview (PREVIEW, or REJECTED).
     */
    public ImportReport run(long importId, InputStream input, String filename, LuoshiUser actor, boolean preview) {
        long started = System.nanoTime();
        Catalogue catalogue = new Catalogue(indicators.all());
        UnitLookup writable = new UnitLookup(units.visible(actor.scope(), true));
        YearMonth now = YearMonth.now(clock);
        int latestOrd = now.getYear() * 100 + now.getMonthValue();
        CountingStream counting = new CountingStream(input);
        Outcome outcome;
        try {
            outcome = transaction.execute(status -> {
                Outcome result = readAndWrite(importId, counting, filename, catalogue, writable, latestOrd, actor,
                        started, preview);
                if (result.rows().errorCount() > 0 || result.preview() != null) {
                    status.setRollbackOnly();
                }
                return result;
            });
        } catch (RuntimeException e) {
            log.error("Import {} of {} failed", importId, filename, e);
            separate.executeWithoutResult(s -> jdbc.sql("""
                            update observation_import set status = 'FAILED', phase = 'FAILED', finished_at = ?
                            where id = ?""")
                    .params(OffsetDateTime.now(clock), importId).update());
            throw e;
        }
        if (outcome.rows().errorCount() > 0) {
            separate.executeWithoutResult(s -> finishRow(importId, ImportStatus.REJECTED, outcome.rows(), 0, 0, 0,
                    counting.count()));
        } else if (outcome.preview() != null) {
            Preview p = outcome.preview();
            separate.executeWithoutResult(s -> {
                finishRow(importId, ImportStatus.PREVIEW, outcome.rows(), p.inserted(), p.updated(),
                        outcome.rows().observations() - p.inserted() - p.updated(), counting.count());
                jdbc.sql("update observation_import set changes_json = ? where id = ?")
                        .params(json.writeValueAsString(p.changes()), importId).update();
            });
        }
        return report(importId).orElseThrow();
    }

    private record Outcome(ObservationRows rows, Preview preview) {
        Outcome(ObservationRows rows) {
            this(rows, null);
        }
    }

    private record Preview(long inserted, long updated, List<ImportChange> changes) {
    }

    private Outcome readAndWrite(long importId, CountingStream input, String filename, Catalogue catalogue,
                                 UnitLookup writable, int latestOrd, LuoshiUser actor, long started,
                                 boolean preview) {
        // Held by the writing transaction until it ends: a RUNNING import whose lock is free has lost its runner.
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(?)) held").param(InterruptedImports.lockKey(importId))
                .query(Integer.class).single();
        jdbc.sql("""
                create temporary table observation_stage (
                    indicator_id int, period varchar(8), kind varchar(6), unit_id bigint, period_type char(1),
                    period_ord int, value numeric) on commit drop""").update();
        StagingCopy copy = new StagingCopy(copyIn());
        ObservationRows rows = new ObservationRows(catalogue, writable, latestOrd,
                (indicator, unit, period, kind, value) -> copy.write(indicator.id(), unit, period, kind, value));
        long[] seen = {0};
        try {
            cn.luoshi.common.excel.Spreadsheets.read(input, filename, row -> {
                boolean more = rows.accept(row);
                if (++seen[0] % PROGRESS_EVERY_ROWS == 0) {
                    progress(importId, "READING", rows.rowsRead(), input.count());
                }
                return more && !copy.failed() && rows.errorCount() <= 100_000;
            });
        } catch (DomainException unreadable) {
            // not a spreadsheet at all, or a broken one: one problem for the whole file
            rows.fileProblem(unreadable.code(), unreadable.args());
        }
        rows.finish();
        if (rows.errorCount() > 0) {
            copy.cancel();
            return new Outcome(rows);
        }
        progress(importId, "WRITING", rows.rowsRead(), input.count());
        long read = System.nanoTime();
        try {
            copy.finish();
        } catch (SQLException e) {
            throw new IllegalStateException("staging copy failed", e);
        }
        // Writers take turns, so a value replaced by two imports at once still leaves a complete history.
        jdbc.sql("select pg_advisory_xact_lock(?)").param(WRITE_LOCK).query().singleValue();
        jdbc.sql("analyze observation_stage").update();
        // One join finds what each staged value replaces; unchanged values are then left alone entirely (an
        // upsert would still lock and dirty every row it meets).
        jdbc.sql("""
                create temporary table observation_change on commit drop as
                select s.indicator_id, s.period, s.kind, s.unit_id, s.period_type, s.period_ord, s.value,
                       o.value as old_value, o.import_id as old_import_id
                from observation_stage s
                left join observation o on o.indicator_id = s.indicator_id and o.period = s.period
                                       and o.kind = s.kind and o.unit_id = s.unit_id
                where o.value is null or o.value <> s.value""").update();
        if (preview) {
            return new Outcome(rows, preview());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = jdbc.sql("""
                        insert into observation_history (indicator_id, period, kind, unit_id, old_value, new_value,
                                                         old_import_id, new_import_id, replaced_at, replaced_by)
                        select indicator_id, period, kind, unit_id, old_value, value, old_import_id, :import,
                               :now, :actor
                        from observation_change where old_value is not null""")
                .param("import", importId).param("now", now).param("actor", actor.id())
                .update();
        jdbc.sql("analyze observation_change").update();
        // Corrections as one joined update, new values as one insert in key order (which keeps the primary key's
        // pages filling in sequence instead of splitting all over); no writer runs meanwhile, thanks to the lock.
        jdbc.sql("""
                        update observation o
                        set value = c.value, import_id = :import, updated_at = :now, updated_by = :actor
                        from observation_change c
                        where c.old_value is not null and o.indicator_id = c.indicator_id and o.period = c.period
                          and o.kind = c.kind and o.unit_id = c.unit_id""")
                .param("import", importId).param("now", now).param("actor", actor.id())
                .update();
        int inserted = jdbc.sql("""
                        insert into observation (indicator_id, period, kind, unit_id, period_type, period_ord, value,
                                                 import_id, updated_at, updated_by)
                        select indicator_id, period, kind, unit_id, period_type, period_ord, value, :import, :now,
                               :actor
                        from observation_change where old_value is null
                        order by indicator_id, period, kind, unit_id""")
                .param("import", importId).param("now", now).param("actor", actor.id())
                .update();
        int written = inserted + updated;
        log.info("Import {} ({}): {} values read and checked in {} ms, written in {} ms", importId, filename,
                rows.observations(), (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        long unchanged = rows.observations() - written;
        finishRow(importId, ImportStatus.DONE, rows, inserted, updated, unchanged, input.count());
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        events.publishEvent(new ObservationsImported(importId, filename, actor.scope().rootUnitId(),
                rows.layout().name(), rows.rowsRead(), rows.observations(), inserted, updated, unchanged,
                rows.indicators(), rows.unitCount(), rows.first() == null ? null : rows.first().code(),
                rows.last() == null ? null : rows.last().code(), millis));
        return new Outcome(rows);
    }

    /** What the staged file would change: the counts, and the first changes with corrections first. */
    private Preview preview() {
        long[] counts = jdbc.sql("""
                        select count(*) filter (where old_value is null), count(*) filter (where old_value is not null)
                        from observation_change""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        List<ImportChange> changes = jdbc.sql("""
                        select i.code, i.name_zh, u.code as unit_code, u.name as unit_name, c.period, c.kind,
                               c.old_value, c.value
                        from observation_change c
                        join indicator i on i.id = c.indicator_id
                        join org_unit u on u.id = c.unit_id
                        order by c.old_value is null, i.code, u.path, c.period_ord, c.kind
                        limit ?""")
                .param(ImportReport.CHANGES_SHOWN)
                .query((rs, n) -> new ImportChange(rs.getString("code"), rs.getString("name_zh"),
                        rs.getString("unit_code"), rs.getString("unit_name"), rs.getString("period"),
                        rs.getString("kind"), rs.getBigDecimal("old_value"), rs.getBigDecimal("value")))
                .list();
        return new Preview(counts[0], counts[1], changes);
    }

    private CopyIn copyIn() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy observation_stage from stdin");
        } catch (SQLException e) {
            throw new IllegalStateException("COPY is not available on this connection", e);
        }
    }

    private void progress(long importId, String phase, long rows, long bytes) {
        separate.executeWithoutResult(s -> jdbc.sql("""
                        update observation_import set phase = ?, rows_read = ?, bytes_read = ? where id = ?""")
                .params(phase, rows, bytes, importId).update());
    }

    private void finishRow(long importId, ImportStatus status, ObservationRows rows, long inserted, long updated,
                           long unchanged, long bytes) {
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("indicators", rows.indicators());
        summary.put("units", rows.unitCount());
        summary.put("first", rows.first() == null ? null : rows.first().code());
        summary.put("last", rows.last() == null ? null : rows.last().code());
        jdbc.sql("""
                        update observation_import set status = ?, phase = ?, layout = ?, rows_read = ?,
                            observations = ?, inserted = ?, updated = ?, unchanged = ?, error_count = ?,
                            errors_json = ?, summary_json = ?, bytes_read = ?, finished_at = ?
                        where id = ?""")
                .params(status.name(), status.name(), rows.layout() == null ? null : rows.layout().name(),
                        rows.rowsRead(), rows.observations(), inserted, updated, unchanged, rows.errorCount(),
                        rows.problems().isEmpty() ? null : json.writeValueAsString(rows.problems()),
                        json.writeValueAsString(summary), bytes, OffsetDateTime.now(clock), importId)
                .update();
    }

    /** The import as it stands (running, done or refused). */
    public Optional<ImportReport> report(long importId) {
        return jdbc.sql("select * from observation_import where id = ?").param(importId).query((rs, n) -> {
            List<ImportProblem> problems = rs.getString("errors_json") == null ? List.of()
                    : json.readValue(rs.getString("errors_json"), new TypeReference<List<ImportProblem>>() { });
            Map<String, Object> summary = rs.getString("summary_json") == null ? Map.of()
                    : json.readValue(rs.getString("summary_json"), new TypeReference<Map<String, Object>>() { });
            OffsetDateTime startedAt = Rows.time(rs, "started_at");
            OffsetDateTime finishedAt = Rows.time(rs, "finished_at");
            Long millis = finishedAt == null ? null : Math.max(1, Duration.between(startedAt, finishedAt).toMillis());
            long rowsRead = rs.getLong("rows_read");
            long size = rs.getLong("size_bytes");
            long bytes = rs.getLong("bytes_read");
            ImportStatus status = ImportStatus.valueOf(rs.getString("status"));
            Integer percent = status != ImportStatus.RUNNING ? Integer.valueOf(100)
                    : size > 0 && bytes > 0 ? Integer.valueOf((int) Math.min(99, bytes * 100 / size)) : null;
            @SuppressWarnings("unchecked")
            List<String> touched = (List<String>) summary.getOrDefault("indicators", List.of());
            Object unitCount = summary.get("units");
            List<ImportChange> changes = rs.getString("changes_json") == null ? List.of()
                    : json.readValue(rs.getString("changes_json"), new TypeReference<List<ImportChange>>() { });
            return new ImportReport(rs.getLong("id"), rs.getString("filename"), status, rs.getString("phase"),
                    rs.getString("layout"), rowsRead, rs.getLong("observations"), rs.getLong("inserted"),
                    rs.getLong("updated"), rs.getLong("unchanged"), rs.getInt("error_count"), problems, touched,
                    unitCount instanceof Number number ? number.intValue() : 0, (String) summary.get("first"),
                    (String) summary.get("last"), percent, startedAt, finishedAt, millis,
                    millis == null || status != ImportStatus.DONE ? null : rowsRead * 1000 / millis, changes);
        }).optional();
    }

    /** Keeps a previewed import's file until its user confirms it. */
    public void keepPending(long importId, Path file) {
        jdbc.sql("update observation_import set pending_file = ? where id = ? and status = 'PREVIEW'")
                .params(file.toString(), importId).update();
    }

    /**
     * Hands out a preview's file once, to the user who started it: a second confirmation (another tab, a double
     * click) finds nothing.
     */
    public Optional<Path> takePending(long importId, long actorId) {
        return jdbc.sql("""
                        update observation_import i set pending_file = null
                        from (select id, pending_file from observation_import where id = ? for update) old
                        where i.id = old.id and i.actor_id = ? and i.status = 'PREVIEW' and old.pending_file is not null
                        returning old.pending_file""")
                .params(importId, actorId).query(String.class).optional().map(Path::of);
    }

    /** Who started an import may follow it; so may anyone whose scope covers the importer's scope unit. */
    public Optional<Long> actorOf(long importId) {
        return jdbc.sql("select actor_id from observation_import where id = ?").param(importId).query(Long.class)
                .optional();
    }

    private static String truncate(String s, int max) {
        String value = s == null ? "" : s;
        return value.length() > max ? value.substring(0, max) : value;
    }

    /** Counts the bytes read, for the progress bar of a CSV. */
    private static final class CountingStream extends FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}
