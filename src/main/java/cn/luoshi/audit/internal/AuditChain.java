package cn.luoshi.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * How a row's hash is made: SHA-256 over the previous hash and every field of the row, each length-prefixed so
 * that no two different rows can produce the same input.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(String prevHash, long id, OffsetDateTime occurredAt, String actor, Long actorId, String action,
                       String entityType, String entityId, Long unitId, String summary, String before,
                       String after) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            field(digest, prevHash);
            field(digest, Long.toString(id));
            field(digest, Long.toString(micros(occurredAt)));
            field(digest, actor);
            field(digest, actorId == null ? null : actorId.toString());
            field(digest, action);
            field(digest, entityType);
            field(digest, entityId);
            field(digest, unitId == null ? null : unitId.toString());
            field(digest, summary);
            field(digest, before);
            field(digest, after);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PostgreSQL keeps microseconds; the hash must use exactly what is stored. */
    static OffsetDateTime truncate(OffsetDateTime time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    private static long micros(OffsetDateTime time) {
        var instant = time.toInstant();
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    private static void field(MessageDigest digest, String value) {
        if (value == null) {
            digest.update((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 1);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }
}
