package cn.luoshi.speech.internal;

import java.time.OffsetDateTime;

/** A speech read for review; once registered it names the meeting it became. */
public record SpeechImport(long id, String sha256, String text, String fileName, long organiserUnitId,
                    String organiserUnitName, Long meetingId, OffsetDateTime createdAt, OffsetDateTime registeredAt,
                    int version, Long revisionOf, Double similarity) {

    /** An edited copy of a registered speech, registered into that speech's meeting. */
    public boolean revision() {
        return revisionOf != null;
    }

    public boolean registered() {
        return meetingId != null;
    }
}
