package cn.luoshi.indicator;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an import did, or why it was refused. A refused import wrote nothing; its problems list the first errors
 * (row by row) and {@code errorCount} says how many there were in all.
 *
 * @param rowsRead     data rows read from the file (header and blank rows not counted)
 * @param observations values found in those rows (a wide row holds one per period column)
 * @param inserted     values new to Luoshi
 * @param updated      values that replaced a different earlier value (kept in the history)
 * @param unchanged    values equal to what was already stored
 * @param changes      for a preview, the first values it would write (corrections first), else empty
 */
public record ImportReport(long id, String filename, ImportStatus status, String phase, String layout,
                           long rowsRead, long observations, long inserted, long updated, long unchanged,
                           int errorCount, List<ImportProblem> problems, List<String> indicators, int units,
                           String firstPeriod, String lastPeriod, Integer percent, OffsetDateTime startedAt,
                           OffsetDateTime finishedAt, Long durationMillis, Long rowsPerSecond,
                           List<ImportChange> changes) {

    /** How many changes a preview lists at most; the counts cover all of them. */
    public static final int CHANGES_SHOWN = 200;

    public boolean finished() {
        return status != ImportStatus.RUNNING;
    }

    public boolean preview() {
        return status == ImportStatus.PREVIEW;
    }
}
