package cn.luoshi.project;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an import of a project list or of monthly progress would do, shown before anything is written: every row of
 * the file as new, changed (each changed field with its old and new value), unchanged or refused (with the reasons).
 * A preview without refused rows is kept ({@code id}) and can be confirmed once, by the user who uploaded it, until
 * {@code expiresAt}; one with refused rows cannot be confirmed ({@code id} is null).
 *
 * @param kind      PROJECTS or PROGRESS
 * @param rows      the data rows of the file (blank rows not counted)
 * @param badRows   the refused rows
 * @param problems  how many problems the refused rows have in all
 * @param lines     every row, in file order
 */
public record ImportPreview(Long id, String kind, String filename, int rows, int created, int changed, int unchanged,
                            int badRows, int problems, List<Line> lines, OffsetDateTime createdAt,
                            OffsetDateTime expiresAt, OffsetDateTime confirmedAt) {

    public enum Outcome { NEW, CHANGED, UNCHANGED, REFUSED }

    /**
     * One row of the file.
     *
     * @param key      the project code (and for progress the month, e.g. "XM2026-00001 2026年5月")
     * @param name     the project's name as it would read after the import
     * @param changes  for CHANGED: the fields that change
     * @param problems for REFUSED: why, in the words of today's row report
     */
    public record Line(int row, Outcome outcome, String key, String name, List<Change> changes,
                       List<Problem> problems) {
    }

    /** A field that changes: its column header and its values before and after, as they read in the sheet. */
    public record Change(String field, String oldValue, String newValue) {
    }

    /** One reason a row is refused, in Chinese and English ("第 3 行「项目类别」：…"). */
    public record Problem(String field, String column, String message, String messageEn) {
    }

    public boolean refused() {
        return badRows > 0;
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }

    /** Whether confirming would write anything. */
    public boolean writesSomething() {
        return created + changed > 0;
    }
}
