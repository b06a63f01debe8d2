package cn.luoshi.indicator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.indicator.internal.imports.ImportRunner;
import cn.luoshi.org.DataScope;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Spreadsheet imports of observations (CSV or XLSX, long or wide layout), all or nothing. Statisticians (and
 * administrators) import for the units in their data scope. An import runs either in the caller's request, or in the
 * background with a progress record the import page polls.
 */
@Service
public class ObservationImports {

    private static final Logger log = LoggerFactory.getLogger(ObservationImports.class);

    private final ImportRunner runner;
    private final JdbcClient jdbc;

    ObservationImports(ImportRunner runner, JdbcClient jdbc) {
        this.runner = runner;
        this.jdbc = jdbc;
    }

    /** Imports now and returns the report: DONE, or REJECTED with the problems (and nothing written). */
    public ImportReport importNow(InputStream input, String filename, long sizeBytes, LuoshiUser actor) {
        requireImporter(actor);
        long id = runner.open(filename, sizeBytes, actor);
        return runner.run(id, input, filename, actor);
    }

    /** Checks a file and shows what importing it would change, writing nothing: PREVIEW or REJECTED. */
    public ImportReport preview(InputStream input, String filename, long sizeBytes, LuoshiUser actor) {
        requireImporter(actor);
        long id = runner.open(filename, sizeBytes, actor);
        return runner.run(id, input, filename, actor, true);
    }

    /**
     * Writes a previewed import the user has looked at: its file is imported as a new import in the background,
     * whose id is returned. A preview is confirmed once, by the user who started it.
     */
    public long confirm(long previewId, LuoshiUser actor) {
        requireImporter(actor);
        ImportReport preview = status(previewId, actor);
        Path file = runner.takePending(previewId, actor.id())
                .filter(Files::exists)
                .orElseThrow(() -> DomainException.conflict("indicator.error.previewGone", preview.filename()));
        return startInBackground(file, preview.filename(), actor);
    }

    /**
     * Starts an import of a file already saved to disk and returns its id at once; the file is deleted when the
     * import ends. The import runs as the user who started it (its audit record names them).
     */
    public long startInBackground(Path file, String filename, LuoshiUser actor) {
        return startInBackground(file, filename, actor, false);
    }

    /**
     * As {@link #startInBackground(Path, String, LuoshiUser)}; as a preview the file is kept for the confirmation
     * when the check passes.
     */
    public long startInBackground(Path file, String filename, LuoshiUser actor, boolean preview) {
        requireImporter(actor);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long id = runner.open(filename, size, actor);
        SecurityContext context = SecurityContextHolder.getContext();
        Thread.ofVirtual().name("observation-import-" + id).start(() -> {
            SecurityContextHolder.setContext(context);
            boolean kept = false;
            try (InputStream input = Files.newInputStream(file)) {
                ImportReport report = runner.run(id, input, filename, actor, preview);
                if (report.preview()) {
                    runner.keepPending(id, file);
                    kept = true;
                }
            } catch (Exception e) {
                log.error("Background import {} failed", id, e);
            } finally {
                SecurityContextHolder.clearContext();
                try {
                    if (!kept) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    log.warn("Could not delete upload {}", file);
                }
            }
        });
        return id;
    }

    /** An import's progress or report, for whoever started it or oversees its scope unit. */
    public ImportReport status(long id, LuoshiUser me) {
        Long actor = runner.actorOf(id).orElseThrow(() -> DomainException.notFound("indicator.import", id));
        if (actor != me.id() && !visible(id, me.scope())) {
            throw DomainException.notFound("indicator.import", id);
        }
        return runner.report(id).orElseThrow(() -> DomainException.notFound("indicator.import", id));
    }

    /** Recent imports in the user's scope, newest first. */
    public PageResponse<ImportReport> recent(LuoshiUser me, Paging paging) {
        String where = "where (actor_id = :me or " + DataScope.unitFilter("unit_id") + ")";
        long total = jdbc.sql("select count(*) from observation_import " + where)
                .param("me", me.id()).param("scopePath", me.scope().pathPattern()).query(Long.class).single();
        List<Long> ids = jdbc.sql("select id from observation_import " + where
                        + " order by started_at desc, id desc limit :limit offset :offset")
                .param("me", me.id()).param("scopePath", me.scope().pathPattern())
                .param("limit", paging.size()).param("offset", paging.offset())
                .query(Long.class).list();
        return paging.page(ids.stream().map(id -> runner.report(id).orElseThrow()).toList(), total);
    }

    private boolean visible(long id, DataScope scope) {
        return jdbc.sql("select count(*) from observation_import where id = :id and "
                        + DataScope.unitFilter("unit_id"))
                .param("id", id).param("scopePath", scope.pathPattern()).query(Long.class).single() > 0;
    }

    static void requireImporter(LuoshiUser actor) {
        if (!actor.hasAny(Role.STATISTICIAN, Role.ADMIN)) {
            throw DomainException.forbidden("indicator.error.onlyStatistician");
        }
    }
}
