package cn.luoshi.common.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Small helpers for mapping rows. */
public final class Rows {

    private Rows() {
    }

    /**
     * A timestamptz column as a time in the application's zone. The driver always answers in UTC; users read
     * Beijing time, so every mapper goes through here.
     */
    public static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(ZoneId.systemDefault()).toOffsetDateTime();
    }

    public static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(ZoneId.systemDefault()).toOffsetDateTime();
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Long.class);
    }
}
