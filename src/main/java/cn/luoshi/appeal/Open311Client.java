package cn.luoshi.appeal;

import java.time.OffsetDateTime;

/** A client system allowed to file through Open311; only the first characters of its key are kept readable. */
public record Open311Client(long id, String name, String keyPrefix, String createdBy, OffsetDateTime createdAt,
                            OffsetDateTime revokedAt) {
}
