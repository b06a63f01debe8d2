package cn.luoshi.speech.internal;

import java.time.OffsetDateTime;

/** A speech read for review; once registered it names the meeting it became. */
public record SpeechImport(long id, String sha256, String text, String fileName, long organiserUnitId,
                    String organiserUnitName, Long meetingId, OffsetDateTime createdAt, OffsetDateTime registeredAt,
                    int version) {

    public boolean registered() {
        return meetingId != null;
    }
}
